// A database that breaks on demand, for the islands' e2e tests: a page given {@link failEventBatchWhenArmed} as an
// init script fails its next read of a batch of events once {@link armEventBatchFailure} armed it.
import type { Page } from 'playwright-core';

/**
 * Runs in the page before its scripts (`addInitScript`): while `e2e-fail` is armed in the origin's local storage, the
 * next read of a batch of events fails, as a broken database would (not the one event opening a programme looks at),
 * and disarms it.
 */
export function failEventBatchWhenArmed(): void {
  const getAll = IDBObjectStore.prototype.getAll;
  IDBObjectStore.prototype.getAll = function (this: IDBObjectStore, ...args: Parameters<typeof getAll>) {
    if (this.name === 'events' && args[1] !== 1 && localStorage.getItem('e2e-fail') === 'armed') {
      localStorage.removeItem('e2e-fail');
      throw new DOMException('The database is broken in this test', 'UnknownError');
    }
    return getAll.apply(this, args);
  };
}

/** Arms {@link failEventBatchWhenArmed} for every page of `page`'s origin, until one read fails. */
export const armEventBatchFailure = (page: Page) =>
  page.evaluate(() => localStorage.setItem('e2e-fail', 'armed'));
