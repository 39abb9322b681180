import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { openReportInput } from './report-input.js';
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
});
