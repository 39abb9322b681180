import { describe, expect, it } from 'vitest';
import { createLinkTracker } from '../links/link-tracker.js';
import { createSequentialIds } from '../ports/id-generator.js';
import { anApprovedPost, aRunningCampaign, createTestProgramme } from '../testing/programme.js';
import type { SocialShiftOptions } from './create-social-shift.js';
import { createPlainLinkTracker } from './default-link-tracker.js';

const SECRET = 'an-organisation-secret-of-32-bytes-or-more';

async function shareWith(options: Partial<SocialShiftOptions>) {
  const world = await createTestProgramme(options);
  const postId = await anApprovedPost(world);
  await aRunningCampaign(world, [postId]);
  const [offer] = await world.shift.as(world.people.publisher).offers.mine();
  const share = await world.shift
    .as(world.people.publisher)
    .offers.share(offer!.offer.id, { platform: 'bluesky', idempotencyKey: 'k1' });
  return { world, postId, share };
}

describe('the link tracker the SDK uses by default', () => {
  it("keeps the query of the post's link as written, and its fragment after the tags", async () => {
    const links = createPlainLinkTracker(createSequentialIds());
    const { url, sharerToken } = await links.track({
      organisationId: 'org_a',
      link: 'https://example.org/banen?q=a%20b&flag&x=~/:,&utm_source=old#solliciteer',
      platform: 'linkedin',
      campaignId: 'c',
      postId: 'p',
      publisherId: 'u',
    });
    expect(url).toBe(
      `https://example.org/banen?q=a%20b&flag&x=~/:,&utm_source=linkedin&utm_medium=social&utm_campaign=c&utm_content=p&ss_ref=${sharerToken}#solliciteer`,
    );
  });

  it.each([
    ['null', null],
    ['nothing', undefined],
    ['a string', 'https://example.org'],
    [
      'a list',
      [{ organisationId: 'org_a', platform: 'linkedin', campaignId: 'c', postId: 'p', publisherId: 'u' }],
    ],
  ])('refuses to track %s with VALIDATION instead of a TypeError', async (_, given) => {
    const error = await createPlainLinkTracker(createSequentialIds())
      .track(given as never)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/^Invalid link to track: \(root\): Pass /),
      details: { issues: [{ path: [] }] },
    });
  });

  it.each([
    ['text that is no URL', 'not a url'],
    ['a number', 42],
    ['a relative link', '/vacancies'],
    ['a javascript: link', 'javascript:alert(1)'],
    ['an ftp:// link', 'ftp://example.org/file'],
  ])('refuses to track %s as the signing tracker does: VALIDATION on the link', async (_, link) => {
    const given = {
      organisationId: 'org_a',
      link,
      platform: 'linkedin',
      campaignId: 'c',
      postId: 'p',
      publisherId: 'u',
    };
    for (const tracker of [
      createPlainLinkTracker(createSequentialIds()),
      createLinkTracker({ secret: SECRET }),
    ]) {
      const error = await tracker.track(given as never).catch((e: unknown) => e);
      expect(error).toMatchObject({
        code: 'VALIDATION',
        message: 'Invalid link to track: link: Use an absolute http:// or https:// URL.',
        details: { issues: [{ path: ['link'] }] },
      });
    }
  });

  it('without a secret: tags the link with UTM tags and a random opaque token, never the publisher id', async () => {
    const { world, postId, share } = await shareWith({});
    const url = new URL(share.trackedUrl!);
    expect(url.searchParams.get('utm_source')).toBe('bluesky');
    expect(url.searchParams.get('utm_medium')).toBe('social');
    expect(url.searchParams.get('utm_content')).toBe(postId);
    expect(url.searchParams.get('utm_campaign')).toBe(share.campaignId);
    expect(url.searchParams.get('ss_ref')).toBe(share.sharerToken);
    expect(share.trackedUrl).not.toContain(world.people.publisher);
  });

  it('with `linkSecret`: signs the link, so the tracker with the same secret resolves it to the share', async () => {
    const { world, postId, share } = await shareWith({ linkSecret: SECRET });
    const attribution = await createLinkTracker({ secret: SECRET }).resolve(share.trackedUrl!, {
      organisationId: world.shift.organisationId,
    });
    expect(attribution).toMatchObject({ campaignId: share.campaignId, postId, platform: 'bluesky' });
    expect(share.trackedUrl).not.toContain(world.people.publisher);
    await expect(
      createLinkTracker({ secret: `${SECRET}-other` }).resolve(share.trackedUrl!, {
        organisationId: world.shift.organisationId,
      }),
    ).rejects.toMatchObject({
      code: 'INVALID_LINK',
    });
  });
});
