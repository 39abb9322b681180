// An export or --config saved as Windows-1252 (PowerShell 5's Set-Content, an older Notepad) is refused with what to
// do, instead of a report whose names have "�" for every "ë", with exit code 0.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simulateEvents, simulateExportBundle } from '@social-shift/core/simulation';
import { afterAll, describe, expect, it } from 'vitest';
import { runReport as report } from './run-report.test-support.js';

const dir = mkdtempSync(join(tmpdir(), 'social-shift-not-utf8-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Text as Windows-1252 writes it: here, where every character is below U+0100, one byte each (Latin-1). */
const windows1252 = (text: string): Buffer => {
  expect([...text].every((c) => c.charCodeAt(0) < 0x100)).toBe(true);
  return Buffer.from(text, 'latin1');
};

const bundle = simulateExportBundle({ seed: 6, people: 20, teams: 2, days: 20 });
// A team with an "ë" in its name, and nothing else beyond ASCII (so Latin-1 is Windows-1252 here).
const ascii = JSON.parse(JSON.stringify(bundle).replace(/[^ -~]/g, 'e')) as typeof bundle;
const team = ascii.documents.team?.[0] as { name: string };
team.name = 'Financiën';

describe('input that is not UTF-8', () => {
  it('an export on one line or spread over lines is refused, exit 4, with how to save it', async () => {
    for (const [name, text] of [
      ['one-line.json', JSON.stringify(ascii)],
      ['pretty.json', JSON.stringify(ascii, null, 2)],
    ] as const) {
      const path = join(dir, name);
      writeFileSync(path, windows1252(text));
      expect(await report(path)).toEqual({
        code: 4,
        stdout: '',
        stderr: `social-shift: "${path}" is not UTF-8 text (it may be Windows-1252, as PowerShell 5's Set-Content writes): save it as UTF-8 (in PowerShell: Set-Content -Encoding utf8), or export it again.\n`,
      });
      // The same export in UTF-8 is read, with the name as it is.
      writeFileSync(path, text);
      const read = await report(path);
      expect(read.code).toBe(0);
      expect(read.stdout).toContain('Financiën');
    }
  });

  it('a --config is refused, exit 2', async () => {
    const log = join(dir, 'events.ndjson');
    writeFileSync(
      log,
      `${[...simulateEvents({ seed: 6, people: 20, teams: 2, days: 20, events: 200 })].map((e) => JSON.stringify(e)).join('\n')}\n`,
    );
    const config = join(dir, 'config.json');
    writeFileSync(config, windows1252(JSON.stringify({ names: { teams: { team_x: 'Financiën' } } })));
    expect(await report(log, '--config', config)).toEqual({
      code: 2,
      stdout: '',
      stderr: `social-shift: --config: "${config}" is not UTF-8 text (it may be Windows-1252, as PowerShell 5's Set-Content writes): save it as UTF-8.\n`,
    });
  });
});
