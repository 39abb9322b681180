import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { runReport as report } from './run-report.test-support.js';

const dir = mkdtempSync(join(tmpdir(), 'social-shift-packed-'));

/** The first bytes of each kind of file, then bytes of no meaning. */
const PACKED = [
  ['a zip archive', [0x50, 0x4b, 0x03, 0x04]],
  ['bzip2-compressed', [0x42, 0x5a, 0x68, 0x39]],
  ['xz-compressed', [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]],
  ['zstd-compressed', [0x28, 0xb5, 0x2f, 0xfd]],
] as const;

/** A tar archive's first header: the file's name, then `ustar` at byte 257. */
const tar = (): Buffer => {
  const header = Buffer.alloc(512);
  header.write('export.json\n{}', 0, 'latin1');
  header.write('ustar  ', 257, 'latin1');
  return header;
};

describe('events as one JSON array (JSON.stringify of shift.readEvents())', () => {
  it('is refused (exit 4) with how to write them one a line, instead of "it does not start with {"', async () => {
    const events = [{ id: 'evt_1', note: 'x'.repeat(100) }, { id: 'evt_2' }];
    for (const path of [join(dir, 'events.json'), join(dir, 'events.ndjson')])
      for (const text of [
        JSON.stringify(events),
        JSON.stringify(events, null, 2),
        `\uFEFF  ${JSON.stringify(events)}`,
      ]) {
        writeFileSync(path, text);
        expect(await report(path)).toEqual({
          code: 4,
          stdout: '',
          stderr: `social-shift: "${path}" is a JSON array: give the events one a line (NDJSON: jq -c '.[]' events.json > events.ndjson), or a JSON export.\n`,
        });
      }
  });
});

describe('input packed in a way the command does not unpack', () => {
  it('is refused (exit 4) saying what it is and to unpack it, whatever its name, instead of "not JSON"', async () => {
    try {
      for (const [kind, magic] of PACKED)
        for (const name of ['export.json', 'events.ndjson', 'events.bin']) {
          const path = join(dir, name);
          // A line end among the bytes, as compressed data has: a log's name must not make it "a log of bad lines".
          writeFileSync(path, Buffer.from([...magic, 0x0a, 0x7b, 0x7d, 0x0a, ...Array(100).fill(0x41)]));
          expect(await report(path), `${kind} ${name}`).toEqual({
            code: 4,
            stdout: '',
            stderr: `social-shift: "${path}" is ${kind}, which social-shift does not unpack (gzip it does): unpack it and give the JSON export or NDJSON event log.\n`,
          });
        }
      // An export.tar.gz: decompressed, it is a tar archive (of one file, or more).
      for (const name of ['export.json', 'export.tar']) {
        const path = join(dir, name);
        writeFileSync(path, tar());
        expect((await report(path)).stderr, name).toBe(
          `social-shift: "${path}" is a tar archive, which social-shift does not unpack (gzip it does): unpack it and give the JSON export or NDJSON event log.\n`,
        );
        writeFileSync(path, gzipSync(tar()));
        expect((await report(path)).stderr, `${name}, gzip-compressed`).toBe(
          `social-shift: "${path}" is a tar archive, which social-shift does not unpack (gzip it does): unpack it and give the JSON export or NDJSON event log.\n`,
        );
      }
      // JSON that holds `ustar` where a tar archive has it is JSON: an event log of one line, here.
      const path = join(dir, 'events.json');
      const event = JSON.stringify({ id: 'evt_1', name: 'x'.repeat(240) });
      const at = event.indexOf('x'.repeat(10));
      writeFileSync(path, `${event.slice(0, 257)}ustar${event.slice(262)}\n`);
      expect((await report(path)).stderr).toMatch(/^social-shift: .*line 1: /);
      // Also after a byte order mark.
      writeFileSync(path, `\uFEFF${event.slice(0, 254)}ustar${event.slice(259)}\n`);
      expect((await report(path)).stderr).toMatch(/^social-shift: .*line 1: /);
      expect(at).toBeLessThan(257);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
