import mitt from 'mitt';
import type { EventType } from '../model/domain-event.js';
import type { StoredEvent } from '../ports/storage.js';

/** The events the SDK emits after a commit, by type. */
export type SocialShiftEventMap = { [K in EventType]: StoredEvent & { type: K } };

/** A handler of one event type. */
export type EventHandler<K extends EventType> = (event: SocialShiftEventMap[K]) => void;
/** A handler of every event. */
export type AnyEventHandler = (event: StoredEvent) => void;

/**
 * A typed emitter of committed domain events. Handlers run after the transaction commits, never before, and
 * an error in a handler does not undo the command.
 */
export interface SocialShiftEmitter {
  on<K extends EventType>(type: K, handler: EventHandler<K>): () => void;
  onAny(handler: AnyEventHandler): () => void;
  /** Emits committed events in order. Used by the SDK; exposed for adapters that replay events. */
  emit(events: readonly StoredEvent[]): void;
}

/**
 * Makes a {@link SocialShiftEmitter} on mitt.
 *
 * @example
 * ```ts
 * const off = shift.events.on('post.approved', (event) => notify(event.entityId));
 * off();
 * ```
 */
export function createEventEmitter(onHandlerError: (error: unknown) => void = () => {}): SocialShiftEmitter {
  type Bus = { [K in EventType]: StoredEvent };
  const bus = mitt<Bus>();
  const guard =
    <E>(handler: (event: E) => void) =>
    (event: E) => {
      try {
        handler(event);
      } catch (error) {
        onHandlerError(error);
      }
    };
  return {
    on(type, handler) {
      const wrapped = guard(handler as (event: StoredEvent) => void);
      bus.on(type, wrapped);
      return () => bus.off(type, wrapped);
    },
    onAny(handler) {
      const wrapped = (_type: EventType, event: StoredEvent) => guard(handler)(event);
      bus.on('*', wrapped);
      return () => bus.off('*', wrapped);
    },
    emit(events) {
      for (const event of events) bus.emit(event.type, event);
    },
  };
}
