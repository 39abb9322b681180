// The standard workload of the storage benchmark: activate 1,000 publishers, run a campaign, record 100,000
// shares. Each command is one storage transaction with the documents and events the SDK writes for it.
import type { DomainEvent, EventType, JsonObject, StoragePort } from '@social-shift/core';

export const ORG = 'org_bench';
const AT = '2026-03-02T09:00:00.000Z';

export interface WorkloadSize {
  readonly publishers: number;
  readonly shares: number;
}

/** A document write of a command, as the raw baseline writes it too. */
export interface RowWrite {
  readonly collection: string;
  readonly id: string;
  readonly data: JsonObject;
  /** 0: insert; otherwise the version it must be at. */
  readonly expectedVersion: number;
}

/** One command: what it reads, writes and appends. */
export interface Command {
  readonly reads: readonly { collection: string; id: string }[];
  readonly writes: readonly RowWrite[];
  readonly events: readonly DomainEvent[];
}

const base = (id: string, version: number) => ({
  id,
  organisationId: ORG,
  version,
  createdAt: AT,
  updatedAt: AT,
});

let eventCounter = 0;
const event = (
  type: EventType,
  entityType: DomainEvent['entityType'],
  entityId: string,
  entityVersion: number,
  data: Record<string, unknown>,
): DomainEvent => ({
  id: `evt_${(eventCounter++).toString(36).padStart(8, '0')}`,
  organisationId: ORG,
  type,
  at: AT,
  actorId: 'person_master',
  entityType,
  entityId,
  entityVersion,
  data,
});

const person = (i: number, status: string, version: number): JsonObject => ({
  ...base(`person_${i}`, version),
  displayName: `Publisher ${i}`,
  email: `publisher${i}@example.org`,
  language: 'nl',
  external: false,
  status,
  teamIds: [`team_${i % 20}`],
  customerFacing: i % 3 === 0,
});

const campaign = (status: string, version: number): JsonObject => ({
  ...base('camp_1', version),
  programmeId: 'prog_1',
  name: 'Spring recruitment',
  description: 'Nurses wanted in Groningen and Assen',
  goalIds: ['goal_recruit'],
  pillarIds: ['pillar_work'],
  postIds: ['post_1'],
  audience: { everyone: true, teamIds: [], focusGroupIds: [], personIds: [] },
  startsAt: '2026-03-01T00:00:00.000Z',
  endsAt: '2026-03-31T00:00:00.000Z',
  targets: { shares: 100_000 },
  status,
});

const PLATFORMS = ['linkedin', 'x', 'facebook', 'instagram'] as const;

/** The commands of the workload, in order. */
export function* workload(size: WorkloadSize): Generator<Command> {
  eventCounter = 0;
  for (let i = 0; i < size.publishers; i++) {
    yield {
      reads: [],
      writes: [
        { collection: 'person', id: `person_${i}`, data: person(i, 'invited', 1), expectedVersion: 0 },
      ],
      events: [
        event('person.added', 'person', `person_${i}`, 1, { teamIds: [`team_${i % 20}`], external: false }),
      ],
    };
  }
  for (let i = 0; i < size.publishers; i++) {
    yield {
      reads: [{ collection: 'person', id: `person_${i}` }],
      writes: [{ collection: 'person', id: `person_${i}`, data: person(i, 'active', 2), expectedVersion: 1 }],
      events: [event('person.activated', 'person', `person_${i}`, 2, {})],
    };
  }
  yield {
    reads: [],
    writes: [{ collection: 'campaign', id: 'camp_1', data: campaign('draft', 1), expectedVersion: 0 }],
    events: [
      event('campaign.created', 'campaign', 'camp_1', 1, {
        pillarIds: ['pillar_work'],
        goalIds: ['goal_recruit'],
        postIds: ['post_1'],
      }),
    ],
  };
  yield {
    reads: [{ collection: 'campaign', id: 'camp_1' }],
    writes: [{ collection: 'campaign', id: 'camp_1', data: campaign('running', 2), expectedVersion: 1 }],
    events: [event('campaign.started', 'campaign', 'camp_1', 2, {})],
  };
  for (let i = 0; i < size.publishers; i++) {
    const offer: JsonObject = {
      ...base(`offer_${i}`, 1),
      campaignId: 'camp_1',
      postId: 'post_1',
      publisherId: `person_${i}`,
      status: 'offered',
      offeredAt: AT,
    };
    yield {
      reads: [{ collection: 'person', id: `person_${i}` }],
      writes: [{ collection: 'offer', id: `offer_${i}`, data: offer, expectedVersion: 0 }],
      events: [
        event('offer.created', 'offer', `offer_${i}`, 1, {
          campaignId: 'camp_1',
          postId: 'post_1',
          publisherId: `person_${i}`,
        }),
      ],
    };
  }
  for (let s = 0; s < size.shares; s++) {
    const p = s % size.publishers;
    const platform = PLATFORMS[s % PLATFORMS.length]!;
    const share: JsonObject = {
      ...base(`share_${s}`, 1),
      offerId: `offer_${p}`,
      postId: 'post_1',
      campaignId: 'camp_1',
      publisherId: `person_${p}`,
      platform,
      sharedAt: AT,
      trackedUrl: `https://example.org/vacatures?utm_source=${platform}&utm_campaign=camp_1&s=${s}`,
      sharerToken: `tok_${s.toString(36).padStart(8, '0')}`,
    };
    yield {
      reads: [{ collection: 'offer', id: `offer_${p}` }],
      writes: [{ collection: 'share', id: `share_${s}`, data: share, expectedVersion: 0 }],
      events: [
        event('share.recorded', 'share', `share_${s}`, 1, {
          offerId: `offer_${p}`,
          postId: 'post_1',
          campaignId: 'camp_1',
          publisherId: `person_${p}`,
          platform,
          networkSize: 850,
        }),
      ],
    };
  }
}

/** Runs one command through the storage port, as a command of the SDK does: read, write with versions, append. */
export async function runThroughPort(storage: StoragePort, command: Command): Promise<void> {
  await storage.transaction(ORG, async (tx) => {
    for (const read of command.reads) {
      if (!(await tx.get(read.collection, read.id))) throw new Error(`missing ${read.collection} ${read.id}`);
    }
    for (const write of command.writes)
      await tx.put(write.collection, write.id, write.data, write.expectedVersion);
    await tx.append(command.events);
  });
}
