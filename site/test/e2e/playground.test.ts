// The Playground in real Chromium, in both languages: walk the whole cycle on the real SDK with IndexedDB
// storage (strategy and its findings, activation, a contribution, a post with its live overlap score, approval,
// a campaign, a publisher's share); a creator cannot approve (the SDK refuses, the UI hides nothing); the
// data survives a reload; export and import give back the same programme.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { labels } from '@social-shift/core/labels';
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playgroundMessages } from '../../src/messages/playground';
import { baseUrl, e2eEnabled, launchChromium, saveScreenshot } from './browser';
import { actAs, click, languages, row, settled } from './playground-page';

describe.skipIf(!e2eEnabled)('the Playground', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it.each(languages)(
    'walks the whole cycle in $lang, enforces roles, survives a reload and round-trips export/import',
    async ({ lang, path }) => {
      const m = playgroundMessages[lang];
      const l = labels(lang);
      const context = await browser.newContext({
        viewport: { width: 1280, height: 900 },
        acceptDownloads: true,
      });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${baseUrl()}${path}`);
      await settled(page);
      await expect
        .poll(() => page.textContent('[data-testid="summary"]'), { timeout: 60_000 })
        .toMatch(/\d+/);

      // 1. Strategy: a goal without an audience is a coherence finding.
      const findingsBefore = await page.locator('[data-testid="findings"] li').count();
      await page.fill('input[name="new-goal-name"]', `Goal ${lang} e2e`);
      await click(page, page.getByTestId('save-strategy'));
      expect(await page.textContent('[data-testid="error-message"]')).toBe('');
      expect(await page.locator('[data-testid="findings"] li').count()).toBeGreaterThan(findingsBefore);

      // 2. Activation: the master invites a candidate; that person gives consent and becomes active.
      const optionValues = await page.$$eval('[data-testid="act-as"] option', (els) =>
        els.map((el) => (el as HTMLOptionElement).value),
      );
      const candidateRows = page.locator('[data-testid="people"] tbody tr');
      const candidateIds = await candidateRows.evaluateAll((rows) =>
        rows.map((r) => r.getAttribute('data-person') ?? ''),
      );
      const candidate = candidateIds.find((id) => optionValues.includes(id)) ?? candidateIds[0]!;
      await click(page, page.locator(`tr[data-person="${candidate}"] button[data-event="INVITE"]`));
      expect(await page.textContent('[data-testid="error-message"]')).toBe('');
      if (optionValues.includes(candidate)) {
        await page.selectOption('[data-testid="act-as"]', candidate);
        await settled(page);
        await click(page, page.locator('button[data-event="GIVE_CONSENT"]'));
        expect(await page.textContent('[data-testid="error-message"]')).toBe('');
      }

      // 3. Content: a creator contributes; an editor reviews, accepts and writes a post from it.
      await actAs(page, 'creator');
      const title = `Nachtdienst ${lang} e2e`;
      await page.fill('[data-testid="contribution-form"] input[name="title"]', title);
      await page.fill(
        '[data-testid="contribution-form"] textarea[name="body"]',
        'Een nacht op de afdeling, door de ogen van een verpleegkundige.',
      );
      await click(page, page.locator('[data-testid="contribution-form"] button[type="submit"]'));
      await click(page, row(page, 'contributions', title).locator('button[data-event="SUBMIT"]'));
      const editor = await actAs(page, 'editor');
      await click(page, row(page, 'contributions', title).locator('button[data-event="START_REVIEW"]'));
      await click(page, row(page, 'contributions', title).locator('button[data-event="ACCEPT"]'));
      expect(await row(page, 'contributions', title).getByTestId('status').textContent()).toBe(
        l.statuses.contribution.accepted,
      );
      await click(page, row(page, 'contributions', title).locator('button[data-event="USE"]'));

      // The overlap score follows the text while typing.
      const form = page.getByTestId('post-form');
      await form.locator('input[name="title"]').fill(title);
      const scoreBefore = await form.getByTestId('overlap-score').textContent();
      await form.locator('fieldset.inline').nth(2).locator('input[type="checkbox"]').first().check();
      await form
        .locator('textarea[name="text"]')
        .pressSequentially(' Wat betekent dit voor jou? #zorg', { delay: 5 });
      const scoreAfter = await form.getByTestId('overlap-score').textContent();
      expect(scoreAfter).not.toBe(scoreBefore);
      expect(await form.getByTestId('overlap-factors').locator('li').count()).toBeGreaterThan(0);
      await saveScreenshot(page, `${lang}-playground-post-editor`);
      await click(page, form.getByTestId('save-post'));
      expect(await page.textContent('[data-testid="error-message"]')).toBe('');
      await click(page, row(page, 'posts', title).locator('button[data-event="SUBMIT"]'));
      expect(await row(page, 'posts', title).getByTestId('status').textContent()).toBe(
        l.statuses.post.in_review,
      );

      // Role enforcement: a creator sees the Approve button the workflow allows, and the SDK refuses it.
      await actAs(page, 'creator');
      const approveAsCreator = row(page, 'posts', title).locator('button[data-event="APPROVE"]');
      if ((await approveAsCreator.count()) > 0) {
        await click(page, approveAsCreator);
        expect(await page.textContent('[data-testid="error-message"]')).toContain('FORBIDDEN');
      }
      await actAs(page, 'master');
      expect(await row(page, 'posts', title).getByTestId('status').textContent()).toBe(
        l.statuses.post.in_review,
      );

      // The master approves (not the author: four eyes).
      await click(page, row(page, 'posts', title).locator('button[data-event="APPROVE"]'));
      expect(await page.textContent('[data-testid="error-message"]')).toBe('');
      expect(await row(page, 'posts', title).getByTestId('status').textContent()).toBe(
        l.statuses.post.approved,
      );

      // 4. Campaign: the editor offers the post to everyone and starts the campaign.
      await page.selectOption('[data-testid="act-as"]', editor);
      await settled(page);
      const campaign = `Campagne ${lang} e2e`;
      await page.fill('[data-testid="campaign-form"] input[name="name"]', campaign);
      await page.locator('[data-testid="campaign-form"] label', { hasText: title }).locator('input').check();
      await click(page, page.locator('[data-testid="campaign-form"] button[type="submit"]'));
      expect(await page.textContent('[data-testid="error-message"]')).toBe('');
      await click(page, row(page, 'campaigns', campaign).locator('button[data-event="SCHEDULE"]'));
      expect(await page.textContent('[data-testid="error-message"]')).toBe('');
      const start = row(page, 'campaigns', campaign).locator('button[data-event="START"]');
      if ((await start.count()) > 0) await click(page, start);
      expect(await page.textContent('[data-testid="error-message"]')).toBe('');
      expect(await row(page, 'campaigns', campaign).getByTestId('status').textContent()).toBe(
        l.statuses.campaign.running,
      );

      // 5. A publisher with the offer opens it, picks a platform, sees the fitted text and tracked link, shares.
      const publishers = await page.$$eval('[data-testid="act-as"] option[data-role="publisher"]', (els) =>
        els.map((el) => (el as HTMLOptionElement).value),
      );
      let offer: Locator | undefined;
      for (const publisher of publishers) {
        await page.selectOption('[data-testid="act-as"]', publisher);
        await settled(page);
        const candidateOffer = page.locator('[data-testid="offers"] > li', { hasText: title });
        if ((await candidateOffer.count()) > 0) {
          offer = candidateOffer.first();
          break;
        }
      }
      expect(offer, 'some publisher got the offer').toBeDefined();
      await click(page, offer!.locator('button[data-event="SEE"]'));
      const panel = page
        .locator('[data-testid="offers"] > li', { hasText: title })
        .getByTestId('share-panel');
      await panel.getByTestId('platform').selectOption('x');
      await settled(page);
      const sharePanel = page
        .locator('[data-testid="offers"] > li', { hasText: title })
        .getByTestId('share-panel');
      expect(await sharePanel.getByTestId('fitted-text').textContent()).toContain('Een nacht op de afdeling');
      expect(await sharePanel.getByTestId('tracked-link').textContent()).toContain('utm_source=x');
      expect(await sharePanel.getByTestId('share-intent').getAttribute('href')).toMatch(
        /^https:\/\/x\.com\/intent/,
      );
      await saveScreenshot(page, `${lang}-playground-share`);
      await click(page, sharePanel.locator('button[data-event="SHARE"]'));
      expect(await page.textContent('[data-testid="error-message"]')).toBe('');
      expect(await page.textContent('[data-testid="status-message"]')).toContain(l.platforms.x);

      // The data survives a reload.
      await page.reload();
      await settled(page);
      await actAs(page, 'master');
      expect(await row(page, 'posts', title).count()).toBe(1);
      const summaryBefore = await page.textContent('[data-testid="summary"]');

      // Export, start again (the post is gone), import: the same programme is back.
      const download = page.waitForEvent('download');
      await page.getByTestId('export').click();
      const file = join(mkdtempSync(join(tmpdir(), 'social-shift-export-')), 'export.json');
      await (await download).saveAs(file);
      const exported = JSON.parse(readFileSync(file, 'utf8')) as { events: unknown[] };
      expect(exported.events.length).toBeGreaterThan(0);
      await click(page, page.getByTestId('reset'));
      await actAs(page, 'master');
      expect(await row(page, 'posts', title).count()).toBe(0);
      await page.getByTestId('import').setInputFiles(file);
      await expect
        .poll(
          async () =>
            `${await page.textContent('[data-testid="status-message"]')}${await page.textContent('[data-testid="error-message"]')}`,
          { timeout: 60_000 },
        )
        .toContain(new Intl.NumberFormat(lang).format(exported.events.length));
      await settled(page);
      await actAs(page, 'master');
      expect(await row(page, 'posts', title).count()).toBe(1);
      expect(await page.textContent('[data-testid="summary"]')).toBe(summaryBefore);
      expect(m.imported).toContain('{events}');

      expect(errors).toEqual([]);
      await context.close();
    },
    300_000,
  );
});
