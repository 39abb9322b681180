// The guide's live dashboard (docs/getting-started/custom-ui.md, "Keeping every tab current"): its figures equal a
// fold of the whole log, also when another tab committed first and says so late, when a retention run moved raw
// events into a summary meanwhile, and once stopped it reads and calls back nothing more. Two SDKs on one storage
// are two tabs.
import {
  createManualClock,
  createMemoryStorage,
  createSocialShift,
  type StoragePort,
} from '@social-shift/core';
import { finishMetrics, foldEvents, type MetricsAggregate } from '@social-shift/core/metrics';
import { describe, expect, it } from 'vitest';
import { seedDemoProgramme } from '../src/demo-programme.js';
import { followFigures } from '../src/live-figures.js';

const NOW = '2026-03-02T09:00:00.000Z';
const DAY = 24 * 60 * 60 * 1000;

async function twoTabs(storage: StoragePort = createMemoryStorage()) {
  const clock = createManualClock(NOW);
  const here = createSocialShift({ storage, organisationId: 'org_korenschoof', clock });
  const there = createSocialShift({ storage, organisationId: 'org_korenschoof', clock });
  const { masterId, publisherId } = await seedDemoProgramme(here, new Date(NOW));
  const [mine] = await here.as(publisherId).offers.mine();
  if (!mine) throw new Error('The demo programme offers the publisher nothing.');
  const share = (shift: typeof here, platform: 'linkedin' | 'x' | 'facebook') =>
    shift.as(publisherId).offers.share(mine.offer.id, { platform, idempotencyKey: platform });
  return { clock, here, there, masterId, share };
}

/** The figures of a fold of the whole log now, and of the live aggregate. */
async function compare(shift: ReturnType<typeof createSocialShift>, aggregate: MetricsAggregate) {
  const figures = (a: MetricsAggregate) => {
    const { summary } = finishMetrics(a);
    return { shares: summary.shares.value, clicks: summary.clicks.value };
  };
  return { live: figures(aggregate), whole: figures(foldEvents(await shift.readEvents())) };
}

describe('the live figures of a dashboard', () => {
  it("counts another tab's commit once, when this tab committed after it and before its message came", async () => {
    const { here, there, share } = await twoTabs();
    let changes = 0;
    const live = await followFigures(here, {}, () => changes++);
    await share(there, 'linkedin'); // the other tab's message comes later
    await share(here, 'x');
    await live.catchUp(); // the other tab's message
    await live.catchUp();
    const { live: figures, whole } = await compare(here, live.aggregate);
    expect(figures).toEqual(whole);
    expect(figures.shares).toBe(2);
    expect(changes).toBe(2); // the first read, then one with both shares: the read after this tab's commit
    live.stop();
  });

  it('counts a click once after a retention run moved it into a summary', async () => {
    const { clock, here, there, share, masterId } = await twoTabs();
    const shared = await share(here, 'linkedin');
    await there.platform.recordClick({ shareId: shared.id, idempotencyKey: 'click-1' });
    const live = await followFigures(here, {}, () => {});
    clock.advance(2 * DAY);
    const retention = await there.as(masterId).privacy.applyRetention({ platformEventDays: 1 });
    expect(retention.removed).toBe(1);
    await live.catchUp();
    await share(here, 'x');
    await live.catchUp(); // waits for the read the share's events started
    const { live: figures, whole } = await compare(here, live.aggregate);
    expect(figures).toEqual(whole);
    expect(figures).toEqual({ shares: 2, clicks: 1 });
    live.stop();
  });

  it('calls back nothing once stopped, also from a read under way when it was called', async () => {
    const { here, share } = await twoTabs();
    const changed: (number | null)[] = [];
    const live = await followFigures(here, {}, (aggregate) =>
      changed.push(finishMetrics(aggregate).summary.shares.value),
    );
    await share(here, 'linkedin'); // its events start a read
    live.stop(); // the dashboard is left before that read is done
    // The SDK and the memory storage set no timers: at the next task the read is done.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(changed).toEqual([0]); // the first read only
  });

  it('reads nothing once stopped, nor after a first read that failed', async () => {
    const store = createMemoryStorage();
    let reads = 0;
    let failNext = false;
    const counted: StoragePort = Object.assign(Object.create(store) as StoragePort, {
      readEvents: (...args: Parameters<StoragePort['readEvents']>) => {
        reads++;
        if (failNext) {
          failNext = false;
          return Promise.reject(new Error('the log could not be read'));
        }
        return store.readEvents(...args);
      },
    });
    const { here, share } = await twoTabs(counted);
    const live = await followFigures(here, {}, () => {});
    live.stop();
    failNext = true;
    await expect(followFigures(here, {}, () => {})).rejects.toThrow('the log could not be read');
    const before = reads;
    await share(here, 'facebook');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(reads - before).toBe(0);
  });
});
