// The Playground's event log in real Chromium names what an event is about, not only people: a post, its offer and
// its share by the post's title, a campaign by its name, a contribution by its title. A line such as
// "offer.shared offer_01M95…, by Jasper de Jong" told a learner nothing about which post was shared.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playgroundMessages } from '../../src/messages/playground';
import { e2eEnabled, launchChromium } from './browser';
import {
  actAs,
  actorName,
  alertText,
  campaignOfNewPost,
  click,
  languages,
  openPlayground,
  publisherOffered,
  row,
} from './playground-page';

/** The log line of the newest event of `type`. */
const logLine = async (page: Page, type: string) =>
  (await page
    .locator('[data-testid="event-log"] li', { has: page.locator('code', { hasText: type }) })
    .first()
    .textContent()) ?? '';

describe.skipIf(!e2eEnabled)("the Playground's event log", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it.each(languages)(
    'in $lang: names the contribution, post, campaign, offer and share an event is about',
    async ({ lang, path }) => {
      const m = playgroundMessages[lang];
      const line = (entity: string, actor: string) =>
        m.eventLogLine.replace('{entity}', entity).replace('{actor}', actor);
      const { context, page, errors } = await openPlayground(browser, path);
      try {
        await actAs(page, 'creator');
        const creator = await actorName(page);
        const contribution = `Bijdrage in het logboek ${lang}`;
        const form = page.getByTestId('contribution-form');
        await form.locator('input[name="title"]').fill(contribution);
        await click(page, form.getByTestId('create-contribution'));
        expect(await alertText(page)).toBe('');
        expect(await logLine(page, 'contribution.created')).toContain(line(contribution, creator));

        const title = `Bericht in het logboek ${lang}`;
        const campaign = await campaignOfNewPost(page, title);
        const editor = await actorName(page);
        expect(await logLine(page, 'campaign.created')).toContain(line(campaign, editor));
        await click(page, row(page, 'campaigns', campaign).locator('button[data-event="SCHEDULE"]'));
        const start = row(page, 'campaigns', campaign).locator('button[data-event="START"]');
        if ((await start.count()) > 0) await click(page, start);
        expect(await alertText(page)).toBe('');

        const { offer } = await publisherOffered(page, title);
        const publisher = await actorName(page);
        await click(page, offer.locator('button[data-event="SEE"]'));
        await click(page, page.getByTestId('share-panel').locator('button[data-event="SHARE"]'));
        expect(await alertText(page)).toBe('');
        expect(await logLine(page, 'offer.shared')).toContain(line(title, publisher));
        expect(await logLine(page, 'share.recorded')).toContain(line(title, publisher));

        // No line of the log shows an id where a name could be.
        for (const text of await page.locator('[data-testid="event-log"] li').allTextContents())
          expect(text).not.toMatch(/\b(offer|share|post|contribution|camp|campaign)_[0-9A-Z]/);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );
});
