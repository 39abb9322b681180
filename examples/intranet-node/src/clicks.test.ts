// The click route on its own (`GET /s/:code`), over the SDK on memory storage with a short-link shortener: what a
// visitor and a preview fetcher get when the share behind a link is no longer tracked.
import { createLinkTracker, createMemoryShortener } from '@social-shift/core/links';
import { anApprovedPost, aRunningCampaign, createTestProgramme } from '@social-shift/core/testing';
import { describe, expect, it } from 'vitest';
import { clickRoute } from './clicks.js';

const SECRET = 'a-test-secret-of-at-least-32-bytes!!';

async function sharedLink() {
  const links = createLinkTracker({
    secret: SECRET,
    shortener: createMemoryShortener({ baseUrl: 'https://intranet.example/s' }),
  });
  const world = await createTestProgramme({ links });
  await aRunningCampaign(world, [await anApprovedPost(world)]);
  const publisher = world.shift.as(world.people.publisher);
  const [offer] = await publisher.offers.mine();
  const share = await publisher.offers.share(offer!.offer.id, {
    platform: 'linkedin',
    idempotencyKey: 'share-1',
  });
  const route = clickRoute(world.shift, links);
  const visit = (code: string, userAgent?: string, requestId?: string) =>
    route.handle({
      params: { code },
      body: undefined,
      personId: undefined,
      requestId,
      userAgent,
      url: new URL(`https://intranet.example/s/${code}`),
    });
  const clicks = async () =>
    (await world.shift.readEvents()).filter((event) => event.type === 'platform.click').length;
  const codeOf = (url: string | undefined) => url!.split('/').pop()!;
  const another = async (platform: 'x' | 'facebook') =>
    codeOf(
      (await publisher.offers.share(offer!.offer.id, { platform, idempotencyKey: `share-${platform}` }))
        .trackedUrl,
    );
  return { world, share, code: codeOf(share.trackedUrl), another, visit, clicks };
}

describe('the click route', () => {
  it('sends visitors and preview fetchers of an erased publisher’s link on to the page, uncounted', async () => {
    const { world, share, code, visit, clicks } = await sharedLink();
    expect(await visit(code)).toMatchObject({
      redirect: expect.stringContaining('https://example.org/ward?'),
    });
    expect(await clicks()).toBe(1);
    await world.shift.as(world.people.master).privacy.erasePerson(world.people.publisher);
    expect(
      (await world.shift.storage.get(world.shift.organisationId, 'share', share.id))?.data.sharerToken,
    ).toBeUndefined();
    for (const userAgent of [
      undefined,
      'LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)',
    ]) {
      const answer = await visit(code, userAgent);
      expect(answer, userAgent).toEqual({
        redirect:
          'https://example.org/ward?utm_source=linkedin&utm_medium=social&utm_campaign=' +
          `${share.campaignId}&utm_content=${share.postId}`,
      });
    }
    expect(await clicks()).toBe(1);
  });

  it('counts a click whose request id was used on another link, and sends its visitor on to the page', async () => {
    // A proxy that passes on the x-request-id a client sent: the same id on two links is two clicks, not an error.
    const { code, another, visit, clicks } = await sharedLink();
    const other = await another('x');
    expect(await visit(code, undefined, 'req-1')).toMatchObject({
      redirect: expect.stringContaining('utm_source=linkedin'),
    });
    expect(await visit(other, undefined, 'req-1')).toMatchObject({
      redirect: expect.stringContaining('utm_source=x'),
    });
    expect(await clicks()).toBe(2);
    // The same request again, on either link, still counts once.
    await visit(code, undefined, 'req-1');
    await visit(other, undefined, 'req-1');
    expect(await clicks()).toBe(2);
  });
});
