import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '../model/domain-event.js';
import type { JsonObject, StoragePort } from '../ports/storage.js';
import { createMemoryStorage } from '../storage/memory-storage.js';
import { QUERY_INDEXES } from '../storage/query-indexes.js';
import { aDomainEvent, aPost, aShare } from '../testing/factories.js';
import { createLinkTracker } from './link-tracker.js';
import type { ClickRecordingSdk } from './record-tracked-click.js';
import { recordTrackedClick, verifyTrackedClick } from './record-tracked-click.js';

const SECRET = 'test-secret-of-the-organisation-0123456789';

/** The SDK's surface the function uses, over real in-memory storage; recordClick is recorded, not run. */
async function world() {
  const storage = createMemoryStorage();
  const organisationId = 'org_fixture';
  const tracker = createLinkTracker({ secret: SECRET });
  const tracked = await tracker.track({
    organisationId,
    link: 'https://example.org/jobs',
    platform: 'linkedin',
    campaignId: 'camp_1',
    postId: 'post_1',
    publisherId: 'person_1',
  });
  const share = aShare({ organisationId, trackedUrl: tracked.url, sharerToken: tracked.sharerToken });
  const post = aPost({ id: 'post_1', organisationId, link: 'https://example.org/jobs' });
  await storage.transaction(organisationId, async (tx) => {
    await tx.put('share', share.id, share as unknown as JsonObject, 0);
    await tx.put('post', post.id, post as unknown as JsonObject, 0);
  });
  const clicks: { shareId: string; idempotencyKey: string }[] = [];
  const sdk: ClickRecordingSdk = {
    organisationId,
    storage,
    platform: {
      async recordClick(input): Promise<DomainEvent> {
        clicks.push(input);
        return aDomainEvent({ type: 'platform.click', entityType: 'share', entityId: input.shareId });
      },
    },
  };
  return { sdk, tracker, tracked, share, clicks };
}

describe('recordTrackedClick', () => {
  it('records a click on the share the tracked link belongs to, keyed by the click id', async () => {
    const { sdk, tracker, tracked, share, clicks } = await world();
    const result = await recordTrackedClick(sdk, tracker, { url: tracked.url!, clickId: 'req-1' });
    expect(result.shareId).toBe(share.id);
    expect(result.attribution.destination).toBe('https://example.org/jobs');
    expect(clicks).toEqual([{ shareId: share.id, idempotencyKey: 'click:req-1' }]);
  });

  it('records nothing for a forged link', async () => {
    const { sdk, tracker, tracked, clicks } = await world();
    const forged = tracked.url!.replace('utm_content=post_1', 'utm_content=post_2');
    await expect(recordTrackedClick(sdk, tracker, { url: forged, clickId: 'req-2' })).rejects.toMatchObject({
      code: 'INVALID_LINK',
      details: { reason: 'bad-signature' },
    });
    expect(clicks).toEqual([]);
  });

  it('records nothing, and gives no destination, for a link whose host or path was edited', async () => {
    const { sdk, tracker, tracked, clicks } = await world();
    const url = tracked.url!;
    for (const edited of [
      url.replace('https://example.org/', 'https://evil.example/'),
      url.replace('https://example.org/', 'https://example.org@evil.example/'),
      // Credentials the post's link never had: the redirect would hand them to the organisation's site.
      url.replace('https://example.org/', 'https://attacker:secret@example.org/'),
      url.replace('https://example.org/jobs', 'https://example.org/logout'),
      url.replace('https://', 'http://'),
    ]) {
      expect((await tracker.resolve(edited, { organisationId: sdk.organisationId })).postId).toBe('post_1');
      await expect(recordTrackedClick(sdk, tracker, { url: edited, clickId: 'req-4' })).rejects.toMatchObject(
        {
          code: 'INVALID_LINK',
          details: { reason: 'edited-destination' },
        },
      );
    }
    expect(clicks).toEqual([]);
    // A parameter a platform adds on the way is fine.
    const result = await recordTrackedClick(sdk, tracker, {
      url: `${url}&fbclid=IwAR0abc`,
      clickId: 'req-5',
    });
    expect(result.attribution.destination).toBe('https://example.org/jobs?fbclid=IwAR0abc');
    expect(clicks).toHaveLength(1);
  });

  it('records nothing for an edited host when the signature parameter name is percent-encoded', async () => {
    const { sdk, tracker, tracked, clicks } = await world();
    const url = tracked.url!.replace('https://example.org/', 'https://evil.example/');
    for (const edited of [url.replace('ss_sig=', 'ss%5Fsig='), url.replace('ss_sig=', 'ss_si%67=')]) {
      // The query still carries ss_sig once decoded, so the resolver accepts the signature…
      expect((await tracker.resolve(edited, { organisationId: sdk.organisationId })).destination).toMatch(
        /^https:\/\/evil\.example\//,
      );
      // …and the destination check must not be skipped as if it were a short code.
      await expect(recordTrackedClick(sdk, tracker, { url: edited, clickId: 'req-6' })).rejects.toMatchObject(
        { code: 'INVALID_LINK', details: { reason: 'edited-destination' } },
      );
    }
    expect(clicks).toEqual([]);
  });

  it.each([
    ['missing (a request without an id)', undefined],
    ['empty', ''],
    ['too long for an idempotency key once prefixed with "click:"', 'r'.repeat(195)],
    ['a line break, which no idempotency key may hold', 'req\n7'],
  ])('refuses a click id that is %s with VALIDATION naming clickId', async (_, clickId) => {
    const { sdk, tracker, tracked, clicks } = await world();
    await expect(
      recordTrackedClick(sdk, tracker, { url: tracked.url!, clickId: clickId as unknown as string }),
    ).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('clickId') });
    expect(clicks).toEqual([]);
  });

  it('refuses a missing click with VALIDATION, not a TypeError', async () => {
    const { sdk, tracker, clicks } = await world();
    await expect(recordTrackedClick(sdk, tracker, undefined as never)).rejects.toMatchObject({
      code: 'VALIDATION',
      details: { issues: [{ path: [] }] },
    });
    expect(clicks).toEqual([]);
  });

  it('records nothing for a genuine link no share carries', async () => {
    const { sdk, tracker, clicks } = await world();
    const other = await tracker.track({
      organisationId: sdk.organisationId,
      link: 'https://example.org/jobs',
      platform: 'x',
      campaignId: 'camp_1',
      postId: 'post_1',
      publisherId: 'person_1',
    });
    await expect(
      recordTrackedClick(sdk, tracker, { url: other.url!, clickId: 'req-3' }),
    ).rejects.toMatchObject({
      code: 'INVALID_LINK',
      details: { reason: 'unknown-share' },
    });
    expect(clicks).toEqual([]);
  });

  it('takes a click id of 194 characters, the longest an idempotency key can hold once prefixed', async () => {
    const { sdk, tracker, tracked, clicks } = await world();
    await recordTrackedClick(sdk, tracker, { url: tracked.url!, clickId: 'r'.repeat(194) });
    expect(clicks).toEqual([expect.objectContaining({ idempotencyKey: `click:${'r'.repeat(194)}` })]);
  });
});

describe('verifyTrackedClick', () => {
  it('checks a link as recordTrackedClick does and records nothing', async () => {
    const { sdk, tracker, tracked, share, clicks } = await world();
    const result = await verifyTrackedClick(sdk, tracker, tracked.url!);
    expect(result).toEqual({
      attribution: expect.objectContaining({ destination: 'https://example.org/jobs', postId: 'post_1' }),
      shareId: share.id,
    });
    expect(clicks).toEqual([]);
  });

  it("finds the share of the link's own campaign when the publisher shared the post on the platform in two", async () => {
    const { sdk, tracker, tracked, share } = await world();
    // The same post, platform and publisher in a campaign whose share has a lower id: the link is camp_1's.
    const earlier = aShare({
      id: 'share_0',
      organisationId: sdk.organisationId,
      campaignId: 'camp_0',
      offerId: 'offer_0',
      sharerToken: share.sharerToken,
    });
    await sdk.storage.transaction(sdk.organisationId, (tx) =>
      tx.put('share', earlier.id, earlier as unknown as JsonObject, 0),
    );
    expect((await verifyTrackedClick(sdk, tracker, tracked.url!)).shareId).toBe(share.id);
    const inCampaign0 = await tracker.track({
      organisationId: sdk.organisationId,
      link: 'https://example.org/jobs',
      platform: 'linkedin',
      campaignId: 'camp_0',
      postId: 'post_1',
      publisherId: 'person_1',
    });
    expect((await verifyTrackedClick(sdk, tracker, inCampaign0.url!)).shareId).toBe('share_0');
  });

  it("looks the share up by the publisher's token, an indexed field, and not by the campaign", async () => {
    // A click must not read a whole campaign's shares (a hundred thousand in a big one): adapters read a query by
    // the first indexed field of `where`, and PostgreSQL's planner picked the campaign's index when it was there.
    const { sdk, tracker, tracked } = await world();
    const wheres: unknown[] = [];
    const storage = sdk.storage;
    const query: StoragePort['query'] = (organisationId, collection, q) => {
      if (collection === 'share') wheres.push(q?.where);
      return storage.query(organisationId, collection, q);
    };
    await verifyTrackedClick(
      { ...sdk, storage: Object.assign(Object.create(storage), { query }) },
      tracker,
      tracked.url!,
    );
    expect(wheres).toHaveLength(1);
    const indexed = Object.keys(wheres[0] as object).filter((field) => QUERY_INDEXES.share?.includes(field));
    expect(indexed).toEqual(['sharerToken']);
  });

  it('refuses an edited destination, so a preview fetcher is no redirect to anywhere', async () => {
    const { sdk, tracker, tracked } = await world();
    const edited = tracked.url!.replace('https://example.org/', 'https://evil.example/');
    await expect(verifyTrackedClick(sdk, tracker, edited)).rejects.toMatchObject({
      code: 'INVALID_LINK',
      details: { reason: 'edited-destination' },
    });
    const forged = tracked.url!.replace('utm_content=post_1', 'utm_content=post_2');
    await expect(verifyTrackedClick(sdk, tracker, forged)).rejects.toMatchObject({
      code: 'INVALID_LINK',
      details: { reason: 'bad-signature' },
    });
  });
});
