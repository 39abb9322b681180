// The Playground's strategy step in real Chromium: a content pillar is linked to the goals it serves, when it is
// added and afterwards; the goal shows the pillars that work on it, the coherence findings follow, and only a
// social master may change the links (the SDK refuses an editor, the Playground says why).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playgroundMessages } from '../../src/messages/playground';
import { e2eEnabled, launchChromium } from './browser';
import { actAs, alertText, click, languages, openPlayground } from './playground-page';

const goalRow = (page: Page, goalId: string) =>
  page.locator(`[data-testid="strategy-form"] tr[data-goal="${goalId}"]`);
const pillarRow = (page: Page, pillarId: string) =>
  page.locator(`[data-testid="pillars"] tr[data-pillar="${pillarId}"]`);
const servedBy = (page: Page, goalId: string) => goalRow(page, goalId).getByTestId('served-by').textContent();
const findings = (page: Page, code: string, name: string) =>
  page.locator(`[data-testid="findings"] li[data-code="${code}"]`, { hasText: name }).count();
const save = (page: Page) => click(page, page.getByTestId('save-strategy'));

describe.skipIf(!e2eEnabled)("the Playground's strategy step", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it.each(languages)(
    'in $lang: links content pillars to goals when adding and editing them, as a social master only',
    async ({ lang, path }) => {
      const m = playgroundMessages[lang];
      const { context, page, errors } = await openPlayground(browser, path);
      try {
        await actAs(page, 'master');

        // A new goal: no pillar works on it yet.
        const goal = `Doel ${lang} e2e`;
        await page.fill('input[name="new-goal-name"]', goal);
        await save(page);
        expect(await alertText(page)).toBe('');
        const goalId =
          (await page
            .locator('[data-testid="strategy-form"] tr[data-goal]', { hasText: goal })
            .getAttribute('data-goal')) ?? '';
        expect(await servedBy(page, goalId)).toBe('');
        expect(await findings(page, 'GOAL_WITHOUT_PILLAR', goal)).toBe(1);

        // An existing pillar is linked to it.
        const first = page.locator('[data-testid="pillars"] tbody tr').first();
        const firstId = (await first.getAttribute('data-pillar')) ?? '';
        const firstName = (await first.locator('th').textContent()) ?? '';
        await pillarRow(page, firstId).locator(`input[value="${goalId}"]`).check();
        await save(page);
        expect(await alertText(page)).toBe('');
        expect(await pillarRow(page, firstId).locator(`input[value="${goalId}"]`).isChecked()).toBe(true);
        expect(await servedBy(page, goalId)).toBe(firstName);
        expect(await findings(page, 'GOAL_WITHOUT_PILLAR', goal)).toBe(0);

        // A new pillar is added serving the goal, for an audience, with an information need.
        const pillar = `Pijler ${lang} e2e`;
        const added = page.getByTestId('new-pillar');
        await added.locator('input[name="new-pillar-name"]').fill(pillar);
        await added.locator(`input[name="new-pillar-goal"][value="${goalId}"]`).check();
        await added.locator('input[name="new-pillar-audience"]').first().check();
        await added.locator('input[name="new-pillar-need"]').first().check();
        await save(page);
        expect(await alertText(page)).toBe('');
        const newRow = page.locator('[data-testid="pillars"] tbody tr', { hasText: pillar });
        expect(await newRow.locator(`input[value="${goalId}"]`).isChecked()).toBe(true);
        expect(await servedBy(page, goalId)).toBe(`${firstName}, ${pillar}`);
        for (const code of ['PILLAR_WITHOUT_GOAL', 'PILLAR_WITHOUT_AUDIENCE', 'PILLAR_WITHOUT_NEEDS'])
          expect(await findings(page, code, pillar)).toBe(0);

        // The first pillar no longer serves the goal.
        await pillarRow(page, firstId).locator(`input[value="${goalId}"]`).uncheck();
        await save(page);
        expect(await servedBy(page, goalId)).toBe(pillar);

        // An editor may read the strategy but not change it: the SDK refuses, and the link stays as it was.
        await actAs(page, 'editor');
        await pillarRow(page, firstId).locator(`input[value="${goalId}"]`).check();
        await save(page);
        const refusal = await alertText(page);
        expect(refusal.startsWith(m.whyFORBIDDEN)).toBe(true);
        expect(refusal).toContain('FORBIDDEN');
        expect(await pillarRow(page, firstId).locator(`input[value="${goalId}"]`).isChecked()).toBe(false);
        expect(await servedBy(page, goalId)).toBe(pillar);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    240_000,
  );
});
