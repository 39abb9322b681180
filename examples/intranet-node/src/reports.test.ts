// The programme report over HTTP (`GET /api/reports/programme`), over the SDK on memory storage: it must be the
// report `social-shift report` makes of the same programme, in the organisation's time zone and language, with the
// strategy's pillars and the adjust step's recommendations.
import { createTestProgramme } from '@social-shift/core/testing';
import { describe, expect, it } from 'vitest';
import { reportRoutes } from './reports.js';

async function programmeReport(query = '') {
  const world = await createTestProgramme();
  const route = reportRoutes(world.shift).find((r) => r.path === '/api/reports/programme')!;
  const result = await route.handle({
    params: {},
    body: undefined,
    personId: world.people.master,
    requestId: undefined,
    userAgent: undefined,
    url: new URL(`http://127.0.0.1/api/reports/programme${query}`),
  });
  return result as { status: number; json: { markdown: string } };
}

describe('the programme report', () => {
  it("is in the organisation's time zone and, without ?lang, its language", async () => {
    const { markdown } = (await programmeReport()).json;
    expect(markdown).toMatch(/^# Social Shift-rapport/);
    expect(markdown).toContain('Tijdzone: Europe/Amsterdam');
    expect((await programmeReport('?lang=en')).json.markdown).toContain('Time zone: Europe/Amsterdam');
  });

  it("has the strategy's pillars and the adjust step's recommendations (no one of two publishers shares)", async () => {
    const { markdown } = (await programmeReport('?lang=en')).json;
    expect(markdown).toContain('Care with a face');
    expect(markdown).not.toMatch(/## Recommendations for the next cycle\n\nNone\./);
  });

  it('refuses a language it has no labels for, instead of answering in English', async () => {
    await expect(programmeReport('?lang=de')).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});
