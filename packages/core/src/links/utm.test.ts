import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { addUtmTags } from './add-utm-tags.js';
import { createLinkTracker } from './link-tracker.js';

const TAGS = { source: 'linkedin', campaign: 'campaign_1', content: 'post_1' } as const;
const UTM = 'utm_source=linkedin&utm_medium=social&utm_campaign=campaign_1&utm_content=post_1';
const tracker = createLinkTracker({ secret: 'test-secret-of-the-organisation-0123456789' });
const track = (link: string) =>
  tracker.track({
    organisationId: 'org_1',
    link,
    platform: 'linkedin',
    campaignId: 'campaign_1',
    postId: 'post_1',
    publisherId: 'person_7',
  });

// Query texts whose meaning a form decoder would keep but whose bytes it would change: `%20` read back as `+`
// (a `decodeURIComponent` reader then sees a plus), `~` and `/` encoded, a flag given `=`, `;`-separated pairs
// glued into one value, and a Latin-1 byte turned into U+FFFD.
const QUERIES = [
  'search=nurse%20jobs',
  'v=a~b/c:d,e',
  'flag&lang=nl',
  'a=1;b=2',
  'name=Jos%E9',
  'q=%C3%A9%2B1',
] as const;

describe('addUtmTags', () => {
  it.each(QUERIES)('keeps the existing query %s byte for byte, then adds the UTM tags', (query) => {
    expect(addUtmTags(`https://example.org/jobs?${query}#apply`, TAGS)).toBe(
      `https://example.org/jobs?${query}&${UTM}#apply`,
    );
  });

  it('replaces earlier tracking parameters, also when their names are percent-encoded', () => {
    expect(addUtmTags('https://example.org/?utm_source=x&a=%20&utm%5Fmedium=email&ss_ref=t', TAGS)).toBe(
      `https://example.org/?a=%20&${UTM}`,
    );
  });

  it('keeps a first pair whose name starts with `?` (a link written `/ward??ref=x`), and leads a click back to it', async () => {
    const link = 'https://example.org/ward??ref=x&lang=nl';
    expect(addUtmTags(link, TAGS)).toBe(`https://example.org/ward??ref=x&lang=nl&${UTM}`);
    const { url } = await track(link);
    const attribution = await tracker.resolve(url!, { organisationId: 'org_1' });
    expect(attribution.destination).toBe(link);
  });

  // Raw query pairs of unreserved and encoded characters, none of them a tracking parameter (a name may start with
  // `?`: in the first pair, the link then has `??`).
  const pair = fc
    .tuple(
      fc.stringMatching(/^\??[a-z][a-z0-9]{0,6}$/),
      fc.option(fc.stringMatching(/^([A-Za-z0-9~!$'()*,;:@/?._-]|%[0-9A-F]{2}){0,12}$/), { nil: undefined }),
    )
    .filter(([name]) => !name.startsWith('utm') && !name.startsWith('ss'))
    .map(([name, value]) => (value === undefined ? name : `${name}=${value}`));

  test.prop([fc.array(pair, { minLength: 1, maxLength: 5 })])(
    'keeps any existing query text, and a resolved click leads back to the link as it was',
    async (pairs) => {
      const link = `https://example.org/p?${pairs.join('&')}`;
      const tagged = addUtmTags(link, TAGS);
      expect(tagged.startsWith(`${new URL(link).href}&`)).toBe(true);
      const { url } = await track(link);
      const attribution = await tracker.resolve(url!, { organisationId: 'org_1' });
      expect(attribution.destination).toBe(new URL(link).href);
    },
  );
});
