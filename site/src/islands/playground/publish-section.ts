// The publisher's side of a campaign: the offers made to the acting person; open one (SEE), pick a platform,
// see the text fitted to it and the tracked link, open the platform's share link, and record the share. Below
// them the person's shares, with what the platforms report about each (shares.ts).
import { buildShareLink } from '@social-shift/adapters/share-links';
import { fitText } from '@social-shift/adapters/text-fit';
import { offerWorkflow, PLATFORMS, type Platform } from '@social-shift/core';
import { format, h } from '../dom';
import { shownNote } from '../shown';
import { type Context, workflowButtons } from './context';
import { sharesTable } from './shares';

const SHOWN = 5;

/** Renders the publisher's offers and shares. */
export async function publishSection(ctx: Context): Promise<HTMLElement> {
  const [offers, shares] = await Promise.all([offersList(ctx), sharesTable(ctx)]);
  return h('div', null, offers, shares);
}

async function offersList(ctx: Context): Promise<HTMLElement> {
  const me = ctx.session.shift.as(ctx.actorId);
  const offers = (await me.offers.mine().catch(() => [])).filter(
    ({ offer }) => offer.status === 'offered' || offer.status === 'seen' || offer.id === ctx.ui.openOfferId,
  );
  if (offers.length === 0) return h('p', { 'data-testid': 'no-offers' }, ctx.m.publishNoOffers);

  const items = await Promise.all(
    offers.slice(0, SHOWN).map(async ({ offer, post }) => {
      const permitted: readonly string[] = await me.offers.allowedEvents(offer.id).catch(() => []);
      const open = offer.id === ctx.ui.openOfferId;
      const item = h(
        'li',
        // The offer's entity (as its buttons' box is): after a command whose button is gone with the share panel
        // (record the share, open), the focus goes to the offer's heading.
        { 'data-offer': offer.id, 'data-status': offer.status, 'data-entity': offer.id },
        h('h3', { lang: post.language }, post.title),
        h(
          'p',
          null,
          `${ctx.m.status}: `,
          h('span', { 'data-testid': 'status' }, ctx.l.statuses.offer[offer.status]),
        ),
        workflowButtons(ctx, offerWorkflow, offer, permitted, {
          SEE: async () => {
            ctx.ui.openOfferId = offer.id;
            return me.offers.see(offer.id);
          },
          DECLINE: () => me.offers.decline(offer.id),
        }),
        offer.status === 'seen' && !open
          ? h(
              'button',
              {
                type: 'button',
                onclick: () => {
                  ctx.ui.openOfferId = offer.id;
                  void ctx.act('', async () => undefined);
                },
              },
              ctx.m.publishOpen,
            )
          : null,
      );
      if (!open || offer.status === 'shared') return item;

      const platform = (ctx.ui.platform ?? 'linkedin') as Platform;
      const variant = post.variants.find((v) => v.platform === platform)?.text ?? post.text;
      const tracked = await ctx.session.links.track({
        organisationId: ctx.session.organisationId,
        link: post.link,
        platform,
        campaignId: offer.campaignId,
        postId: post.id,
        publisherId: offer.publisherId,
      });
      const fitted = fitText(platform, variant, tracked.url ? { link: tracked.url } : {});
      // A platform whose share link the Playground cannot build (Mastodon's goes to the publisher's own server,
      // which the demo does not know) gets no link and says so; the share can still be recorded. Not with the SDK's
      // refusal (VALIDATION, "give the server"): the visitor typed nothing wrong.
      let share: ReturnType<typeof buildShareLink> | undefined;
      try {
        share = buildShareLink(platform, { text: variant, ...(tracked.url ? { url: tracked.url } : {}) });
      } catch {
        share = undefined;
      }
      // LinkedIn, Facebook, Xing, Instagram and Reddit take no text from the share link: the publisher pastes it, and
      // the box shows that text (on LinkedIn the link goes as the card, not also in the text). Reddit's link carries
      // the title; the text goes whole into the post's body. The others carry the fitted text with the link.
      const paste = share?.clipboardText;
      const pasted = paste === undefined || platform === 'reddit' ? undefined : fitText(platform, variant);
      const shown = pasted ?? (paste === undefined ? fitted : undefined);
      const counted = shown?.fitted[0];
      const select = h(
        'select',
        {
          id: `platform-${offer.id}`,
          'data-testid': 'platform',
          onchange: (event) => {
            ctx.ui.platform = (event.target as HTMLSelectElement).value;
            void ctx.act('', async () => undefined);
          },
        },
        PLATFORMS.map((p) => h('option', { value: p, selected: p === platform }, ctx.l.platforms[p])),
      );
      item.append(
        h(
          'div',
          { class: 'share', 'data-testid': 'share-panel' },
          h('label', { for: `platform-${offer.id}` }, ctx.m.publishPlatform, ' '),
          select,
          h(
            'p',
            null,
            h(
              'strong',
              null,
              format(
                paste === undefined
                  ? ctx.m.publishFitted
                  : counted
                    ? ctx.m.publishPaste
                    : ctx.m.publishPasteWhole,
                {
                  platform: ctx.l.platforms[platform],
                  // As the page's language writes a number: 3.000 on a Dutch page, 3,000 on an English one.
                  used: new Intl.NumberFormat(ctx.lang).format(counted?.count ?? 0),
                  limit: new Intl.NumberFormat(ctx.lang).format(counted?.limit ?? 0),
                },
              ),
            ),
            shown === undefined || shown.fits ? '' : ` (${ctx.m.publishFittedCut})`,
          ),
          h(
            'blockquote',
            { 'data-testid': 'fitted-text', 'data-paste': String(paste !== undefined), lang: post.language },
            paste ?? fitted.text,
          ),
          h(
            'p',
            null,
            h('strong', null, `${ctx.m.publishTracked}: `),
            tracked.url ? h('code', { 'data-testid': 'tracked-link' }, tracked.url) : ctx.m.publishNoLink,
          ),
          share?.href
            ? h(
                'p',
                null,
                h(
                  'a',
                  {
                    href: share.href,
                    target: '_blank',
                    rel: 'noopener noreferrer',
                    'data-testid': 'share-intent',
                  },
                  format(ctx.m.publishIntent, { platform: ctx.l.platforms[platform] }),
                ),
              )
            : null,
          share
            ? null
            : h(
                'p',
                { class: 'hint', 'data-testid': 'no-share-intent' },
                format(ctx.m.publishNoIntent, { platform: ctx.l.platforms[platform] }),
              ),
          h(
            'button',
            {
              type: 'button',
              'data-event': 'SHARE',
              class: permitted.includes('SHARE') ? 'event' : 'event locked',
              onclick: () =>
                ctx.act(format(ctx.m.publishShared, { platform: ctx.l.platforms[platform] }), () =>
                  me.offers.share(offer.id, { platform, idempotencyKey: `${offer.id}:${platform}` }),
                ),
            },
            ctx.m.publishRecord,
          ),
          h('p', { class: 'hint' }, ctx.m.publishDemoSecret),
        ),
      );
      return item;
    }),
  );
  const note = shownNote('offers-shown', ctx.m.listShown, items.length, offers.length, ctx.lang);
  return h(
    'div',
    null,
    h('p', null, ctx.m.publishIntro),
    h('ul', { class: 'offers', 'data-testid': 'offers', 'aria-describedby': note?.id }, items),
    note,
  );
}
