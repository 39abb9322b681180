import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { openReportInput, watchTemporaryInputs } from './report-input.js';
import { UsageError } from './usage-error.js';

const dir = mkdtempSync(join(tmpdir(), 'social-shift-input-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('openReportInput', () => {
  it('says where it cannot hold standard input or a decompressed file, and how to give it room (TMPDIR)', async () => {
    const notAFolder = join(dir, 'not-a-folder');
    writeFileSync(notAFolder, 'a file');
    const gz = join(dir, 'events.ndjson.gz');
    writeFileSync(gz, gzipSync('{}\n'));
    for (const [input, label] of [
      ['-', 'standard input'],
      [gz, `"${gz}"`],
    ]) {
      const opened = openReportInput(input as string, {
        stdin: () => Readable.from(['{}\n']),
        temporaryDirectory: notAFolder,
      });
      await expect(opened).rejects.toThrow(UsageError);
      await expect(opened).rejects.toThrow(
        `Cannot hold ${label} in a temporary file in "${notAFolder}": a part of the path is a file, not a folder (ENOTDIR). Set TMPDIR to a folder with room.`,
      );
    }
  });

  it('tells its watcher it holds a temporary input before the folder exists, so a signal in between finds a handler', async () => {
    const temporaryDirectory = mkdtempSync(join(dir, 'watched-'));
    const told: { holding: boolean; folders: string[] }[] = [];
    watchTemporaryInputs((holding) => told.push({ holding, folders: readdirSync(temporaryDirectory) }));
    try {
      const input = await openReportInput('-', { stdin: () => Readable.from(['{}\n']), temporaryDirectory });
      expect(readdirSync(temporaryDirectory)).toHaveLength(1);
      input.dispose();
      expect(readdirSync(temporaryDirectory)).toEqual([]);
      // A folder that cannot be made: the watcher is told it holds nothing again.
      const notAFolder = join(temporaryDirectory, 'not-a-folder');
      writeFileSync(notAFolder, 'a file');
      await expect(
        openReportInput('-', { stdin: () => Readable.from(['{}\n']), temporaryDirectory: notAFolder }),
      ).rejects.toThrow(UsageError);
    } finally {
      watchTemporaryInputs(undefined);
    }
    expect(told).toEqual([
      { holding: true, folders: [] },
      { holding: false, folders: [] },
      { holding: true, folders: ['not-a-folder'] },
      { holding: false, folders: ['not-a-folder'] },
    ]);
  });
});
