import type { DomainEvent } from '@social-shift/core';

const DAY = 86_400_000;

/** The fields the SDK's commands set on an offer or a share, as its `changes` hold them. */
function offerOrShareChanges(event: DomainEvent): Record<string, unknown> | undefined {
  const data = event.data as Record<string, string | number | undefined>;
  switch (event.type) {
    case 'offer.created':
      return {
        campaignId: data.campaignId,
        postId: data.postId,
        publisherId: data.publisherId,
        status: 'offered',
        offeredAt: event.at,
        expiresAt: new Date(Date.parse(event.at) + 14 * DAY).toISOString(),
      };
    case 'offer.seen':
      return { status: 'seen', seenAt: event.at };
    case 'offer.shared':
    case 'offer.declined':
      return { status: event.type.slice(6), respondedAt: event.at };
    case 'offer.expired':
      return { status: 'expired' };
    case 'share.recorded': {
      const token = `st_${event.entityId.slice(-10)}`;
      return {
        offerId: data.offerId,
        postId: data.postId,
        campaignId: data.campaignId,
        publisherId: data.publisherId,
        platform: data.platform,
        sharedAt: event.at,
        trackedUrl: `https://example.org/werken-bij?utm_source=${data.platform}&utm_medium=social&utm_campaign=${data.campaignId}&utm_content=${data.postId}&ss_ref=${token}`,
        sharerToken: token,
      };
    }
    default:
      return undefined;
  }
}

/**
 * A simulated event as a line of the log users report on: what `shift.readEvents()` gives back, one
 * `JSON.stringify` a line (docs/metrics.md). The simulator writes the payload alone, with `seq` after
 * `organisationId`; the SDK also writes, last in the data of every entity event (version above 0), the `changes`
 * it set, and storage puts `seq` last. Offers and shares (nine tenths of the entity events of a year) get the
 * changes the SDK's commands set; other entity events a status change of the type's name, about as long as
 * theirs. Events that already hold `changes` keep them.
 *
 * @example
 * ```ts
 * out.write(`${storedLine(event)}\n`);
 * ```
 */
export function storedLine(event: DomainEvent): string {
  const { seq, ...rest } = event;
  const data = event.data;
  const changes =
    event.entityVersion === 0 || data.changes !== undefined
      ? undefined
      : (offerOrShareChanges(event) ?? { status: event.type.slice(event.type.indexOf('.') + 1) });
  const stored = changes === undefined ? rest : { ...rest, data: { ...data, changes } };
  return JSON.stringify(seq === undefined ? stored : { ...stored, seq });
}
