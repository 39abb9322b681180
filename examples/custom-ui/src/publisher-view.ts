// The publisher's view: the offers made to the signed-in person, a share button per platform that records the
// share through the SDK and shows the tracked link, and the person's own results. Plain DOM, no framework; every
// text from the data goes in as text, never as HTML.
import { buildShareLink, type ShareLink } from '@social-shift/adapters/share-links';
import type { Language, Platform, Post, Share, SocialShift } from '@social-shift/core';
import { labels } from '@social-shift/core/labels';
import { LATEST_SHARES, ownResults } from './own-results.js';
import { browserLanguage, describeError, VIEW_TEXT } from './view-text.js';

type Child = Node | string;

function h(tag: string, attributes: Record<string, string> = {}, ...children: Child[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

const SHARE_PLATFORMS: readonly Platform[] = ['linkedin', 'x', 'facebook'];
const LANGUAGES: readonly { readonly language: Language; readonly name: string }[] = [
  { language: 'nl', name: 'Nederlands' },
  { language: 'en', name: 'English' },
];

/**
 * Shows a failure in the page, in `language`, with what to do; the SDK's message, for developers, goes to the
 * console.
 */
export function showError(error: unknown, language: Language = browserLanguage(navigator.languages)): void {
  console.warn(error);
  document.getElementById('status')!.textContent = describeError(error, language);
}

/**
 * The platform's share dialog for a recorded share: the post's text fitted to the platform, and the tracked link
 * exactly as the SDK returned it with the share.
 */
function shareDialog(platform: Platform, post: Post, share: Share): ShareLink {
  const variant = post.variants.find((v) => v.platform === platform)?.text ?? post.text;
  return buildShareLink(platform, { text: variant, ...(share.trackedUrl ? { url: share.trackedUrl } : {}) });
}

/** Renders the view into the page and keeps it current after each command. */
export async function renderPublisherView(shift: SocialShift, publisherId: string): Promise<void> {
  const me = shift.as(publisherId);
  const status = document.getElementById('status')!;
  const say = (...message: Child[]) => {
    status.replaceChildren(...message);
  };
  // The page speaks the signed-in person's language (the browser's until they are known).
  let language = browserLanguage(navigator.languages);
  const fail = (error: unknown) => showError(error, language);
  // One share at a time: while one is being recorded the share buttons are disabled, so a click on another
  // platform does not race it (and get refused for a changed offer after the first one was recorded).
  const shareButtons = () => document.querySelectorAll<HTMLButtonElement>('#offers button[data-platform]');

  const render = async (): Promise<void> => {
    const person = await me.people.get(publisherId);
    language = person.language;
    const words = VIEW_TEXT[language];
    const text = labels(language);
    document.documentElement.lang = language;
    document.title = words.title;
    document.getElementById('offers-title')!.textContent = words.offersTitle;
    document.getElementById('stats-title')!.textContent = words.statsTitle;
    document.getElementById('who')!.textContent = words.signedInAs(person.displayName);
    document.getElementById('language')!.replaceChildren(
      ...LANGUAGES.map(({ language: choice, name }) => {
        const button = h(
          'button',
          { type: 'button', lang: choice, 'aria-pressed': String(choice === language) },
          name,
        );
        button.addEventListener('click', async () => {
          try {
            if (choice !== language) await me.people.update(publisherId, { language: choice });
            await render();
          } catch (error) {
            fail(error);
          }
        });
        return button;
      }),
    );
    document.getElementById('language-title')!.textContent = words.languageSwitch;

    // #region offers
    const offers = await me.offers.mine();
    // The latest 100 shares (the most `myShares` gives at once), with what the platforms reported about each.
    const latest = await me.offers.myShares({ limit: LATEST_SHARES });
    // A recorded share keeps its platform's share dialog, also after a reload that came before the publisher
    // opened it. One offer may be shared on several platforms while its post is on offer and its campaign runs.
    const recorded = new Map(latest.map(({ share }) => [`${share.offerId}:${share.platform}`, share]));
    const shareable = await Promise.all(
      offers.map(async ({ offer }) =>
        offer.status === 'shared'
          ? (await me.offers.allowedEvents(offer.id)).includes('SHARE')
          : offer.status === 'offered' || offer.status === 'seen',
      ),
    );
    const list = document.getElementById('offers')!;
    list.replaceChildren(
      ...offers.map(({ offer, post }, i) => {
        const actions = h('div', { class: 'actions' });
        // Each button and link is described by its post's title: "Share on LinkedIn" alone does not say which.
        const titleId = `post-title-${offer.id}`;
        for (const platform of shareable[i] ? SHARE_PLATFORMS : []) {
          const share = recorded.get(`${offer.id}:${platform}`);
          if (share) {
            const link = shareDialog(platform, post, share);
            actions.append(
              link.href
                ? h(
                    'a',
                    {
                      href: link.href,
                      target: '_blank',
                      rel: 'noopener',
                      'data-platform': platform,
                      'aria-describedby': titleId,
                    },
                    words.open(text.platforms[platform]),
                  )
                : h('p', { 'data-platform': platform }, words.pasteThis(link.clipboardText ?? link.text)),
            );
            continue;
          }
          const button = h(
            'button',
            { type: 'button', 'data-platform': platform, 'aria-describedby': titleId },
            words.shareOn(text.platforms[platform]),
          );
          button.addEventListener('click', async () => {
            for (const other of shareButtons()) other.disabled = true;
            try {
              // The key makes a double click or a retry record one share, not two.
              const share = await me.offers.share(offer.id, {
                platform,
                idempotencyKey: `${offer.id}:${platform}`,
              });
              const link = shareDialog(platform, post, share);
              say(
                words.sharedOn(text.platforms[platform], share.trackedUrl),
                link.href
                  ? h(
                      'a',
                      { href: link.href, target: '_blank', rel: 'noopener', 'data-testid': 'share-link' },
                      words.open(text.platforms[platform]),
                    )
                  : words.pasteThis(link.clipboardText ?? link.text),
              );
            } catch (error) {
              fail(error);
            }
            try {
              await render();
            } catch (error) {
              fail(error);
            } finally {
              for (const other of shareButtons()) other.disabled = false;
            }
            // The button the keyboard was on is gone (the share's link took its place): the focus goes to that
            // link, else to the offer.
            if (!button.isConnected) {
              const item = list.querySelector(`[data-offer-id="${CSS.escape(offer.id)}"]`);
              (
                item?.querySelector<HTMLElement>(`a[data-platform="${platform}"]`) ??
                item?.querySelector<HTMLElement>('h3')
              )?.focus();
            }
          });
          actions.append(button);
        }
        return h(
          'li',
          {
            class: 'offer',
            'data-testid': 'offer',
            'data-offer-id': offer.id,
            'data-offer-status': offer.status,
          },
          // The post's own language, so a screen reader reads it with the right voice.
          h('h3', { id: titleId, tabindex: '-1', lang: post.language }, post.title),
          h('p', { class: 'state' }, `${text.statuses.offer[offer.status]}`),
          h('blockquote', { lang: post.language }, post.text),
          actions,
        );
      }),
    );
    if (offers.length === 0) list.append(h('li', {}, words.nothingOffered));
    // #endregion offers

    // With as many shares as `myShares` gives at once there may be older ones: the figures say they are at least
    // what they show.
    const results = ownResults(latest);
    const atLeast = (count: number) => (results.complete ? String(count) : `${count}+`);
    const rows = Object.entries(results.sharesByPlatform).map(([platform, count]) =>
      h('tr', {}, h('td', {}, text.platforms[platform as Platform]), h('td', {}, atLeast(count))),
    );
    document
      .getElementById('stats')!
      .replaceChildren(
        h('p', { 'data-testid': 'share-count' }, words.shares(atLeast(results.shares))),
        h('p', { 'data-testid': 'click-count' }, words.clicks(atLeast(results.clicks))),
        results.complete ? '' : h('p', {}, words.countedOver(LATEST_SHARES)),
        h(
          'table',
          {},
          h('thead', {}, h('tr', {}, h('th', {}, words.platform), h('th', {}, words.sharesColumn))),
          h('tbody', {}, ...rows),
        ),
      );
  };
  await render();
}
