import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { findUrls, isValidUrl } from './url-spans.js';
import { countXText, X_TEXT_CONFIG, X_TEXT_CONFIG_V2 } from './x-text.js';

// The published twitter-text conformance cases, read where they live (data, not copied into the project):
// ../shared/data/twitter-text-conformance/validate.yml relative to the repository root. A git worktree sits one
// level deeper than the clone, so the folders above the root are searched from the nearest up; a clone of a local
// checkout (`git clone . /tmp/x`) also looks beside the checkout it was cloned from.
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const RELATIVE = 'shared/data/twitter-text-conformance/validate.yml';
function searchUpFrom(start: string): string | undefined {
  for (let dir = dirname(start); ; dir = dirname(dir)) {
    const candidate = resolve(dir, RELATIVE);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}
function localOrigin(): string | undefined {
  try {
    const url = execFileSync('git', ['remote', 'get-url', 'origin'], {
      cwd: repoRoot,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    const path = url.startsWith('file://') ? fileURLToPath(url) : url;
    return isAbsolute(path) && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}
function findConformanceFile(): string {
  const above = searchUpFrom(repoRoot);
  if (above !== undefined) return above;
  const origin = localOrigin();
  return (origin === undefined ? undefined : searchUpFrom(origin)) ?? resolve(repoRoot, '..', RELATIVE);
}
const conformanceFile = findConformanceFile();
const available = existsSync(conformanceFile);

interface CounterCase {
  description: string;
  text: string;
  expected: { weightedLength: number; valid: boolean; permillage: number };
}
interface ValidityCase {
  description: string;
  text: string;
  expected: boolean;
}
interface Conformance {
  tests: {
    WeightedTweetsCounterTest: CounterCase[];
    WeightedTweetsWithDiscountedEmojiCounterTest: CounterCase[];
    UnicodeDirectionalMarkerCounterTest: CounterCase[];
    urls: ValidityCase[];
    urls_without_protocol: ValidityCase[];
  };
}

describe('twitter-text conformance data', () => {
  it('is present (CI must run the conformance cases)', () => {
    if (!available) {
      const message = `twitter-text conformance data not found at ${conformanceFile}: the X counting conformance tests are skipped.`;
      if (process.env.CI === 'true') throw new Error(`${message} With CI=true they must run.`);
      console.warn(message);
    }
    expect(available || process.env.CI !== 'true').toBe(true);
  });
});

describe.runIf(available)('countXText against the twitter-text conformance cases', () => {
  const data = available ? (parse(readFileSync(conformanceFile, 'utf8')) as Conformance).tests : undefined;
  const cases = (name: keyof Conformance['tests']) => (data?.[name] ?? []) as never[];

  it.each(cases('WeightedTweetsCounterTest') as CounterCase[])(
    'WeightedTweetsCounterTest (config v2): $description',
    ({ text, expected }) => {
      const count = countXText(text, X_TEXT_CONFIG_V2);
      expect({
        weightedLength: count.weightedLength,
        valid: count.valid,
        permillage: count.permillage,
      }).toEqual({
        weightedLength: expected.weightedLength,
        valid: expected.valid,
        permillage: expected.permillage,
      });
    },
  );

  it.each(cases('WeightedTweetsWithDiscountedEmojiCounterTest') as CounterCase[])(
    'WeightedTweetsWithDiscountedEmojiCounterTest (config v3, X today): $description',
    ({ text, expected }) => {
      const count = countXText(text, X_TEXT_CONFIG);
      expect({
        weightedLength: count.weightedLength,
        valid: count.valid,
        permillage: count.permillage,
      }).toEqual({
        weightedLength: expected.weightedLength,
        valid: expected.valid,
        permillage: expected.permillage,
      });
    },
  );

  it.each(cases('UnicodeDirectionalMarkerCounterTest') as CounterCase[])(
    'UnicodeDirectionalMarkerCounterTest: $description',
    ({ text, expected }) => {
      const count = countXText(text, X_TEXT_CONFIG);
      expect({ weightedLength: count.weightedLength, valid: count.valid }).toEqual({
        weightedLength: expected.weightedLength,
        valid: expected.valid,
      });
    },
  );

  // Valid as a whole (validate.yml), but twitter-text's extractor, which parseTweet counts with, ends a query at its
  // last validUrlQueryEndingChars character: the trailing '+' is text (1).
  const extractedShorter: Record<string, number> = { 'Valid url: sub delims and question marks': 24 };
  it.each(cases('urls') as ValidityCase[])('urls: $description', ({ description, text, expected }) => {
    expect(isValidUrl(text)).toBe(expected);
    if (expected) expect(countXText(text).weightedLength).toBe(extractedShorter[description] ?? 23);
  });

  it.each(cases('urls_without_protocol') as ValidityCase[])(
    'urls_without_protocol: $description counts as one link (23)',
    ({ text, expected }) => {
      expect(expected).toBe(true);
      expect(countXText(text).weightedLength).toBe(23);
    },
  );
});

describe('links as twitter-text extracts them', () => {
  it('extract.yml "URLs with and without protocol surrounded by CJK characters"', () => {
    const text =
      'http://twitter.com/これは日本語です。example.com中国語http://t.co/abcde한국twitter.comテストexample2.comテストhttp://twitter.com/abcde';
    expect(findUrls(text, { withoutProtocol: true, ending: 'twitter-text' }).map((url) => url.text)).toEqual([
      'http://twitter.com/',
      'example.com',
      'http://t.co/abcde',
      'twitter.com',
      'example2.com',
      'http://twitter.com/abcde',
    ]);
  });

  it('ends a URL at the first character outside its path characters: CJK, …, → and emoji are counted as text', () => {
    expect(countXText('请访问 https://example.org/jobs了解更多').weightedLength).toBe(3 * 2 + 1 + 23 + 4 * 2);
    // U+2026 and U+2192 are outside the weight-1 ranges.
    expect(countXText('Zie https://example.org/jobs… meer').weightedLength).toBe(4 + 23 + 2 + 5);
    expect(countXText('Nieuw → https://example.org/jobs→aanmelden').weightedLength).toBe(
      6 + 2 + 1 + 23 + 2 + 9,
    );
    expect(countXText('https://example.org/jobs🎉').weightedLength).toBe(23 + 2);
    expect(countXText('https://example.org了解').weightedLength).toBe(23 + 2 * 2);
    // A Chinese post we used to call 264 and valid: X counts 296 and refuses it.
    const post = `${'招'.repeat(120)} https://example.org/jobs${'了解更多'.repeat(4)}`;
    expect(countXText(post)).toMatchObject({ weightedLength: 296, valid: false });
  });

  it('keeps Latin accents, Cyrillic and balanced parentheses in the path, and drops trailing punctuation', () => {
    expect(countXText('https://example.org/café/привет').weightedLength).toBe(23);
    expect(countXText('https://en.wikipedia.org/wiki/Mercury_(planet)#Orbit.').weightedLength).toBe(24);
    expect(countXText('(https://example.org/a), ok').weightedLength).toBe(1 + 23 + 2 + 3);
  });
});

describe('bare domains and e-mail addresses as twitter-text extracts them', () => {
  const bare = (text: string) =>
    findUrls(text, { withoutProtocol: true, ending: 'twitter-text' }).map((url) => url.text);

  // Cases of twitter-text's extract.yml (section urls), by their descriptions there.
  it.each([
    [
      'Extract URLs without protocol on (com|org|edu|gov|net) domains',
      'foo.com foo.net foo.org foo.edu foo.gov',
      ['foo.com', 'foo.net', 'foo.org', 'foo.edu', 'foo.gov'],
    ],
    [
      'Extract URLs without protocol not on (com|org|edu|gov|net) domains',
      'foo.baz foo.co.jp www.xxxxxxx.baz www.foo.co.uk wwwww.xxxxxxx foo.comm foo.somecom foo.govedu foo.jp',
      ['foo.co.jp', 'www.foo.co.uk'],
    ],
    [
      'Extract URLs without protocol on ccTLD with slash',
      't.co/abcde bit.ly/abcde',
      ['t.co/abcde', 'bit.ly/abcde'],
    ],
    [
      'DO NOT extract short URLs without protocol on ccTLD domains without path',
      'twitter.jp日本語it.so中国語foo.jp it.so foo.jp',
      [],
    ],
    [
      'Extract some (tv|co) short URLs without protocol on ccTLD domains without path',
      'MLB.tv vine.co twitch.tv t.co',
      ['MLB.tv', 'vine.co', 'twitch.tv', 't.co'],
    ],
    [
      'Extract URL before newline',
      'http://twitter.com\nhttp://example.com\nhttp://example.com/path\nexample.com/path\nit.so\nit.so/abcde',
      [
        'http://twitter.com',
        'http://example.com',
        'http://example.com/path',
        'example.com/path',
        'it.so/abcde',
      ],
    ],
    [
      'DO NOT extract URL if preceded by $',
      '$http://twitter.com $twitter.com $http://t.co/abcde $t.co/abcde $t.co $TVI.CA $RBS.CA',
      [],
    ],
    ['DO NOT extract .bz2 file name as URL', 'long.test.tar.bz2 test.tar.bz2 tar.bz2', []],
    ['DO NOT extract URL with gTLD followed by @ sign', 'john.doe.gov@mail.com', []],
    ['DO NOT extract URL with ccTLD followed by @ sign', 'john.doe.jp@mail.com', []],
    [
      'DO NOT extract URLs in hashtag or @mention',
      '#test.com @test.com #http://test.com @http://test.com #t.co/abcde @t.co/abcde',
      [],
    ],
    ['Extract valid URL ELPAÍS.com', 'test ELPAÍS.com', ['ELPAÍS.com']],
  ] as const)('extract.yml "%s"', (_description, text, expected) => {
    expect(bare(text)).toEqual(expected);
  });

  it('counts a ccTLD domain without a path as text and with a path as a 23-character link', () => {
    expect(countXText('example.nl').weightedLength).toBe(10);
    expect(countXText('Kijk op example.nl.').weightedLength).toBe(19);
    expect(countXText('example.nl/path').weightedLength).toBe(23);
    expect(countXText('example.nl/').weightedLength).toBe(23);
    expect(countXText('example.io').weightedLength).toBe(10);
    expect(countXText('www.example.nl').weightedLength).toBe(23);
    expect(countXText('example.com').weightedLength).toBe(23);
    expect(countXText('example.tv').weightedLength).toBe(23);
  });

  it('counts two letters that are no country code as text: file names and frameworks are no links', () => {
    // `ts` and `js` are not in the root zone: twitter-text (and X) link neither, with a subdomain or a path.
    expect(countXText('vite.config.ts').weightedLength).toBe(14);
    expect(countXText('Node.js/docs').weightedLength).toBe(12);
    expect(countXText('vite.config.nl').weightedLength).toBe(23);
    expect(countXText('acme.eu/jobs').weightedLength).toBe(23);
  });

  it('counts an e-mail address as plain text', () => {
    expect(countXText('user@example.com').weightedLength).toBe(16);
    expect(countXText('Mail user@example.com.').weightedLength).toBe(22);
    expect(countXText('anne.de.vries@example.org').weightedLength).toBe(25);
    expect(countXText('info.nl@example.nl/path').weightedLength).toBe(23);
    expect(bare('Mail anne.de.vries@example.org of user@example.com')).toEqual([]);
    expect(findUrls('anne.nl@example.org', { withoutProtocol: true })).toEqual([]);
  });

  const label = fc.stringMatching(/^[a-z0-9]{1,20}$/);
  const ccTld = fc.constantFrom('nl', 'de', 'jp', 'io', 'ai', 'eu', 'uk', 'be');
  const gTld = fc.constantFrom('com', 'org', 'net', 'info', 'app', 'dev');

  test.prop([label, ccTld, label])(
    'a domain with a ccTLD (not .co or .tv) is text without a path and one link with one',
    (name, tld, path) => {
      expect(countXText(`${name}.${tld}`).weightedLength).toBe(name.length + 1 + tld.length);
      expect(countXText(`${name}.${tld}/${path}`).weightedLength).toBe(23);
      expect(countXText(`www.${name}.${tld}`).weightedLength).toBe(23);
    },
  );

  test.prop([fc.stringMatching(/^[a-z0-9_+]{1,30}$/), label, fc.oneof(ccTld, gTld)])(
    'an e-mail address counts as its characters, never as a link',
    (local, name, tld) => {
      const address = `${local}@${name}.${tld}`;
      expect(countXText(address).weightedLength).toBe(address.length);
      expect(countXText(`Mail ${address} vandaag`).weightedLength).toBe(address.length + 13);
    },
  );
});

describe('countXText', () => {
  it('counts every URL as 23 however long it is', () => {
    expect(countXText(`Lees dit: https://example.org/${'a'.repeat(200)}`).weightedLength).toBe(10 + 23);
  });

  it('rejects an empty text', () => {
    expect(countXText('').valid).toBe(false);
  });

  it('counts an emoji written with VS16 as twitter-text 3.1 does: one emoji where Unicode defines that sequence', () => {
    // ⭐️ ⚡️ ☕️ as keyboards write them (U+FE0F after an emoji that needs none): 2 each, not 4.
    expect(countXText('⭐️').weightedLength).toBe(2);
    expect(countXText('⭐️⭐️⭐️⭐️⭐️ werkgever').weightedLength).toBe(10 + 10);
    expect(countXText('Snel ⚡️ koffie ☕️').weightedLength).toBe(13 + 2 + 2);
    // No variation sequence defined for ✅: its VS16 is a character of its own, as twitter-text counts it.
    expect(countXText('✅️').weightedLength).toBe(4);
    expect(countXText('✅').weightedLength).toBe(2);
    // © and ® are Latin-1 text (1) unless VS16 makes them emoji (2).
    expect(countXText('© Acme 2026').weightedLength).toBe(11);
    expect(countXText('Acme®').weightedLength).toBe(5);
    expect(countXText('©️').weightedLength).toBe(2);
    expect(countXText('H🐱☺👨‍👩‍👧‍👦').weightedLength).toBe(7);
  });

  it('lets the X publisher post 280 weighted characters that end in ⭐️ or ©', () => {
    expect(countXText(`${'a'.repeat(278)}⭐️`)).toMatchObject({ weightedLength: 280, valid: true });
    expect(countXText(`${'a'.repeat(278)} ©`)).toMatchObject({ weightedLength: 280, valid: true });
  });
});
