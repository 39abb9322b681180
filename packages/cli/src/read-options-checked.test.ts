import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simulateEvents } from '@social-shift/core/simulation';
import { afterAll, describe, expect, it } from 'vitest';
import { createEventLogReader, readEventLog } from './read-event-log.js';

const dir = mkdtempSync(join(tmpdir(), 'social-shift-read-options-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const log = join(dir, 'events.ndjson');
writeFileSync(
  log,
  `${[...simulateEvents({ seed: 2, people: 10, teams: 1, days: 10, events: 50 })].map((e) => JSON.stringify(e)).join('\n')}\n`,
);

const refused = (field: string, message: string) =>
  expect.objectContaining({
    code: 'VALIDATION',
    message: `Invalid read options: ${message}`,
    details: expect.objectContaining({
      issues: [expect.objectContaining({ path: field === '' ? [] : [field] })],
    }),
  });

describe('the options of a read', () => {
  it('are refused with VALIDATION naming the option when of the wrong type, instead of a TypeError or a guess', async () => {
    await expect(readEventLog(log, null as never)).rejects.toEqual(
      refused('', 'give an object such as { skipInvalid: true }, or nothing.'),
    );
    await expect(readEventLog(log, { onProgress: 5 as never })).rejects.toEqual(
      refused('onProgress', 'onProgress: give a function of (read, size), or leave it out.'),
    );
    // "yes" is no yes: a typo of a flag must not skip bad lines unsaid.
    await expect(readEventLog(log, { skipInvalid: 'yes' as never })).rejects.toEqual(
      refused('skipInvalid', 'skipInvalid: give true or false, or leave it out.'),
    );
    await expect(readEventLog(log, { window: '2026' as never })).rejects.toEqual(
      refused('window', 'window: give an object such as { from, to } of ISO UTC instants, or leave it out.'),
    );
    const reader = createEventLogReader({ threads: 1 });
    try {
      await expect(reader.read(log, { onProgress: 'log' as never })).rejects.toEqual(
        refused('onProgress', 'onProgress: give a function of (read, size), or leave it out.'),
      );
      // The reader reads on after a refused read.
      expect((await reader.read(log, { skipInvalid: false })).lines).toBe(50);
    } finally {
      await reader.close();
    }
  });
});
