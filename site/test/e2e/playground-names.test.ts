// The Playground's event log in real Chromium names people: who acted, and the person an event is about, by their
// display name, never by their id.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playgroundMessages } from '../../src/messages/playground';
import { e2eEnabled, launchChromium } from './browser';
import { actAs, actorName, alertText, click, languages, openPlayground, settled } from './playground-page';

describe.skipIf(!e2eEnabled)("the Playground's event log", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it.each(languages)(
    'in $lang: names the person who acted and the person acted on',
    async ({ lang, path }) => {
      const m = playgroundMessages[lang];
      const { context, page, errors } = await openPlayground(browser, path);
      try {
        await actAs(page, 'master');
        const master = await actorName(page);

        // The master invites a candidate: the log names both.
        const candidate = page.locator('[data-testid="people"] tbody tr', {
          has: page.locator('button[data-event="INVITE"]'),
        });
        const candidateId = (await candidate.first().getAttribute('data-person')) ?? '';
        const candidateName = (await candidate.first().locator('th').textContent()) ?? '';
        await click(page, candidate.first().locator('button[data-event="INVITE"]'));
        expect(await alertText(page)).toBe('');
        const latest = (await page.locator('[data-testid="event-log"] li').first().textContent()) ?? '';
        expect(latest).toContain('person.invited');
        expect(latest).toContain(
          m.eventLogLine.replace('{entity}', candidateName).replace('{actor}', master),
        );

        // The candidate, now invited, gives consent: the consent event (its own id is the consent's) names them.
        await page.selectOption('[data-testid="act-as"]', candidateId);
        await settled(page);
        await click(page, page.locator('button[data-event="GIVE_CONSENT"]'));
        expect(await alertText(page)).toBe('');
        const consented = (await page.locator('[data-testid="event-log"] li').first().textContent()) ?? '';
        expect(consented).toContain('consent.given');
        expect(consented).toContain(
          m.eventLogLine.replace('{entity}', candidateName).replace('{actor}', candidateName),
        );

        // No line of the log shows a person's id.
        const lines = await page.locator('[data-testid="event-log"] li').allTextContents();
        expect(lines.length).toBeGreaterThan(1);
        for (const line of lines) {
          expect(line).not.toContain(candidateId);
          expect(line).not.toMatch(/\bperson_/);
        }
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );
});
