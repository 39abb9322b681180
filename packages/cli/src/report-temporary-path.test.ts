import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryPath } from './report-output.js';

describe('the temporary file a report is written to before it is renamed into place', () => {
  it('is one of this run alone, not only of its process id, which two containers sharing a folder can both have', () => {
    // Two runs in containers of their own are often both process 1: by process id alone, both would write one
    // temporary file, and each would rename the other's half-written report into place.
    const report = join('out', 'report.md');
    const names = new Set(Array.from({ length: 20 }, () => temporaryPath(report)));
    expect(names.size).toBe(20);
    for (const name of names) {
      expect(dirname(name)).toBe('out');
      expect(basename(name)).toMatch(/^report\.md\.\d+\.[0-9a-f]{8}\.partial$/);
    }
    // A name too long for the suffix gets a short one of its own, just as unique.
    const long = join('out', `${'r'.repeat(250)}.md`);
    const short = new Set(Array.from({ length: 20 }, () => temporaryPath(long, 3)));
    expect(short.size).toBe(20);
    for (const name of short)
      expect(basename(name)).toMatch(/^\.social-shift\.\d+\.[0-9a-f]{8}\.3\.partial$/);
  });
});
