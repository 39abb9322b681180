// The publisher's view: the offers made to the signed-in person, a share button per platform that records the
// share through the SDK and shows the tracked link, and the person's own results. Plain DOM, no framework; every
// text from the data goes in as text, never as HTML.
import { buildShareLink, type ShareLink } from '@social-shift/adapters/share-links';
import type {
  ActingAs,
  Language,
  OfferWithPost,
  Platform,
  Post,
  Share,
  SocialShift,
} from '@social-shift/core';
import { labels } from '@social-shift/core/labels';
import { LATEST_SHARES, ownResults, shownFigure } from './own-results.js';
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
 * Puts the page's own words (title, headings, the language switch's legend) in `language`, and marks the page as
 * being in it, so `lang` always names the language its text is in (a screen reader picks its voice by it).
 */
export function speak(language: Language): void {
  const words = VIEW_TEXT[language];
  document.documentElement.lang = language;
  document.title = words.title;
  document.getElementById('page-title')!.textContent = words.heading;
  document.getElementById('offers-title')!.textContent = words.offersTitle;
  document.getElementById('stats-title')!.textContent = words.statsTitle;
  document.getElementById('language-title')!.textContent = words.languageSwitch;
}

/**
 * Shows a failure in the page, with what to do, in `language`: by default the one the page speaks (its `lang`, set
 * by {@link speak}: the browser's until the signed-in person is known, then theirs), so the failure is in the
 * language of the headings around it. The SDK's message, for developers, goes to the console.
 */
export function showError(
  error: unknown,
  language: Language = document.documentElement.lang === 'nl' ? 'nl' : 'en',
): void {
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

/**
 * Whether each offer can be shared now (on a platform it was not shared on yet), as the SDK says
 * (`offers.allowedEvents`): the person's own offer, offered, seen or shared already, can be while they have
 * consent, its post is on offer and its campaign runs; a declined or expired one never can. That answer is the same
 * for every offer of one publisher and one campaign whose post is in the same state, so it is asked once for each
 * in a redraw, not once per offer: each asking reads the person, their roles and consent, the offer, its post and
 * its campaign again.
 *
 * The answer is as of the list: the post's state in the key is the one `offers` shows, while the SDK looks at each
 * post as it is when asked. When a post passes its `expiresAt` after the list was read, the one offer asked for
 * answers for the others of its campaign: a button may show whose click is refused ("The post is expired", and
 * the view is drawn anew), or one may be missing until the next redraw.
 *
 * @example
 * ```ts
 * const shareable = await shareableOffers(me, await me.offers.mine()); // [true, false, …]
 * ```
 */
export async function shareableOffers(me: ActingAs, offers: readonly OfferWithPost[]): Promise<boolean[]> {
  const answers = new Map<string, Promise<boolean>>();
  return Promise.all(
    offers.map(({ offer, post }) => {
      if (offer.status === 'declined' || offer.status === 'expired') return false;
      const key = `${offer.publisherId}\u0000${offer.campaignId}\u0000${post.status}`;
      let answer = answers.get(key);
      if (!answer) {
        answer = me.offers.allowedEvents(offer.id).then((events) => events.includes('SHARE'));
        answers.set(key, answer);
      }
      return answer;
    }),
  );
}

/**
 * How to find the control the keyboard is on (a share button or link of an offer, the offer's title, a language
 * button) once the view is drawn anew: a share button whose share another tab recorded is the share's link then.
 */
function focusedControl(): () => HTMLElement | null | undefined {
  const active = document.activeElement;
  const offerId = active?.closest('[data-offer-id]')?.getAttribute('data-offer-id');
  if (offerId) {
    const item = `[data-offer-id="${CSS.escape(offerId)}"]`;
    const platform = active?.getAttribute('data-platform');
    return () =>
      (platform &&
        document.querySelector<HTMLElement>(
          `${item} a[data-platform="${platform}"], ${item} button[data-platform="${platform}"]`,
        )) ||
      document.querySelector<HTMLElement>(`${item} h3`);
  }
  const language = active?.closest('#language') ? active.getAttribute('lang') : null;
  return () =>
    language ? document.querySelector<HTMLElement>(`#language button[lang="${language}"]`) : null;
}

/** The BroadcastChannel on which each tab of the view tells the others that it changed the programme. */
const CHANGED_CHANNEL = 'social-shift-custom-ui:changed';

/**
 * Renders the view into the page and keeps it current: after each of its own commands, and whenever another tab of
 * this browser changed the programme. Resolves, once drawn, with the function that stops the live updates (a
 * single-page app calls it when it leaves the view): from then on the view draws nothing, not even the end of a share
 * or a drawing under way (the share is recorded), and starts no command.
 */
export async function renderPublisherView(shift: SocialShift, publisherId: string): Promise<() => void> {
  const me = shift.as(publisherId);
  const status = document.getElementById('status')!;
  // The page speaks the signed-in person's language (the browser's until they are known).
  let language = browserLanguage(navigator.languages);
  // Once the app has left the view (its stop function), nothing is drawn into the page any more.
  let stopped = false;
  // The status line, kept as how to draw it, so that after a language switch it is said in the new language.
  let message: { draw: (language: Language) => Child[]; language: Language } | undefined;
  const say = (draw: (language: Language) => Child[]) => {
    if (stopped) return;
    message = { draw, language };
    status.replaceChildren(...draw(language));
  };
  const fail = (error: unknown) => {
    console.warn(error);
    say((language) => [describeError(error, language)]);
  };
  // One command at a time: while a share or a language switch runs, the share and language buttons are disabled
  // (also those a render draws meanwhile), so a second click, on any of them, starts no second command (a share on
  // another platform would race the first one and be refused for a changed offer).
  let busy = false;
  const commandButtons = () =>
    document.querySelectorAll<HTMLButtonElement>('#offers button[data-platform], #language button');
  type Focus = () => HTMLElement | null | undefined;
  /**
   * Runs `command` and says its failure, draws the view again (the latest state, also after a failure), then puts
   * the keyboard focus where `refocus` says: the button the keyboard was on has been drawn anew.
   */
  const run = async (command: () => Promise<void>, refocus: Focus): Promise<void> => {
    if (busy || stopped) return;
    busy = true;
    for (const button of commandButtons()) button.disabled = true;
    try {
      await command();
    } catch (error) {
      fail(error);
    }
    try {
      await redraw();
    } catch (error) {
      fail(error);
    } finally {
      busy = false;
      for (const button of commandButtons()) button.disabled = false;
    }
    if (!stopped) refocus()?.focus();
  };
  /** A button that runs a command (one at a time). */
  const commandButton = (
    attributes: Record<string, string>,
    label: string,
    command: () => Promise<void>,
    refocus: Focus,
  ): HTMLButtonElement => {
    const button = h('button', { type: 'button', ...attributes }, label) as HTMLButtonElement;
    button.disabled = busy;
    button.addEventListener('click', () => run(command, refocus));
    return button;
  };

  const render = async (): Promise<void> => {
    if (stopped) return;
    const person = await me.people.get(publisherId);
    if (stopped) return;
    language = person.language;
    const words = VIEW_TEXT[language];
    const text = labels(language);
    speak(language);
    if (message && message.language !== language) say(message.draw);
    document.getElementById('who')!.textContent = words.signedInAs(person.displayName);
    document.getElementById('language')!.replaceChildren(
      ...LANGUAGES.map(({ language: choice, name }) =>
        commandButton(
          { lang: choice, 'aria-pressed': String(choice === language) },
          name,
          async () => {
            if (choice !== language) await me.people.update(publisherId, { language: choice });
          },
          // The focus goes to the new button of the chosen language.
          () => document.querySelector<HTMLElement>(`#language button[lang="${choice}"]`),
        ),
      ),
    );

    // #region offers
    const offers = await me.offers.mine();
    // The latest 100 shares (the most `myShares` gives at once), with what the platforms reported about each.
    const latest = await me.offers.myShares({ limit: LATEST_SHARES });
    // A recorded share keeps its platform's share dialog, also after a reload that came before the publisher
    // opened it. One offer may be shared on several platforms while its post is on offer and its campaign runs:
    // `shareableOffers` asks the SDK (`offers.allowedEvents`) once per campaign and post state, not per offer.
    const recorded = new Map(latest.map(({ share }) => [`${share.offerId}:${share.platform}`, share]));
    const shareable = await shareableOffers(me, offers);
    if (stopped) return; // the app left the view meanwhile (its stop function)
    const list = document.getElementById('offers')!;
    list.replaceChildren(
      ...offers.map(({ offer, post }, i) => {
        const actions = h('div', { class: 'actions' });
        // Each button and link is described by its post's title: "Share on LinkedIn" alone does not say which.
        const titleId = `post-title-${offer.id}`;
        for (const platform of SHARE_PLATFORMS) {
          // A recorded share keeps its link also once the offer can no longer be shared (the campaign ended or
          // is paused, the post was withdrawn): the share counts, and the publisher may not have posted it yet.
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
            // LinkedIn and Facebook read only the link from their dialog: the post's text is pasted into it.
            if (link.href && link.clipboardText !== undefined) {
              actions.append(h('p', { 'data-paste-for': platform }, words.pasteThis(link.clipboardText)));
            }
            continue;
          }
          if (!shareable[i]) continue;
          const item = () => list.querySelector(`[data-offer-id="${CSS.escape(offer.id)}"]`);
          const button = commandButton(
            { 'data-platform': platform, 'aria-describedby': titleId },
            words.shareOn(text.platforms[platform]),
            async () => {
              // The key makes a double click or a retry record one share, not two.
              const share = await me.offers.share(offer.id, {
                platform,
                idempotencyKey: `${offer.id}:${platform}`,
              });
              say((language) => {
                const words = VIEW_TEXT[language];
                const name = labels(language).platforms[platform];
                const link = shareDialog(platform, post, share);
                if (!link.href)
                  return [
                    words.sharedOn(name, share.trackedUrl),
                    words.pasteThis(link.clipboardText ?? link.text),
                  ];
                const dialog = h(
                  'a',
                  { href: link.href, target: '_blank', rel: 'noopener', 'data-testid': 'share-link' },
                  words.open(name),
                );
                // A dialog that reads only the link (LinkedIn, Facebook) opens without the post's text: it is
                // pasted into it.
                return link.clipboardText === undefined
                  ? [words.sharedOn(name, share.trackedUrl), dialog]
                  : [
                      words.sharedOn(name, share.trackedUrl),
                      dialog,
                      ' ',
                      h('span', { 'data-testid': 'paste-text' }, words.pasteThis(link.clipboardText)),
                    ];
              });
            },
            // The button the keyboard was on is drawn anew: the focus goes to the share's link that took its
            // place (or, after a failure, to the new button), else to the offer.
            () =>
              item()?.querySelector<HTMLElement>(
                `a[data-platform="${platform}"], button[data-platform="${platform}"]`,
              ) ?? item()?.querySelector<HTMLElement>('h3'),
          );
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
    const atLeast = (count: number) => shownFigure(count, results.complete, language);
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
  // One drawing at a time, each after the one before, so the last one drawn has read the latest state; the drawings
  // asked for while one waits to start are that one.
  let queued: Promise<void> | undefined;
  let last: Promise<unknown> = Promise.resolve();
  function redraw(): Promise<void> {
    if (!queued) {
      const next = last.then(() => {
        queued = undefined;
        return render();
      });
      queued = next;
      last = next.catch(() => undefined);
    }
    return queued;
  }

  // #region live
  // Other tabs of this browser change the same IndexedDB, but the SDK emits its events (`shift.events`) only in the
  // tab whose command committed them. So each tab tells the others after its commits, through a BroadcastChannel,
  // and draws the view again when another tab says it changed something (its status line stays its own).
  const channel = new BroadcastChannel(CHANGED_CHANNEL);
  channel.onmessage = () => {
    // The control the keyboard is on is drawn anew: the focus goes to its new self.
    const refocus = focusedControl();
    redraw().then(() => {
      if (document.activeElement === document.body) refocus()?.focus();
    }, fail);
  };
  let told = false;
  // A command's events are emitted one after another once it commits: one message per commit.
  const unsubscribe = shift.events.onAny(() => {
    if (told) return;
    told = true;
    queueMicrotask(() => {
      told = false;
      channel.postMessage('changed');
      if (stopped) channel.close();
    });
  });
  const stop = () => {
    stopped = true;
    unsubscribe();
    // Stopped while a commit's events are emitted (an app that leaves the view on one of them): the other tabs are
    // still told of that commit, and the channel closes once they are.
    if (!told) channel.close();
  };
  // #endregion live
  try {
    await redraw();
  } catch (error) {
    stop();
    throw error;
  }
  return stop;
}
