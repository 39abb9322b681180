import { describe, expect, it } from 'vitest';
import { hostileDigest } from './fixtures.test-support.js';
import { digestToSlackBlocks } from './slack-webhook.js';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Asserts `capped` is `original` cut between two graphemes, with `…` added. */
function expectGraphemeCut(capped: string, original: string, max: number): void {
  expect(capped.length).toBeLessThanOrEqual(max);
  expect(capped.endsWith('…')).toBe(true);
  const kept = capped.slice(0, -1);
  expect(original.startsWith(kept)).toBe(true);
  const boundaries = [...segmenter.segment(original)].map((s) => s.index);
  expect(boundaries).toContain(kept.length);
}

type Block = { type: string; text?: { text: string } };
const texts = (blocks: readonly unknown[]) => (blocks as Block[]).map((b) => b.text?.text ?? '');

describe('Slack texts over Block Kit’s limits are cut between graphemes', () => {
  for (const [name, grapheme] of [
    ['a family emoji (ZWJ sequence)', '👩‍👩‍👧‍👦'],
    ['a flag (two regional indicators)', '🇳🇱'],
    ['a letter with combining accents', 'e\u0301\u0302'],
    ['a skin-tone emoji', '👍🏽'],
  ] as const) {
    it(`a section (3,000) never splits ${name}`, () => {
      const intro = `${'x'.repeat(2990)}${grapheme.repeat(10)}`;
      const message = digestToSlackBlocks({ ...hostileDigest(), greeting: 'Hoi', intro });
      expectGraphemeCut(texts(message.blocks)[1] ?? '', `Hoi ${intro}`, 3000);
    });

    it(`the header (150) never splits ${name}`, () => {
      const subject = `${'x'.repeat(140)}${grapheme.repeat(10)}`;
      const message = digestToSlackBlocks({ ...hostileDigest(), subject });
      expectGraphemeCut(texts(message.blocks)[0] ?? '', subject, 150);
    });
  }
});
