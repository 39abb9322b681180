import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it, vi } from 'vitest';

// rmSync as the real one, except that the test can make its next call fail as a removal does when a file appears in
// the folder after it was read (the spooling's file, opened on the thread pool).
const failNext = vi.hoisted(() => ({ count: 0 }));
vi.mock('node:fs', async (original) => {
  const real = await original<typeof import('node:fs')>();
  return {
    ...real,
    rmSync: (...args: Parameters<typeof real.rmSync>) => {
      if (failNext.count > 0) {
        failNext.count--;
        throw Object.assign(new Error(`ENOTEMPTY: directory not empty, rmdir '${String(args[0])}'`), {
          code: 'ENOTEMPTY',
        });
      }
      real.rmSync(...args);
    },
  };
});

const { openReportInput, removeTemporaryInputs } = await import('./report-input.js');
const temporaryDirectory = fs.mkdtempSync(join(tmpdir(), 'social-shift-removal-'));
afterAll(() => fs.rmSync(temporaryDirectory, { recursive: true, force: true }));

describe('removeTemporaryInputs (a command stopped by a signal)', () => {
  it('tries again when a file appeared in the folder as it was removed, and leaves no folder', async () => {
    await openReportInput('-', { stdin: () => Readable.from(['{}\n']), temporaryDirectory });
    expect(fs.readdirSync(temporaryDirectory)).toHaveLength(1);
    failNext.count = 2;
    removeTemporaryInputs();
    expect(failNext.count).toBe(0);
    expect(fs.readdirSync(temporaryDirectory)).toEqual([]);
  });

  it('gives up after three tries and says why, rather than loop while the signal waits', async () => {
    await openReportInput('-', { stdin: () => Readable.from(['{}\n']), temporaryDirectory });
    failNext.count = 3;
    expect(() => removeTemporaryInputs()).toThrow('ENOTEMPTY');
    failNext.count = 0;
    removeTemporaryInputs();
    expect(fs.readdirSync(temporaryDirectory)).toEqual([]);
  });
});
