// A live aggregate of the programme's figures, for a social master's dashboard: folded from the event log, and kept
// current as this tab's commands commit (the SDK's events) and as other tabs say they changed something. Not part of
// the publisher's view (a publisher reads only their own shares); the guide shows it, and its test checks it.
import type { SocialShift } from '@social-shift/core';
import type { MetricsAggregate } from '@social-shift/core/metrics';
import { createAggregate, foldEvent } from '@social-shift/core/metrics';

/**
 * A live aggregate: `catchUp()` folds what the log holds past it; `stop()` ends the subscription, and `changed` is
 * called no more (not even by a read under way).
 */
export interface LiveFigures {
  readonly aggregate: MetricsAggregate;
  /** Folds every event the log holds past the last one folded (call it on another tab's message). */
  catchUp(): Promise<void>;
  stop(): void;
}

/**
 * Folds the organisation's log into an aggregate of `window`, and keeps folding: after each commit of this tab and on
 * each `catchUp()`. Calls `changed` after a read that folded something. Resolves once the log as it was is folded.
 */
export async function followFigures(
  shift: SocialShift,
  window: { readonly from?: string; readonly to?: string },
  changed: (aggregate: MetricsAggregate) => void,
): Promise<LiveFigures> {
  // #region live-figures
  const aggregate = createAggregate(window);
  let lastSeq = 0;
  let stopped = false;
  // The log is the one source: an event emitted here is only a sign to read it. Folding emitted events and reading
  // another tab's events after a cursor would skip or repeat some: when the other tab committed first, its event
  // has the lower `seq`, and ours, folded first, moves the cursor past it. Folding an event twice counts it twice.
  const read = async () => {
    const events = await shift.readEvents({ after: lastSeq });
    for (const event of events) {
      foldEvent(aggregate, event);
      lastSeq = event.seq;
    }
    if (events.length > 0 && !stopped) changed(aggregate); // a dashboard that was left draws nothing
  };
  // One read at a time (two reads after the same cursor would fold the same events twice), and one waiting: the
  // events of a command, emitted one after another, share the read that starts after them.
  let previous: Promise<unknown> = Promise.resolve();
  let waiting: Promise<void> | undefined;
  const catchUp = (): Promise<void> => {
    waiting ??= previous.then(() => {
      waiting = undefined; // what commits from now on needs a read of its own
      return read();
    });
    previous = waiting.catch(() => {}); // a failed read does not stop the next one
    return waiting;
  };
  const unsubscribe = shift.events.onAny(() => {
    catchUp().catch(console.error);
  });
  try {
    await catchUp();
  } catch (error) {
    unsubscribe(); // a dashboard that failed to open keeps no subscription behind
    throw error;
  }
  // #endregion live-figures
  const stop = () => {
    stopped = true;
    unsubscribe();
  };
  return { aggregate, catchUp, stop };
}
