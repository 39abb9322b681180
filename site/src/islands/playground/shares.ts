// The acting person's shares and what the platforms report about them. Here the visitor plays the platform: a
// click (through the share's tracked link when it has one, as the service behind the link would), a reaction or a
// comment. The SDK records each as the system actor, only while the publisher consents to tracking; a refusal
// shows as every other one does.
import { isSocialShiftError } from '@social-shift/core';
import { recordTrackedClick } from '@social-shift/core/links';
import { format, h } from '../dom';
import type { Context } from './context';

/**
 * Whether the tracked link `url` was signed with another key than this browser's: the demo's key lives in the
 * browser, so the links of a programme exported elsewhere and imported here (or kept after this browser's site data
 * was cleared) do not pass the link's check, and the SDK would call every click on them forged.
 */
async function signedElsewhere(ctx: Context, url: string): Promise<boolean> {
  try {
    await ctx.session.links.resolve(url, { organisationId: ctx.session.organisationId });
    return false;
  } catch (error) {
    return (
      isSocialShiftError(error) &&
      error.code === 'INVALID_LINK' &&
      (error.details as { reason?: unknown } | undefined)?.reason === 'bad-signature'
    );
  }
}

const SHOWN = 5;

/** The acting person's latest shares with their figures and the platform's buttons; `null` without shares. */
export async function sharesTable(ctx: Context): Promise<HTMLElement | null> {
  const { session } = ctx;
  // The SDK's own view of a publisher's shares: newest first, with what the platforms reported (retention's
  // summaries included).
  // One more than shown, to know whether there are more (myShares gives no total).
  const newest = await session.shift.as(ctx.actorId).offers.myShares({ limit: SHOWN + 1 });
  if (newest.length === 0) return null;
  const shares = newest.slice(0, SHOWN);
  const note =
    newest.length > SHOWN
      ? h(
          'p',
          { id: 'shares-shown', class: 'hint', 'data-testid': 'shown' },
          format(ctx.m.listNewest, { shown: SHOWN }),
        )
      : null;
  const dateTime = new Intl.DateTimeFormat(ctx.lang, { dateStyle: 'medium', timeStyle: 'short' });
  // A figure as the page's language writes it: 1.234 on a Dutch page, 1,234 on an English one.
  const count = new Intl.NumberFormat(ctx.lang);

  const rows = await Promise.all(
    shares.map(async ({ share, post, figures }) => {
      const title = post.title;
      const platform = ctx.l.platforms[share.platform];
      const key = (kind: string) => session.shift.ids.next(kind);
      // A link signed with another browser's key cannot pass the check here: its click is recorded as the platform
      // reports one without a tracked link, and the row says why.
      const elsewhere = share.trackedUrl ? await signedElsewhere(ctx, share.trackedUrl) : false;
      const elsewhereId = `signed-elsewhere-${share.id}`;
      const button = (
        event: string,
        label: string,
        done: string,
        record: () => Promise<unknown>,
        describedBy?: string,
      ) =>
        h(
          'button',
          {
            type: 'button',
            'data-event': event,
            'aria-describedby': describedBy,
            onclick: () => ctx.act(format(done, { post: title, platform }), record),
          },
          label,
        );
      return h(
        'tr',
        {
          'data-share': share.id,
          'data-tracked': share.trackedUrl ? 'true' : 'false',
          'data-signed-elsewhere': elsewhere ? 'true' : undefined,
        },
        h('th', { scope: 'row', lang: post.language }, title),
        h('td', null, platform),
        h('td', null, h('time', { datetime: share.sharedAt }, dateTime.format(new Date(share.sharedAt)))),
        h('td', { 'data-figure': 'clicks' }, count.format(figures.clicks)),
        h('td', { 'data-figure': 'reactions' }, count.format(figures.reactions)),
        h('td', { 'data-figure': 'comments' }, count.format(figures.comments)),
        h(
          'td',
          null,
          h(
            'div',
            {
              class: 'actions',
              role: 'group',
              'aria-label': format(ctx.m.shareActionsOf, { post: title, platform }),
              'data-entity': share.id,
            },
            button(
              'RECORD_CLICK',
              ctx.m.shareRecordClick,
              ctx.m.shareRecordedClick,
              () =>
                share.trackedUrl && !elsewhere
                  ? recordTrackedClick(session.shift, session.links, {
                      url: share.trackedUrl,
                      clickId: key('click'),
                    })
                  : session.shift.platform.recordClick({ shareId: share.id, idempotencyKey: key('click') }),
              elsewhere ? elsewhereId : undefined,
            ),
            button('RECORD_REACTION', ctx.m.shareRecordReaction, ctx.m.shareRecordedReaction, () =>
              session.shift.platform.recordReaction({
                shareId: share.id,
                count: 1,
                idempotencyKey: key('reaction'),
              }),
            ),
            button('RECORD_COMMENT', ctx.m.shareRecordComment, ctx.m.shareRecordedComment, () =>
              session.shift.platform.recordComment({
                shareId: share.id,
                byAmbassador: false,
                count: 1,
                idempotencyKey: key('comment'),
              }),
            ),
            elsewhere
              ? h(
                  'span',
                  { id: elsewhereId, class: 'hint', 'data-testid': 'signed-elsewhere' },
                  ctx.m.shareSignedElsewhere,
                )
              : null,
          ),
        ),
      );
    }),
  );

  return h(
    'section',
    { 'aria-labelledby': 'shares-title', 'data-testid': 'my-shares' },
    h('h3', { id: 'shares-title' }, ctx.m.sharesMine),
    h('p', { class: 'hint' }, ctx.m.sharesIntro),
    h(
      'table',
      { 'data-testid': 'shares', 'aria-labelledby': 'shares-title', 'aria-describedby': note?.id },
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          [
            ctx.m.sharePost,
            ctx.m.publishPlatform,
            ctx.m.sharedAt,
            ctx.m.shareClicks,
            ctx.m.shareReactions,
            ctx.m.shareComments,
            ctx.m.actions,
          ].map((c) => h('th', { scope: 'col' }, c)),
        ),
      ),
      h('tbody', null, rows),
    ),
    note,
  );
}
