import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { hostileDigest } from './fixtures.test-support.js';
import { digestToSlackBlocks } from './slack-webhook.js';

type Text = { type: string; text: string; style?: Record<string, boolean> };
type Block = { type: string; elements?: { type: string; elements: Text[] }[] };

/** The text elements of the first post's rich_text block. */
function firstPostTexts(item: Partial<ReturnType<typeof hostileDigest>['items'][number]>): Text[] {
  const base = hostileDigest();
  const message = digestToSlackBlocks({ ...base, items: [{ ...base.items[0]!, ...item }] });
  return (message.blocks as Block[])[2]?.elements?.[0]?.elements ?? [];
}

describe('a Slack post with very long texts', () => {
  it('keeps the deadline and the campaign when the title alone is thousands of characters', () => {
    const texts = firstPostTexts({ title: 'Vacature '.repeat(500) });
    expect(texts[0]).toMatchObject({ style: { bold: true }, text: expect.stringMatching(/^Vacature .*…$/) });
    expect(texts[0]?.text.length).toBeLessThanOrEqual(700);
    expect(texts[1]).toEqual({ type: 'text', text: ' · nieuw' });
    expect(texts[2]).toEqual({ type: 'text', text: '\nWerken <bij> Acme', style: { italic: true } });
    expect(texts.at(-1)).toEqual({ type: 'text', text: '\nDeel vóór 28 november' });
  });

  /** A text of up to 5,000 characters made of one repeated piece: Slack's control characters, emoji, accents. */
  const longText = fc
    .tuple(fc.constantFrom('Vacature ', '&', '<b>', '👩‍👩‍👧‍👦', 'e\u0301 ', '*_~'), fc.nat(5000))
    .map(([piece, length]) => piece.repeat(Math.ceil(length / piece.length)).slice(0, length));

  test.prop([longText, longText, longText])(
    'always ends with the deadline, each text within 700 characters, for any title, campaign and excerpt',
    (title, campaignName, excerpt) => {
      const texts = firstPostTexts({ title, campaignName, excerpt });
      for (const t of texts) expect(t.text.replace(/^\n/, '').length).toBeLessThanOrEqual(700);
      expect(texts.at(-1)?.text.replace(/^\n/, '')).toBe('Deel vóór 28 november');
    },
  );
});
