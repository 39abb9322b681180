import * as z from 'zod';
import { createParser } from '../model/parse.js';
import { IdSchema } from '../model/primitives.js';
import type { Clock } from '../ports/clock.js';
import { systemClock } from '../ports/clock.js';
import type { IdGenerator } from '../ports/id-generator.js';
import { createRandomIds } from '../ports/id-generator.js';
import type { EventQuery, StoragePort, StoredEvent } from '../ports/storage.js';
import type { SocialShiftEmitter } from './event-emitter.js';
import { createEventEmitter } from './event-emitter.js';

/** Options of {@link createSocialShift}. */
export interface SocialShiftOptions {
  /** Where documents and events live: `createMemoryStorage()` or an adapter from `@social-shift/adapters`. */
  readonly storage: StoragePort;
  /** The organisation (tenant) this instance acts for. Every command and query is scoped to it. */
  readonly organisationId: string;
  /** The time source; default the system clock. */
  readonly clock?: Clock;
  /** The id generator; default random, time-sortable ids. */
  readonly ids?: IdGenerator;
  /** Called when an event handler throws (handlers never undo a command). Default: ignore. */
  readonly onHandlerError?: (error: unknown) => void;
}

const OptionsSchema = z.object({ organisationId: IdSchema });
const parseOptions = createParser('SDK options', OptionsSchema).parse;
const parseEntityId = createParser('entity id', IdSchema).parse;

/** The SDK, bound to one organisation. */
export interface SocialShift {
  readonly organisationId: string;
  readonly storage: StoragePort;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** Committed domain events, emitted after each commit. */
  readonly events: SocialShiftEmitter;
  /** The audit trail of one entity: its events in order. */
  history(entityId: string): Promise<StoredEvent[]>;
  /** Reads the organisation's event log from a cursor. */
  readEvents(query?: EventQuery): Promise<StoredEvent[]>;
}

/**
 * Creates the SDK for one organisation. Time and ids are injected; storage is a port.
 *
 * @example
 * ```ts
 * import { createMemoryStorage, createSocialShift } from '@social-shift/core';
 *
 * const shift = createSocialShift({ storage: createMemoryStorage(), organisationId: 'org_acme' });
 * shift.events.on('post.approved', (event) => console.log(event.entityId));
 * ```
 */
export function createSocialShift(options: SocialShiftOptions): SocialShift {
  const { organisationId } = parseOptions({ organisationId: options.organisationId });
  const clock = options.clock ?? systemClock;
  const ids = options.ids ?? createRandomIds(clock);
  const storage = options.storage;
  return {
    organisationId,
    storage,
    clock,
    ids,
    events: createEventEmitter(options.onHandlerError),
    history: async (entityId) => storage.readEvents(organisationId, { entityId: parseEntityId(entityId) }),
    readEvents: (query) => storage.readEvents(organisationId, query),
  };
}
