import { describe, expect, it } from 'vitest';
import { adjustRules } from '../metrics/adjust-rules.js';
import { finishMetrics } from '../metrics/finish-metrics.js';
import { foldEvents } from '../metrics/fold-event.js';
import type { MetricsEvent } from '../metrics/metrics-event.js';
import { createReport, recommendationText } from './report.js';

/** How many embeddings, overrides and isolates are open just before `at` (as in report-injection.test.ts). */
function openAt(text: string, at: number): number {
  const stack: boolean[] = [];
  for (const c of text.slice(0, at)) {
    if (/[\u202a\u202b\u202d\u202e]/.test(c)) stack.push(false);
    else if (/[\u2066-\u2068]/.test(c)) stack.push(true);
    else if (c === '\u202c' && stack.length > 0 && !stack[stack.length - 1]) stack.pop();
    else if (c === '\u2069' && stack.includes(true)) while (stack.pop() === false);
  }
  return stack.length;
}

const at = '2026-01-05T09:00:00.000Z';
const publisher = (id: string): MetricsEvent[] => [
  { type: 'person.added', at, entityId: id, data: { teamIds: [], external: false } },
  { type: 'role.assigned', at, entityId: `role_${id}`, data: { personId: id, role: 'publisher' } },
  {
    type: 'consent.given',
    at,
    entityId: `consent_${id}`,
    data: { personId: id, purposes: ['offers'], termsVersion: '1' },
  },
];

describe('a name with a bidi control in a list of names', () => {
  it('turns none of the names after it around in the dormant ambassadors', () => {
    const events = [
      ...publisher('anne'),
      ...publisher('bob'),
      {
        type: 'platform.click',
        at: '2026-04-02T09:00:00.000Z',
        entityId: 'click',
        data: { shareId: 's', postId: 'p', platform: 'linkedin' },
      },
    ];
    const context = { names: { persons: { anne: 'Anne\u202e', bob: 'Bob' } } };
    const aggregate = foldEvents(events, {
      from: '2026-03-01T00:00:00.000Z',
      to: '2026-04-01T00:00:00.000Z',
    });
    const figures = finishMetrics(aggregate, context);
    const recommendations = adjustRules(aggregate, figures, context);
    const dormant = recommendations.find((r) => r.code === 'DORMANT_AMBASSADORS');
    expect(dormant?.params.people).toBe('Anne\u202e, Bob');
    for (const language of ['en', 'nl'] as const) {
      const text = createReport(figures, { language, recommendations }).recommendations.find(
        (r) => r.code === 'DORMANT_AMBASSADORS',
      )?.text as string;
      // Bob, and the text after the list, read as they are: nothing Anne's name opened is still open there.
      expect(openAt(text, text.indexOf(', Bob')), JSON.stringify(text)).toBe(0);
      expect(openAt(text, text.indexOf(').')), JSON.stringify(text)).toBe(0);
      expect(text).toContain('\u2068Anne\u202e\u2069, Bob');
    }
  });

  it('turns none of the groups after it around in the under-represented groups', () => {
    const text = recommendationText(
      {
        code: 'UNREPRESENTATIVE_AMBASSADORS',
        severity: 'info',
        subject: 'department',
        params: {
          dimension: 'department',
          index: 0.5,
          threshold: 0.8,
          underRepresented: 'Zorg\u202e, HR, Bouw',
          more: 2,
        },
      },
      'en',
    );
    expect(openAt(text, text.indexOf(', HR')), JSON.stringify(text)).toBe(0);
    expect(text).toContain('under-represented: \u2068Zorg\u202e\u2069, HR, Bouw and 2 more.');
  });
});
