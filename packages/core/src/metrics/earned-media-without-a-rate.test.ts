import { describe, expect, it } from 'vitest';
import { renderCsv } from '../reports/render-csv.js';
import { renderMarkdown } from '../reports/render-markdown.js';
import { createReport } from '../reports/report.js';
import { finishMetrics } from './finish-metrics.js';
import { foldEvents } from './fold-event.js';
import type { MetricsEvent } from './metrics-event.js';

const share = (id: string, at: string, platform: string, networkSize: number): MetricsEvent => ({
  type: 'share.recorded',
  at,
  entityId: id,
  data: {
    shareId: id,
    postId: 'p1',
    campaignId: 'c1',
    offerId: `o_${id}`,
    publisherId: 'anne',
    platform,
    networkSize,
  },
});
const click = (id: string, at: string, platform: string): MetricsEvent => ({
  type: 'platform.click',
  at,
  entityId: id,
  data: { shareId: id, postId: 'p1', campaignId: 'c1', publisherId: 'anne', platform },
});

// A programme in dollars that set a rate for LinkedIn only, and shares on LinkedIn and WhatsApp (which has no rate,
// as it has none among the default rates either). By hand: LinkedIn 2000 / 1000 × 12 + 1 click × 2 = 26 USD;
// WhatsApp has no rate, so no value can be estimated for it: no figure, not a value of 0.
const events = [
  share('s1', '2026-03-02T09:00:00.000Z', 'linkedin', 2000),
  click('s1', '2026-03-02T10:00:00.000Z', 'linkedin'),
  share('s2', '2026-03-03T09:00:00.000Z', 'whatsapp', 150),
  click('s2', '2026-03-03T10:00:00.000Z', 'whatsapp'),
];
const context = { earnedMedia: { currency: 'USD', rates: { linkedin: { cpm: 12, cpc: 2, reaction: 0 } } } };

describe('the earned media value of a platform without a rate (docs/metrics.md)', () => {
  const figures = finishMetrics(foldEvents(events), context);

  it('is no figure, rather than a value of 0, and the total adds the platforms with a rate', () => {
    const value = (platform: string) =>
      figures.platforms.find((p) => p.platform === platform)?.earnedMediaValue;
    expect(value('linkedin')).toEqual({ value: 26, basis: 'estimated' });
    expect(value('whatsapp')).toEqual({ value: null, basis: 'estimated' });
    expect(figures.summary.earnedMediaValue).toEqual({ value: 26, basis: 'estimated' });
    expect(figures.currency).toBe('USD');
  });

  it('reads as – in Markdown and as an empty cell in CSV, not as USD 0.00', () => {
    const report = createReport(figures, { language: 'en' });
    const markdown = renderMarkdown(report);
    expect(markdown).toMatch(/^\| WhatsApp \|.* \| – \|$/m);
    expect(markdown).not.toContain('USD 0.00');
    expect(renderCsv(report)['platforms.csv']).toMatch(/\r\nWhatsApp,1,1,.*,estimated,\r\n/);
  });

  it('stays 0 for a platform whose rate is 0', () => {
    const free = finishMetrics(foldEvents(events), {
      earnedMedia: {
        currency: 'USD',
        rates: { ...context.earnedMedia.rates, whatsapp: { cpm: 0, cpc: 0, reaction: 0 } },
      },
    });
    expect(free.platforms.find((p) => p.platform === 'whatsapp')?.earnedMediaValue.value).toBe(0);
  });

  it('is no figure in the summary either when no platform with activity has a rate, and 0 without activity', () => {
    const whatsappOnly = finishMetrics(
      foldEvents(events.filter((e) => e.data.platform === 'whatsapp')),
      context,
    );
    expect(whatsappOnly.summary.earnedMediaValue).toEqual({ value: null, basis: 'estimated' });
    const markdown = renderMarkdown(createReport(whatsappOnly, { language: 'en' }));
    expect(markdown).toMatch(/^\| Earned media value \| – \| estimated \|$/m);
    expect(markdown).not.toContain('USD 0.00');
    expect(finishMetrics(foldEvents([]), context).summary.earnedMediaValue).toEqual({
      value: 0,
      basis: 'estimated',
    });
  });
});
