import { describe, expect, it } from 'vitest';
import { runReport as report } from './run-report.test-support.js';

describe('an empty path ("$INPUT" or "$CONFIG" with the variable unset)', () => {
  it('is bad usage (exit 2) that says the path is empty, as for --out, not a file that cannot be read', async () => {
    expect(await report('')).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'social-shift: The input path is empty: give the export or event log file, or - for standard input.\n',
    });
    expect(await report('-', '--config', '')).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'social-shift: --config: the path is empty; give a JSON file, - for standard input, or leave the option out.\n',
    });
  });
});
