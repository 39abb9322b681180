import { describe, expect, it } from 'vitest';
import { buildShareLink } from './share-links.js';

const text = 'Wij zoeken collega’s in Utrecht! #vacature';

describe('buildShareLink without a url', () => {
  it('gives no href for a platform that reads only the url (LinkedIn, Facebook, Xing), only the text to paste', () => {
    for (const platform of ['linkedin', 'facebook', 'xing'] as const) {
      // `share-offsite/?` (or `sharer.php?`) shares nothing: the publisher would land on an error page.
      expect(buildShareLink(platform, { text }), platform).toMatchObject({
        href: undefined,
        clipboardText: text,
        text,
        uses: ['url'],
      });
    }
  });

  it('still gives an href for a platform that takes the text', () => {
    for (const platform of ['x', 'whatsapp', 'telegram', 'reddit', 'bluesky', 'threads', 'email'] as const) {
      expect(buildShareLink(platform, { text }).href, platform).toContain('Wij%20zoeken');
    }
  });
});
