import { describe, expect, it } from 'vitest';
import { hostileDigest } from './fixtures.test-support.js';
import { digestToSlackBlocks } from './slack-webhook.js';

/** Every `url` in the blocks. */
const urls = (blocks: readonly unknown[]): string[] =>
  [...JSON.stringify(blocks).matchAll(/"url":"([^"]*)"/g)].map((m) => m[1] ?? '');

describe('Slack button links', () => {
  it('leaves out a button whose link passes Block Kit’s 3,000 characters, rather than have Slack refuse the message', () => {
    const long = `https://intranet.example/offers/1?${'q'.repeat(3000)}`;
    const base = hostileDigest();
    const digest = {
      ...base,
      overviewUrl: long,
      items: base.items.map((item) => ({ ...item, openUrl: long })),
    };
    const message = digestToSlackBlocks(digest);
    expect(urls(message.blocks)).toEqual([]);
    // The posts themselves are still listed.
    expect(JSON.stringify(message.blocks)).toContain('Tweede');
  });

  it('keeps a button whose link is exactly 3,000 characters', () => {
    const url = `https://intranet.example/o?${'q'.repeat(3000 - 'https://intranet.example/o?'.length)}`;
    expect(url).toHaveLength(3000);
    const base = hostileDigest();
    const message = digestToSlackBlocks({
      ...base,
      overviewUrl: url,
      items: [{ ...base.items[0]!, openUrl: url }],
    });
    expect(urls(message.blocks)).toEqual([url, url]);
  });
});
