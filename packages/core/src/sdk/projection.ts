import type { DomainEvent } from '../model/domain-event.js';
import type { EntityOf } from '../model/entities.js';
import type { EntityType } from '../model/entity-type.js';

/**
 * Entities by type and id, as rebuilt from the event log.
 *
 * @example
 * ```ts
 * const state: ProjectedState = replayEvents(events);
 * Object.keys(state.offer ?? {}); // every offer id
 * ```
 */
export type ProjectedState = { [T in EntityType]?: Record<string, EntityOf<T>> };

/**
 * Rebuilds every entity from the event log alone: each event's `data.changes` holds the fields it set (`null`
 * for removed ones), `entityVersion` the version and `at` the time. Replaying a complete log gives exactly the
 * stored documents; events without `changes` (platform interactions) change no entity.
 *
 * @example
 * ```ts
 * const state = replayEvents(await shift.readEvents());
 * state.post?.[postId]?.status; // 'approved'
 * ```
 */
export function replayEvents(events: Iterable<DomainEvent>): ProjectedState {
  const state: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const event of events) {
    const changes = event.data.changes;
    if (changes === null || typeof changes !== 'object') continue;
    const byId = state[event.entityType] ?? {};
    state[event.entityType] = byId;
    const entity = byId[event.entityId] ?? {
      id: event.entityId,
      organisationId: event.organisationId,
      createdAt: event.at,
    };
    byId[event.entityId] = entity;
    for (const [key, value] of Object.entries(changes as Record<string, unknown>)) {
      if (value === null) delete entity[key];
      else entity[key] = structuredClone(value);
    }
    entity.version = event.entityVersion;
    entity.updatedAt = event.at;
  }
  return state as ProjectedState;
}
