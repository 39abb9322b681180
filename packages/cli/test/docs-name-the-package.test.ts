import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// The README showed `social-shift report …` without saying which package has the command: `npx social-shift` then
// looks for a package named `social-shift` on the registry, which is not this one.
const repo = join(import.meta.dirname, '..', '..', '..');
const markdown = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? entry.name === 'adr'
        ? []
        : markdown(join(dir, entry.name))
      : entry.name.endsWith('.md')
        ? [join(dir, entry.name)]
        : [],
  );
const pages = [join(repo, 'README.md'), ...markdown(join(repo, 'docs'))];
/** A shell block of the page that runs the command. */
const runsTheCommand = (text: string) =>
  [...text.matchAll(/```(?:sh|bash|shell)\n([\s\S]*?)```/g)].some((block) =>
    /^\s*(?:npx )?social-shift (?:report|schema)\b/m.test(block[1]!),
  );

describe('a page that runs the social-shift command', () => {
  const running = pages.filter((page) => runsTheCommand(readFileSync(page, 'utf8')));

  it('is found', () => {
    expect(running.map((page) => relative(repo, page))).toContain('README.md');
  });

  it.each(running.map((page) => [relative(repo, page), page]))(
    '%s names the package that has it',
    (_, page) => {
      expect(readFileSync(page!, 'utf8')).toContain('@social-shift/cli');
    },
  );
});
