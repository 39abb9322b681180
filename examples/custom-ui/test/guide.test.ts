// The guide (docs/getting-started/custom-ui.md) and this example's README say alike what the browser test checks:
// the guide's "Run it" section lists every check the README's "Test" section lists, so neither falls behind; and
// the README's "Test" section names every test file there is, and none that is gone.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

/** The text of the section under `## heading`, on one line. */
function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`no section "${heading}"`);
  const end = markdown.indexOf('\n## ', start + 1);
  return markdown
    .slice(start, end < 0 ? undefined : end)
    .replace(/\s+/g, ' ')
    .trim();
}

describe('the custom UI guide', () => {
  it('lists in "Run it" every check of the browser test that the README lists', () => {
    const readme = section(read('README.md'), 'Test');
    const checks = readme.match(/no browser is downloaded\): (.+?)\. In CI/)?.[1];
    expect(checks, 'the README lists the checks after "no browser is downloaded):"').toBeDefined();
    expect(section(read('../../docs/getting-started/custom-ui.md'), 'Run it')).toContain(checks);
  });

  it('names in the README every test file of test/, and none that is gone', () => {
    const files = readdirSync(join(root, 'test'))
      .filter((file) => file.endsWith('.test.ts'))
      .map((file) => `test/${file}`)
      .sort();
    const named = [
      ...new Set(section(read('README.md'), 'Test').match(/test\/[\w.-]+\.test\.ts/g) ?? []),
    ].sort();
    expect(named).toEqual(files);
  });
});
