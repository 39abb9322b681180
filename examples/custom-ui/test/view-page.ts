// The page test/stop.test.ts drives: the publisher's view on in-memory storage (no IndexedDB: each page load starts
// empty), with what the test needs in reach on `window.view`: the view's stop function, the SDK, how many storage
// calls were made (a drawing of the view reads the storage), and a way to hold the storage's writes.
import {
  createMemoryStorage,
  createSocialShift,
  type SocialShift,
  type StoragePort,
} from '@social-shift/core';
import { seedDemoProgramme } from '../src/demo-programme.js';
import { renderPublisherView } from '../src/publisher-view.js';

/** What the test reaches on `window.view`. */
export interface ViewUnderTest {
  readonly shift: SocialShift;
  readonly publisherId: string;
  /** The function `renderPublisherView` resolved with. */
  readonly stop: () => void;
  /** How many calls were made to the storage since the page loaded. */
  storageCalls(): number;
  /** Holds every write (`commit`, `transaction`) from now on until `release()`; resolves once one is held. */
  holdWrites(): Promise<void>;
  release(): void;
}

declare global {
  interface Window {
    view: ViewUnderTest;
  }
}

let calls = 0;
let held: { reached: () => void; released: Promise<void> } | undefined;
let release = () => {};
const memory = createMemoryStorage();
const storage = new Proxy(memory, {
  get(target, key, receiver) {
    const value: unknown = Reflect.get(target, key, receiver);
    if (typeof value !== 'function') return value;
    return (...args: unknown[]) => {
      calls++;
      if ((key === 'transaction' || key === 'commit') && held) {
        const { reached, released } = held;
        reached();
        return released.then(() => value.apply(target, args));
      }
      return value.apply(target, args);
    };
  },
}) as StoragePort;

const shift = createSocialShift({ storage, organisationId: 'org_korenschoof' });
const { publisherId } = await seedDemoProgramme(shift, new Date());
const stop = await renderPublisherView(shift, publisherId);
window.view = {
  shift,
  publisherId,
  stop,
  storageCalls: () => calls,
  holdWrites: () =>
    new Promise<void>((reached) => {
      held = { reached, released: new Promise<void>((resolve) => (release = resolve)) };
    }),
  release: () => {
    held = undefined;
    release();
  },
};
document.body.dataset.ready = 'true';
