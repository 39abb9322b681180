import type { Platform } from '@social-shift/core';
import { describe, expect, it } from 'vitest';
import { buildShareLink, SHARE_INTENTS } from './share-links.js';
import { fitText } from './text-fit.js';

// buildShareLink's textOptions: a plain object (not a Map, a Date or a list), with valid nested settings, on every
// platform (also those that fit no text, such as Reddit, or with fit: false), and an error naming the whole path.

const url = 'https://example.org/jobs?utm_source=x';
const platforms = Object.keys(SHARE_INTENTS) as Platform[];

/** The error a call throws. */
function failure(call: () => unknown): unknown {
  try {
    call();
  } catch (error) {
    return error;
  }
  return undefined;
}

const build = (platform: Platform, textOptions: unknown, fit?: boolean) =>
  buildShareLink(platform, {
    text: 'Wij zoeken collega’s',
    url,
    mastodonInstance: 'mastodon.social',
    textOptions: textOptions as never,
    ...(fit === undefined ? {} : { fit }),
  });

describe('buildShareLink textOptions', () => {
  it('refuses a Map, a Date or a class instance as textOptions, naming textOptions on every platform', () => {
    for (const platform of platforms) {
      for (const textOptions of [
        new Map([['mastodon', { maxCharacters: 500 }]]),
        new Date(0),
        new URL(url),
      ]) {
        expect(
          failure(() => build(platform, textOptions)),
          platform,
        ).toMatchObject({
          code: 'VALIDATION',
          details: { issues: [{ path: ['textOptions'] }] },
        });
      }
    }
  });

  it('refuses invalid Mastodon settings in textOptions on every platform, naming textOptions.mastodon', () => {
    const bad: [unknown, string[]][] = [
      [{ mastodon: 500 }, ['textOptions', 'mastodon']],
      [{ mastodon: new Map([['maxCharacters', 500]]) }, ['textOptions', 'mastodon']],
      [{ mastodon: { maxCharacters: 0 } }, ['textOptions', 'mastodon', 'maxCharacters']],
      [
        { mastodon: { charactersReservedPerUrl: '23' } },
        ['textOptions', 'mastodon', 'charactersReservedPerUrl'],
      ],
    ];
    for (const platform of platforms) {
      for (const [textOptions, path] of bad) {
        for (const fit of [undefined, false]) {
          expect(
            failure(() => build(platform, textOptions, fit)),
            `${platform} ${fit}`,
          ).toMatchObject({
            code: 'VALIDATION',
            details: { issues: [{ path }] },
          });
        }
      }
    }
  });

  it('takes a plain object, also one without a prototype', () => {
    for (const platform of platforms) {
      expect(build(platform, { mastodon: { maxCharacters: 1000 } }).platform).toBe(platform);
      expect(build(platform, Object.assign(Object.create(null), { mastodon: {} })).platform).toBe(platform);
    }
  });

  it('fitText refuses a Map as its mastodon settings, which would be read as no settings', () => {
    expect(failure(() => fitText('mastodon', 'Hallo', { mastodon: new Map() as never }))).toMatchObject({
      code: 'VALIDATION',
      details: { issues: [{ path: ['mastodon'] }] },
    });
  });
});

describe('buildShareLink fitting', () => {
  it('fits the text with the share url, whatever link a JavaScript caller puts among the text options', () => {
    const text = 'a'.repeat(250);
    const link = buildShareLink('bluesky', {
      text,
      url,
      textOptions: { link: `https://other.example/${'x'.repeat(200)}` } as never,
    });
    expect(link.text).toBe(`${text} ${url}`);
  });
});
