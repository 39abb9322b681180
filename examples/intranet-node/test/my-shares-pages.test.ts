// `GET /api/me/shares` gives a publisher's shares a page at a time (`?limit=`, `?before=`), as `offers.myShares`
// does: without them a front end saw the newest 20 only, with no way to the older ones.
import { anApprovedPost, aRunningCampaign, createTestProgramme } from '@social-shift/core/testing';
import { describe, expect, it } from 'vitest';
import { apiRoutes } from '../src/app.js';
import type { RouteContext } from '../src/http.js';

async function publisherWithShares(count: number) {
  const world = await createTestProgramme();
  const { shift, people } = world;
  const postIds = [];
  for (let i = 0; i < count; i++) postIds.push(await anApprovedPost(world));
  await aRunningCampaign(world, postIds);
  const me = shift.as(people.publisher);
  for (const { offer } of await me.offers.mine())
    await me.offers.share(offer.id, { platform: 'linkedin', idempotencyKey: offer.id });
  const route = apiRoutes(shift).find((r) => r.method === 'GET' && r.path === '/api/me/shares')!;
  const get = async (query: string) => {
    const context: RouteContext = {
      params: {},
      body: undefined,
      personId: people.publisher,
      requestId: undefined,
      userAgent: undefined,
      url: new URL(`http://localhost/api/me/shares${query}`),
    };
    const result = await route.handle(context);
    return (result as { json: { share: { id: string } }[] }).json.map(({ share }) => share.id);
  };
  return { get, all: (await me.offers.myShares({ limit: 100 })).map(({ share }) => share.id) };
}

describe('GET /api/me/shares', () => {
  it('pages through every share with ?limit= and ?before=, newest first', async () => {
    const { get, all } = await publisherWithShares(5);
    expect(all).toHaveLength(5);
    const first = await get('?limit=2');
    const second = await get(`?limit=2&before=${first.at(-1)}`);
    const third = await get(`?limit=2&before=${second.at(-1)}`);
    expect([first, second, third]).toEqual([all.slice(0, 2), all.slice(2, 4), all.slice(4)]);
    expect(await get('')).toEqual(all); // 20 by default
  });

  it('refuses a limit the SDK does not take, and a share that is not the publisher’s, with VALIDATION', async () => {
    const { get } = await publisherWithShares(1);
    for (const query of ['?limit=0', '?limit=101', '?limit=two', '?before=share_unknown'])
      await expect(get(query), query).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});
