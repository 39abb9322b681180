import { isSocialShiftError, type Platform } from '@social-shift/core';
import { describe, expect, it } from 'vitest';
import { malformedUrls as malformed } from '../../test/malformed-urls.js';
import { buildShareLink } from './share-links.js';

// `new URL` repairs these into a working address (`https:///jobs` becomes https://jobs/), but a share link carries the
// url as given: in the text (Bluesky, WhatsApp, Mastodon, e-mail) no platform links it, and as the url parameter
// (LinkedIn, Facebook, X) it shares nothing. A template with an empty host (`https://${host}/jobs`) makes such a url.

const platforms: Platform[] = [
  'bluesky',
  'x',
  'linkedin',
  'facebook',
  'whatsapp',
  'telegram',
  'email',
  'reddit',
];

describe('a share url without // and a host right after its scheme', () => {
  for (const platform of platforms) {
    it(`${platform}: is VALIDATION naming url, saying how the url must start`, () => {
      for (const url of malformed) {
        let error: unknown;
        try {
          buildShareLink(platform, { text: 'Wij zoeken collega’s', url });
        } catch (caught) {
          error = caught;
        }
        expect(isSocialShiftError(error, 'VALIDATION'), url).toBe(true);
        if (!isSocialShiftError(error, 'VALIDATION')) continue;
        expect(error.details.issues?.[0]?.path).toEqual(['url']);
        expect(error.message).toContain('https://example.org/jobs');
      }
    });
  }

  it('keeps taking a url with its host, in any case of the scheme', () => {
    for (const url of ['https://example.org/jobs', 'HTTP://example.org', 'https://[::1]:8443/a']) {
      expect(buildShareLink('bluesky', { text: 'Kijk', url }).text).toBe(`Kijk ${url}`);
    }
  });
});

describe('a share url with white space or a control character in it', () => {
  // `new URL` encodes these (`%C2%A0`), but the url goes into the text as given, where the platform ends the link at
  // the space: the post would carry a broken link.
  const spaced = ['\u00a0', '\u2028', '\u3000', '\u2009', '\u0085', '\u009b'].map(
    (space) => `https://example.org/vacatures${space}utrecht`,
  );

  for (const platform of ['bluesky', 'x', 'whatsapp', 'linkedin'] as const) {
    it(`${platform}: is VALIDATION naming url`, () => {
      for (const url of spaced) {
        let error: unknown;
        try {
          buildShareLink(platform, { text: 'Wij zoeken collega’s', url });
        } catch (caught) {
          error = caught;
        }
        expect(isSocialShiftError(error, 'VALIDATION'), JSON.stringify(url)).toBe(true);
        if (isSocialShiftError(error, 'VALIDATION')) expect(error.details.issues?.[0]?.path).toEqual(['url']);
      }
    });
  }

  it('keeps taking a url with non-ASCII letters and percent-encoded spaces', () => {
    for (const url of [
      'https://example.org/vacatures/ü',
      'https://example.org/a%20b',
      'https://bücher.example/',
    ]) {
      expect(buildShareLink('bluesky', { text: 'Kijk', url }).text).toBe(`Kijk ${url}`);
    }
  });
});
