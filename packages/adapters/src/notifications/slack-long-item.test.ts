import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { hostileDigest } from './fixtures.test-support.js';
import { digestToSlackBlocks } from './slack-webhook.js';

type Block = { type: string; text?: { text: string } };

/** The mrkdwn text of the first post's section. */
function firstPostText(item: Partial<ReturnType<typeof hostileDigest>['items'][number]>): string {
  const base = hostileDigest();
  const message = digestToSlackBlocks({ ...base, items: [{ ...base.items[0]!, ...item }] });
  return (message.blocks as Block[])[2]?.text?.text ?? '';
}

describe('a Slack post section with very long texts', () => {
  it('keeps the deadline and closes the bold title when the title alone is over the section’s 3,000 characters', () => {
    const text = firstPostText({ title: 'Vacature '.repeat(500) });
    expect(text.length).toBeLessThanOrEqual(3000);
    const [title, ...rest] = text.split('\n');
    expect(title).toMatch(/^\*Vacature .*…\* · nieuw$/);
    expect(rest.at(-1)).toBe('Deel vóór 28 november');
    expect(rest).toContain('_Werken &lt;bij&gt; Acme_');
  });

  /** A text of up to 5,000 characters made of one repeated piece: Slack's control characters, emoji, accents. */
  const longText = fc
    .tuple(fc.constantFrom('Vacature ', '&', '<b>', '👩‍👩‍👧‍👦', 'e\u0301 ', '*_~'), fc.nat(5000))
    .map(([piece, length]) => piece.repeat(Math.ceil(length / piece.length)).slice(0, length));

  test.prop([longText, longText, longText])(
    'always ends with the deadline, within 3,000 characters, for any title, campaign and excerpt',
    (title, campaignName, excerpt) => {
      const text = firstPostText({ title, campaignName, excerpt });
      expect(text.length).toBeLessThanOrEqual(3000);
      expect(text.endsWith('\nDeel vóór 28 november')).toBe(true);
    },
  );
});
