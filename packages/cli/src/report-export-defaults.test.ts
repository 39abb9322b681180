import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simulateExportBundle } from '@social-shift/core/simulation';
import { afterAll, describe, expect, it } from 'vitest';
import { runReport as report } from './run-report.test-support.js';

const dir = mkdtempSync(join(tmpdir(), 'social-shift-export-defaults-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('an export whose organisation leaves out a field that has a default', () => {
  it('is reported in the language the organisation has by default (Dutch), as an import reads it', async () => {
    const bundle = simulateExportBundle({ seed: 4, people: 20, teams: 2, days: 20 });
    const [organisation] = bundle.documents.organisation as Record<string, unknown>[];
    expect(organisation?.defaultLanguage).toBe('nl');
    delete organisation?.defaultLanguage;
    const path = join(dir, 'export.json');
    writeFileSync(path, JSON.stringify(bundle));
    const result = await report(path, '--format', 'json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).language).toBe('nl');
    // --lang still wins.
    expect(JSON.parse((await report(path, '--format', 'json', '--lang', 'en')).stdout).language).toBe('en');
  });
});
