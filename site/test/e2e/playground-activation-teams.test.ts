// The Playground's activation table in real Chromium: the "Team" column shows the names of each person's teams,
// not their department.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleBundle } from '../../src/islands/sample';
import { e2eEnabled, launchChromium } from './browser';
import { languages, openPlayground } from './playground-page';

/** The sample organisation's people and teams, as the Playground seeds them (same seed, same ids and names). */
function sample() {
  const documents = sampleBundle(Date.now()).documents as Record<
    string,
    Record<string, unknown>[] | undefined
  >;
  const teams = new Map((documents.team ?? []).map((t) => [String(t.id), String(t.name)]));
  const people = new Map(
    (documents.person ?? []).map((p) => [
      String(p.id),
      { teamIds: p.teamIds as string[], department: p.department as string | undefined },
    ]),
  );
  return { teams, people };
}

describe.skipIf(!e2eEnabled)('the Playground’s activation table', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it.each(languages)(
    'in $lang: shows the names of each person’s teams in the Team column',
    async ({ path }) => {
      const { teams, people } = sample();
      const { context, page, errors } = await openPlayground(browser, path);
      try {
        const rows = await page.$$eval('[data-testid="people"] tbody tr', (trs) =>
          trs.map((tr) => ({
            id: (tr as HTMLElement).dataset.person ?? '',
            team: tr.querySelector('td')?.textContent ?? '',
          })),
        );
        expect(rows.length).toBeGreaterThan(0);
        const shown = rows.map((r) => r.team);
        const expected = rows.map((r) =>
          (people.get(r.id)?.teamIds ?? []).map((id) => teams.get(id) ?? id).join(', '),
        );
        expect(shown).toEqual(expected);
        expect(expected.some((names) => names !== '')).toBe(true);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    180_000,
  );
});
