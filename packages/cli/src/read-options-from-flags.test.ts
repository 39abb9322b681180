// A program that embeds the reader passes on its own flags (`--from`, `--threads`), which may be missing: the reader
// takes undefined as left out (the whole log, the default threads), and its options' types say so, so they compile
// under `exactOptionalPropertyTypes`.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simulateEvents } from '@social-shift/core/simulation';
import { afterAll, describe, expect, expectTypeOf, it } from 'vitest';
import {
  createEventLogReader,
  type EventLogReaderOptions,
  type ReadEventLogOptions,
  readEventLog,
} from './read-event-log.js';

const dir = mkdtempSync(join(tmpdir(), 'social-shift-flags-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const flags: { from?: string | undefined; to?: string | undefined; threads?: number | undefined } = {};

describe('read options from flags that may be missing', () => {
  const path = join(dir, 'events.ndjson');
  const events = [...simulateEvents({ seed: 3, people: 20, teams: 2, days: 10, events: 300 })];
  writeFileSync(path, `${events.map((e) => JSON.stringify(e)).join('\n')}\n`);

  it('read the whole log with the default threads', async () => {
    const options = {
      window: { from: flags.from, to: flags.to },
      threads: flags.threads,
      skipInvalid: undefined,
      onProgress: undefined,
    };
    expectTypeOf(options).toExtend<ReadEventLogOptions>();
    const result = await readEventLog(path, options);
    expect(result.aggregate).toEqual((await readEventLog(path)).aggregate);
    expect(result.lines).toBe(events.length);

    const readerOptions = { threads: flags.threads };
    expectTypeOf(readerOptions).toExtend<EventLogReaderOptions>();
    const reader = createEventLogReader(readerOptions);
    try {
      expect((await reader.read(path, options)).aggregate).toEqual(result.aggregate);
    } finally {
      await reader.close();
    }
  });
});
