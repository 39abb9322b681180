import mitt from 'mitt';
import { invalidValue } from '../errors/invalid-value.js';
import type { EventPayload, EventType } from '../model/domain-event.js';
import { EventTypeSchema } from '../model/domain-event.js';
import type { StoredEvent } from '../ports/storage.js';
import { parseInput } from './runtime.js';

/**
 * The events the SDK emits after a commit, by type, each with its own payload type: a handler of `share.recorded`
 * reads `event.data.networkSize` as a number.
 */
export type SocialShiftEventMap = {
  [K in EventType]: Omit<StoredEvent, 'type' | 'data'> & { readonly type: K; readonly data: EventPayload<K> };
};

/** A handler of one event type: synchronous, or asynchronous (its rejection is reported like a throw). */
export type EventHandler<K extends EventType> =
  | ((event: SocialShiftEventMap[K]) => void)
  | ((event: SocialShiftEventMap[K]) => Promise<void>);
/**
 * A handler of every event: synchronous, or asynchronous (its rejection is reported like a throw). The event is a
 * union by type: after `if (event.type === 'share.recorded')` its `data` is that event's payload.
 */
export type AnyEventHandler =
  | ((event: SocialShiftEventMap[EventType]) => void)
  | ((event: SocialShiftEventMap[EventType]) => Promise<void>);

/**
 * A typed emitter of committed domain events. Handlers run after the transaction commits, never before, and
 * an error in a handler (a throw, or the rejection of the promise an async handler returns) does not undo the
 * command: it goes to `onHandlerError`. `emit` never throws. Commit order: a command's events in `seq` order, one
 * after another; commands that commit at the same time in the order their commits return, which on a server database
 * with a pool of connections (PostgreSQL) is not always their `seq` order. Only the log (`shift.readEvents({ after })`)
 * gives that order, and only this instance's commands are emitted here: use an event's `seq` as a cursor only
 * over the log.
 */
export interface SocialShiftEmitter {
  /**
   * Calls `handler` with each committed event of `type`, in commit order (see {@link SocialShiftEmitter}); returns
   * the function that removes it. A `type` that is no event type (a misspelt one, or mitt's `'*'`: use `onAny`), or
   * a `handler` that is not a function, is a `VALIDATION` error.
   */
  on<K extends EventType>(type: K, handler: EventHandler<K>): () => void;
  /**
   * Calls `handler` with every committed event, in commit order (see {@link SocialShiftEmitter}); returns the function
   * that removes it. A `handler` that is not a function is a `VALIDATION` error.
   */
  onAny(handler: AnyEventHandler): () => void;
  /**
   * Emits committed events in order, to every handler, and never throws (ADR 093). Used by the SDK; exposed for
   * adapters that replay events.
   */
  emit(events: readonly StoredEvent[]): void;
}

const ignore = (): void => {};
const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  typeof (value as PromiseLike<unknown> | null | undefined)?.then === 'function';

/**
 * Makes a {@link SocialShiftEmitter} on mitt. A handler's error (thrown, or the rejection of the promise it
 * returns) goes to `onHandlerError`. Should `onHandlerError` itself throw (or reject), its error is dropped, as a
 * handler's error is by default: `emit` returns normally, every later handler and event still runs, and nothing
 * becomes an uncaught exception or unhandled rejection that would stop a Node process (ADR 093).
 *
 * @example
 * ```ts
 * const off = shift.events.on('post.approved', (event) => notify(event.entityId));
 * off();
 * ```
 */
export function createEventEmitter(onHandlerError: (error: unknown) => void = ignore): SocialShiftEmitter {
  type Bus = { [K in EventType]: StoredEvent };
  const bus = mitt<Bus>();
  const report = (error: unknown): void => {
    try {
      const reported = onHandlerError(error) as unknown;
      if (isThenable(reported)) Promise.resolve(reported).then(undefined, ignore);
    } catch {
      // The reporter failed: there is nowhere left to report to, and the command has committed.
    }
  };
  const guard = (handler: (event: StoredEvent) => unknown) => {
    // Not a function (undefined, a name): refused now, not a TypeError at the first event that nobody hears of.
    if (typeof handler !== 'function') throw invalidValue('event handler', ['handler'], 'Give a function.');
    return (event: StoredEvent): void => {
      try {
        const result = handler(event);
        // An async handler: its rejection is reported too, instead of becoming an unhandled rejection.
        if (isThenable(result)) Promise.resolve(result).then(undefined, report);
      } catch (error) {
        report(error);
      }
    };
  };
  return {
    on(type, handler) {
      // A misspelt type never fired, and mitt's `'*'` handed the handler the type instead of the event: use onAny.
      parseInput('event type', EventTypeSchema, type);
      const wrapped = guard(handler as (event: StoredEvent) => unknown);
      bus.on(type, wrapped);
      return () => bus.off(type, wrapped);
    },
    onAny(handler) {
      const guarded = guard(handler as (event: StoredEvent) => unknown);
      const wrapped = (_type: EventType, event: StoredEvent) => guarded(event);
      bus.on('*', wrapped);
      return () => bus.off('*', wrapped);
    },
    emit(events) {
      for (const event of events) bus.emit(event.type, event);
    },
  };
}
