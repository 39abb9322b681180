// The click route on its own (`GET /s/:code`), over the SDK on memory storage with a short-link shortener: what a
// visitor and a preview fetcher get when the share behind a link is no longer tracked, or when its click cannot be
// recorded.
import { type SocialShift, SocialShiftError } from '@social-shift/core';
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
  const logged: unknown[] = [];
  // The SDK as it is while its database takes no writes (a full disk): reads work, recording a click fails.
  const cannotWrite = new Proxy(world.shift, {
    get(target, key, receiver) {
      if (key !== 'platform') return Reflect.get(target, key, receiver);
      return {
        ...target.platform,
        recordClick: async () => {
          throw new SocialShiftError('STORAGE', 'database or disk is full', {
            details: { operation: 'commit' },
          });
        },
      };
    },
  }) as SocialShift;
  const route = (sdk: SocialShift) => clickRoute(sdk, links, (error) => logged.push(error));
  const visitWith = (sdk: SocialShift, code: string, userAgent?: string, requestId?: string) =>
    route(sdk).handle({
      params: { code },
      body: undefined,
      personId: undefined,
      requestId,
      userAgent,
      url: new URL(`https://intranet.example/s/${code}`),
    });
  const visit = (code: string, userAgent?: string, requestId?: string) =>
    visitWith(world.shift, code, userAgent, requestId);
  const visitWhileFull = (code: string) => visitWith(cannotWrite, code);
  const clicks = async () =>
    (await world.shift.readEvents()).filter((event) => event.type === 'platform.click').length;
  const codeOf = (url: string | undefined) => url!.split('/').pop()!;
  const another = async (platform: 'x' | 'facebook') =>
    codeOf(
      (await publisher.offers.share(offer!.offer.id, { platform, idempotencyKey: `share-${platform}` }))
        .trackedUrl,
    );
  return { world, share, code: codeOf(share.trackedUrl), another, visit, visitWhileFull, logged, clicks };
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

  it('sends the visitor on to the page when the click cannot be recorded (a full disk), and logs why', async () => {
    const { code, visitWhileFull, logged, clicks } = await sharedLink();
    expect(await visitWhileFull(code)).toMatchObject({
      redirect: expect.stringContaining('https://example.org/ward?utm_source=linkedin'),
    });
    expect(await clicks()).toBe(0);
    expect(logged).toEqual([expect.objectContaining({ code: 'STORAGE' })]);
    // A link that does not verify still gets the page that says so, whether or not clicks can be recorded.
    expect(await visitWhileFull('AAAAAAAAAA')).toMatchObject({ status: 404 });
  });
});
