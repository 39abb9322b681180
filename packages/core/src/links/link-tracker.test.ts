import { runInNewContext } from 'node:vm';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { isSocialShiftError } from '../errors/social-shift-error.js';
import { PLATFORMS } from '../model/vocabulary.js';
import type { TrackLinkInput } from '../ports/link-tracker.js';
import { createMemoryShortener } from './link-shortener.js';
import { createLinkTracker } from './link-tracker.js';

const SECRET = 'test-secret-of-the-organisation-0123456789';
const ORG = 'org_acme';

const input = (overrides: Partial<TrackLinkInput> = {}): TrackLinkInput => ({
  organisationId: ORG,
  link: 'https://example.org/jobs/42?lang=nl#apply',
  platform: 'linkedin',
  campaignId: 'campaign_1',
  postId: 'post_1',
  publisherId: 'person_7',
  ...overrides,
});

async function rejection(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (isSocialShiftError(error, 'INVALID_LINK')) return error.details.reason;
    throw error;
  }
  throw new Error('expected INVALID_LINK');
}

const idArb = fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/);

describe('createLinkTracker', () => {
  it('tags the link with UTM tags filed under social, the sharer token and a signature', async () => {
    const tracker = createLinkTracker({ secret: SECRET });
    const { url, sharerToken } = await tracker.track(input());
    const parsed = new URL(url!);
    expect(parsed.origin + parsed.pathname).toBe('https://example.org/jobs/42');
    expect(parsed.hash).toBe('#apply');
    expect(parsed.searchParams.get('lang')).toBe('nl');
    expect(parsed.searchParams.get('utm_source')).toBe('linkedin');
    expect(parsed.searchParams.get('utm_medium')).toBe('social');
    expect(parsed.searchParams.get('utm_campaign')).toBe('campaign_1');
    expect(parsed.searchParams.get('utm_content')).toBe('post_1');
    expect(parsed.searchParams.get('ss_ref')).toBe(sharerToken);
    expect(parsed.searchParams.get('ss_sig')).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('replaces UTM tags the link already had instead of repeating them', async () => {
    const tracker = createLinkTracker({ secret: SECRET });
    const { url } = await tracker.track(
      input({ link: 'https://example.org/?utm_source=newsletter&utm_medium=email' }),
    );
    const parsed = new URL(url!);
    expect(parsed.searchParams.getAll('utm_source')).toEqual(['linkedin']);
    expect(parsed.searchParams.getAll('utm_medium')).toEqual(['social']);
  });

  it('returns no url but still a sharer token when the post has no link', async () => {
    const tracker = createLinkTracker({ secret: SECRET });
    const tracked = await tracker.track(input({ link: undefined }));
    expect(tracked.url).toBeUndefined();
    expect(tracked.sharerToken).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('takes a secret of bytes made in another realm (a vm context), which instanceof does not recognise', async () => {
    const bytes = runInNewContext('new Uint8Array(40).fill(7)') as Uint8Array;
    expect(bytes instanceof Uint8Array).toBe(false);
    const { url } = await createLinkTracker({ secret: bytes }).track(input());
    expect(url).toBe((await createLinkTracker({ secret: new Uint8Array(40).fill(7) }).track(input())).url);
  });

  it('refuses a secret shorter than 32 bytes', () => {
    expect(() => createLinkTracker({ secret: 'short' })).toThrow(/at least 32 bytes/);
  });

  it.each([
    ['a missing secret (an unset environment variable)', undefined],
    ['a number', 64],
    ['an array of numbers', Array.from({ length: 40 }, () => 7)],
  ])('refuses %s as the secret with VALIDATION, never signing with a made-up key', (_, secret) => {
    const attempt = () => createLinkTracker({ secret: secret as unknown as string });
    expect(attempt).toThrow(
      expect.objectContaining({
        code: 'VALIDATION',
        message: expect.stringMatching(
          /^Invalid link secret: secret: Use a string or bytes of at least 32 bytes/,
        ),
        details: expect.objectContaining({
          issues: [expect.objectContaining({ path: ['secret'], code: 'invalid_type' })],
        }),
      }),
    );
  });

  it.each([
    ['no options at all', undefined, []],
    [
      'a shortener without expand',
      { secret: SECRET, shortener: { shorten: async (url: string) => url } },
      ['shortener'],
    ],
    [
      'a base URL given as the shortener',
      { secret: SECRET, shortener: 'https://go.example.org/s' },
      ['shortener'],
    ],
  ])(
    'refuses %s with VALIDATION when made, not a TypeError at the first share or click',
    (_, options, path) => {
      expect(() => createLinkTracker(options as never)).toThrow(
        expect.objectContaining({
          code: 'VALIDATION',
          details: expect.objectContaining({ issues: [expect.objectContaining({ path })] }),
        }),
      );
    },
  );

  it.each([
    ['a link that is not http(s)', { link: 'javascript:alert(1)' }, 'link'],
    ['a relative link', { link: '/vacancies' }, 'link'],
    ['an unknown platform', { platform: 'myspace' }, 'platform'],
    ['a bad campaign id', { campaignId: 'has space' }, 'campaignId'],
    ['a bad organisation id', { organisationId: '' }, 'organisationId'],
  ] as const)('refuses to track %s with VALIDATION naming the field', async (_, over, field) => {
    const tracker = createLinkTracker({ secret: SECRET });
    const error = await tracker.track(input(over as Partial<TrackLinkInput>)).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(new RegExp(`^Invalid link to track: ${field}: Use `)),
      details: { issues: [{ path: [field] }] },
    });
  });

  it.each([
    ['null', null],
    ['nothing', undefined],
    ['a string', 'https://example.org'],
    ['a list', [input()]],
  ])('refuses to track %s with VALIDATION instead of a TypeError', async (_, given) => {
    const { linkTagger } = await import('./link-tracker.js');
    const error = await linkTagger({ secret: SECRET })
      .track(given as never)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/^Invalid link to track: \(root\): Pass /),
      details: { issues: [{ path: [] }] },
    });
  });

  it('makes a sharer token that is stable per publisher, differs per organisation and never holds the id', async () => {
    const tracker = createLinkTracker({ secret: SECRET });
    const a = await tracker.sharerToken(ORG, 'anne@example.org');
    expect(a).toBe(await tracker.sharerToken(ORG, 'anne@example.org'));
    expect(a).not.toBe(await tracker.sharerToken('org_other', 'anne@example.org'));
    expect(a).not.toBe(
      await createLinkTracker({ secret: `${SECRET}-2` }).sharerToken(ORG, 'anne@example.org'),
    );
    expect(a).not.toContain('anne');
    expect(a).toMatch(/^[A-Za-z0-9_-]{8,64}$/); // fits Share.sharerToken
  });

  it.each([
    ['an unset organisation', undefined, 'person_7', 'organisationId'],
    ['an unset publisher', ORG, undefined, 'publisherId'],
    ['an empty publisher', ORG, '', 'publisherId'],
    ['a NUL, which would make two pairs of ids sign alike', ORG, 'a\u0000b', 'publisherId'],
  ])('refuses a sharer token for %s with VALIDATION', async (_, organisationId, publisherId, field) => {
    const tracker = createLinkTracker({ secret: SECRET });
    await expect(
      tracker.sharerToken(organisationId as unknown as string, publisherId as unknown as string),
    ).rejects.toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: [field] }] } });
  });

  test.prop([fc.constantFrom(...PLATFORMS), idArb, idArb, idArb], { numRuns: 60 })(
    'resolves every tracked link back to its campaign, post, platform and sharer',
    async (platform, campaignId, postId, publisherId) => {
      const tracker = createLinkTracker({ secret: SECRET });
      const tracked = await tracker.track(input({ platform, campaignId, postId, publisherId }));
      const attribution = await tracker.resolve(tracked.url!, { organisationId: ORG });
      expect(attribution).toEqual({
        organisationId: ORG,
        campaignId,
        postId,
        platform,
        sharerToken: tracked.sharerToken,
        destination: 'https://example.org/jobs/42?lang=nl#apply',
      });
    },
  );

  test.prop(
    [
      fc.constantFrom('utm_source', 'utm_campaign', 'utm_content', 'ss_ref'),
      fc.constantFrom(...PLATFORMS),
      fc.stringMatching(/^[A-Za-z0-9_-]{22}$/),
    ],
    { numRuns: 80 },
  )('rejects a link whose attribution was edited, as forged', async (param, platform, replacement) => {
    const tracker = createLinkTracker({ secret: SECRET });
    const { url } = await tracker.track(input());
    const forged = new URL(url!);
    const original = forged.searchParams.get(param);
    const value = param === 'utm_source' ? platform : replacement;
    fc.pre(value !== original);
    forged.searchParams.set(param, value);
    expect(await rejection(tracker.resolve(forged.toString(), { organisationId: ORG }))).toBe(
      'bad-signature',
    );
  });

  it('signs campaign c1 with post p and campaign c with post 1p differently, so the boundary cannot be moved', async () => {
    const tracker = createLinkTracker({ secret: SECRET });
    const signature = (url: string | undefined) => new URL(url!).searchParams.get('ss_sig');
    const genuine = (await tracker.track(input({ campaignId: 'c1', postId: 'p' }))).url!;
    const other = (await tracker.track(input({ campaignId: 'c', postId: '1p' }))).url!;
    expect(signature(genuine)).not.toBe(signature(other));
    // A visitor who moves the "1" from the campaign to the post (to credit another campaign) is refused.
    const moved = new URL(genuine);
    moved.searchParams.set('utm_campaign', 'c');
    moved.searchParams.set('utm_content', '1p');
    expect(await rejection(tracker.resolve(moved.toString(), { organisationId: ORG }))).toBe('bad-signature');
    await expect(tracker.resolve(genuine, { organisationId: ORG })).resolves.toMatchObject({
      campaignId: 'c1',
      postId: 'p',
    });
  });

  it('rejects a genuine link presented for another organisation', async () => {
    const tracker = createLinkTracker({ secret: SECRET });
    const { url } = await tracker.track(input());
    expect(await rejection(tracker.resolve(url!, { organisationId: 'org_other' }))).toBe('bad-signature');
  });

  it('rejects a link signed with another secret', async () => {
    const { url } = await createLinkTracker({ secret: `${SECRET}-attacker` }).track(input());
    const tracker = createLinkTracker({ secret: SECRET });
    expect(await rejection(tracker.resolve(url!, { organisationId: ORG }))).toBe('bad-signature');
  });

  it('names what is wrong with a missing, repeated or malformed parameter', async () => {
    const tracker = createLinkTracker({ secret: SECRET });
    const { url } = await tracker.track(input());
    const edit = (change: (u: URL) => void): string => {
      const u = new URL(url!);
      change(u);
      return u.toString();
    };
    const opts = { organisationId: ORG };
    expect(
      await rejection(
        tracker.resolve(
          edit((u) => u.searchParams.delete('ss_sig')),
          opts,
        ),
      ),
    ).toBe('missing-parameter');
    expect(
      await rejection(
        tracker.resolve(
          edit((u) => u.searchParams.append('ss_sig', 'x')),
          opts,
        ),
      ),
    ).toBe('duplicate-parameter');
    // A tool that re-shares the link appends UTM tags of its own: ours come first, and the signature checks them.
    const appended = edit((u) => {
      u.searchParams.append('utm_source', 'buffer');
      u.searchParams.append('utm_content', 'post_2');
    });
    expect(await tracker.resolve(appended, opts)).toMatchObject({ platform: 'linkedin', postId: 'post_1' });
    const prepended = edit((u) => {
      u.search = `?utm_content=post_2&${u.search.slice(1)}`;
    });
    expect(await rejection(tracker.resolve(prepended, opts))).toBe('bad-signature');
    expect(
      await rejection(
        tracker.resolve(
          edit((u) => u.searchParams.set('utm_source', 'myspace')),
          opts,
        ),
      ),
    ).toBe('malformed-parameter');
    expect(
      await rejection(
        tracker.resolve(
          edit((u) => u.searchParams.set('utm_medium', 'email')),
          opts,
        ),
      ),
    ).toBe('malformed-parameter');
    expect(
      await rejection(
        tracker.resolve(
          edit((u) => u.searchParams.set('utm_campaign', 'a b')),
          opts,
        ),
      ),
    ).toBe('malformed-parameter');
    expect(await rejection(tracker.resolve('not a url', opts))).toBe('not-a-url');
    expect(await rejection(tracker.resolve(`${url}${'x'.repeat(5000)}`, opts))).toBe('too-long');
    expect(await rejection(tracker.resolve(undefined as unknown as string, opts))).toBe('not-a-url');
    // Empty is no link, not a too-long one; with a shortener, blank is no short code either.
    expect(await rejection(tracker.resolve('', opts))).toBe('not-a-url');
    expect(await rejection(tracker.resolve('  ', opts))).toBe('not-a-url');
    const shortened = createLinkTracker({
      secret: SECRET,
      shortener: createMemoryShortener({ baseUrl: 'https://go.example.org/s' }),
    });
    expect(await rejection(shortened.resolve(' ', opts))).toBe('not-a-url');
  });

  it.each([
    ['no options', undefined],
    ['no organisation', {}],
    ['a bad organisation id', { organisationId: 'org 1' }],
  ])('refuses to resolve with %s with VALIDATION, before reading the link', async (_, options) => {
    const tracker = createLinkTracker({ secret: SECRET });
    const { url } = await tracker.track(input());
    await expect(tracker.resolve(url!, options as never)).rejects.toMatchObject({
      code: 'VALIDATION',
      details: { issues: [{ path: ['organisationId'] }] },
    });
  });

  test.prop([fc.string({ maxLength: 300 })], { numRuns: 200 })(
    'answers any input with an attribution or INVALID_LINK, never another error',
    async (garbage) => {
      const tracker = createLinkTracker({ secret: SECRET });
      await expect(tracker.resolve(garbage, { organisationId: ORG })).rejects.toMatchObject({
        code: 'INVALID_LINK',
      });
    },
  );

  test.prop([fc.webUrl({ withQueryParameters: true, withFragments: true })], { numRuns: 100 })(
    'rejects arbitrary URLs that carry no valid signature',
    async (webUrl) => {
      const tracker = createLinkTracker({ secret: SECRET });
      await expect(tracker.resolve(webUrl, { organisationId: ORG })).rejects.toMatchObject({
        code: 'INVALID_LINK',
      });
    },
  );
});

describe('createLinkTracker with a shortener', () => {
  it('hands out a short URL and resolves it (and its bare code) to the attribution', async () => {
    const shortener = createMemoryShortener({ baseUrl: 'https://go.example.org/s/' });
    const tracker = createLinkTracker({ secret: SECRET, shortener });
    const { url, sharerToken } = await tracker.track(input());
    expect(url).toMatch(/^https:\/\/go\.example\.org\/s\/[2-9a-zA-Z]{10}$/);
    const viaUrl = await tracker.resolve(url!, { organisationId: ORG });
    const viaCode = await tracker.resolve(url!.split('/').pop()!, { organisationId: ORG });
    expect(viaUrl).toEqual(viaCode);
    expect(viaUrl).toMatchObject({
      postId: 'post_1',
      campaignId: 'campaign_1',
      platform: 'linkedin',
      sharerToken,
    });
  });

  it('resolves a short URL that a platform added its own query parameters or a fragment to', async () => {
    const tracker = createLinkTracker({
      secret: SECRET,
      shortener: createMemoryShortener({ baseUrl: 'https://go.example.org/s' }),
    });
    const { url } = await tracker.track(input());
    for (const clicked of [`${url}?fbclid=abc`, `${url}#top`, `${url}?utm_source=x&y=1#z`]) {
      expect(await tracker.resolve(clicked, { organisationId: ORG })).toMatchObject({ postId: 'post_1' });
    }
  });

  it('gives the same short URL for the same tracked link', async () => {
    const tracker = createLinkTracker({
      secret: SECRET,
      shortener: createMemoryShortener({ baseUrl: 'https://go.example.org/s' }),
    });
    expect((await tracker.track(input())).url).toBe((await tracker.track(input())).url);
  });

  it('rejects an unknown short code', async () => {
    const tracker = createLinkTracker({
      secret: SECRET,
      shortener: createMemoryShortener({ baseUrl: 'https://go.example.org/s' }),
    });
    expect(await rejection(tracker.resolve('abcdefghij', { organisationId: ORG }))).toBe(
      'unknown-short-code',
    );
  });

  it('rejects an unknown short code of a shortener that answers null for it (a key-value store), as unknown', async () => {
    const store = { shorten: async () => 'x', expand: async () => null as unknown as string | undefined };
    const tracker = createLinkTracker({ secret: SECRET, shortener: store });
    expect(await rejection(tracker.resolve('abcdefghij', { organisationId: ORG }))).toBe(
      'unknown-short-code',
    );
  });

  it('still checks the signature of what a shortener expands to', async () => {
    const { url } = await createLinkTracker({ secret: `${SECRET}-attacker` }).track(input());
    const evil = { shorten: async () => 'x', expand: async () => url };
    const tracker = createLinkTracker({ secret: SECRET, shortener: evil });
    expect(await rejection(tracker.resolve('abcdefghij', { organisationId: ORG }))).toBe('bad-signature');
  });
});
