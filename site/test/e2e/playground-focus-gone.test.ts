// The keyboard focus in the Playground when what was pressed has no row heading to fall back on, in real Chromium:
// a form's own button (create a contribution, create a campaign) keeps the focus; "write a post from this
// contribution" takes it to the post editor it fills; recording a share leaves it on the offer's heading; and a
// person invited from the list of candidates, who leaves that list, leaves it on the step's heading. Never on the
// page's start, from where a keyboard user would have to tab through the whole page again.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eEnabled, launchChromium } from './browser';
import { actAs, alertText, openPlayground, publisherOffered, row, settled } from './playground-page';

/** What has the focus: its tag, `data-testid`, `name`, id and value or text. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const active = document.activeElement as HTMLElement | null;
    return {
      tag: active?.tagName,
      testid: active?.dataset.testid,
      name: active?.getAttribute('name') ?? undefined,
      id: active?.id || undefined,
      text: active instanceof HTMLInputElement ? active.value : active?.textContent,
    };
  });

/** Presses Enter on `target`, waits until the command has run, and checks that it was not refused. */
async function enter(page: Page, target: Locator): Promise<void> {
  await target.focus();
  await page.keyboard.press('Enter');
  await settled(page);
  expect(await alertText(page)).toBe('');
}

describe.skipIf(!e2eEnabled)('the keyboard focus after a command whose button has no row', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it('stays on the form, goes to the post editor, the offer or the step, never to the page start', async () => {
    const { context, page, errors } = await openPlayground(browser, '/playground/');
    try {
      // A person invited leaves the candidates shown: the focus goes to the heading of the step.
      await actAs(page, 'master');
      const candidate = page.locator('[data-testid="people"] tbody tr').first();
      await enter(page, candidate.locator('button[data-event="INVITE"]'));
      expect(await focused(page)).toMatchObject({ tag: 'H2', id: 'activation-title' });

      // The contribution form's own button keeps the focus.
      await actAs(page, 'creator');
      const title = 'Focus na het aanmaken';
      const contributionForm = page.getByTestId('contribution-form');
      await contributionForm.locator('input[name="title"]').fill(title);
      await contributionForm.locator('textarea[name="body"]').fill('Een nacht op de afdeling.');
      await enter(page, contributionForm.locator('button[type="submit"]'));
      expect(await focused(page)).toMatchObject({ tag: 'BUTTON', testid: 'create-contribution' });
      await enter(page, row(page, 'contributions', title).locator('button[data-event="SUBMIT"]'));

      // "Write a post from this contribution" takes the focus to the post editor, which it filled.
      const editor = await actAs(page, 'editor');
      await enter(page, row(page, 'contributions', title).locator('button[data-event="START_REVIEW"]'));
      await enter(page, row(page, 'contributions', title).locator('button[data-event="ACCEPT"]'));
      await enter(page, row(page, 'contributions', title).locator('button[data-event="USE"]'));
      expect(await focused(page)).toMatchObject({ tag: 'INPUT', name: 'title', text: title });
      expect(await page.evaluate(() => document.activeElement?.closest('form')?.dataset.testid)).toBe(
        'post-form',
      );

      await enter(page, page.getByTestId('save-post'));
      await enter(page, row(page, 'posts', title).locator('button[data-event="SUBMIT"]'));
      await actAs(page, 'master');
      await enter(page, row(page, 'posts', title).locator('button[data-event="APPROVE"]'));

      // The campaign form's own button keeps the focus.
      await page.selectOption('[data-testid="act-as"]', editor);
      await settled(page);
      const campaignForm = page.getByTestId('campaign-form');
      const campaign = `${title} (campagne)`;
      await campaignForm.locator('input[name="name"]').fill(campaign);
      await campaignForm.locator('label', { hasText: title }).locator('input').check();
      await enter(page, campaignForm.locator('button[type="submit"]'));
      expect(await focused(page)).toMatchObject({ tag: 'BUTTON', testid: 'create-campaign' });
      await enter(page, row(page, 'campaigns', campaign).locator('button[data-event="SCHEDULE"]'));
      const start = row(page, 'campaigns', campaign).locator('button[data-event="START"]');
      if ((await start.count()) > 0) await enter(page, start);

      // Recording the share closes the share panel: the focus goes to the offer's heading.
      const { offer } = await publisherOffered(page, title);
      await enter(page, offer.locator('button[data-event="SEE"]'));
      await enter(page, page.getByTestId('share-panel').locator('button[data-event="SHARE"]'));
      expect(await page.getByTestId('share-panel').count()).toBe(0);
      expect(await focused(page)).toMatchObject({ tag: 'H3', text: title });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
