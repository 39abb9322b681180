// The guides name files of the repository in code spans (`packages/core/src/…test.ts` as the test that shows a
// promise): each such path must exist, so a moved file cannot leave a guide pointing at nothing.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return markdownFiles(path);
    return entry.name.endsWith('.md') ? [path] : [];
  });
}

/** A code span that is a path in the repository: no glob, placeholder or generated file. */
const PATH = /`((?:packages|examples|site|docs|\.ci)\/[^`\s]+)`/g;
/** Written by a build or a release, not kept in the repository. */
const GENERATED = [/\/CHANGELOG\.md$/, /^site\/public\/api\//, /^packages\/cli\/bench\/results\.json$/];
const isConcrete = (path: string) =>
  !/[*{}<>]/.test(path) && !GENERATED.some((generated) => generated.test(path));

describe('paths named in the guides', () => {
  it('all exist in the repository', () => {
    const files = [join(root, 'README.md'), ...markdownFiles(join(root, 'docs'))];
    const named = files.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(PATH)]
        .map((match) => (match[1] ?? '').replace(/[#:].*$/, ''))
        .filter(isConcrete)
        .map((path) => ({ in: relative(root, file), path })),
    );
    expect(named.length).toBeGreaterThan(50);
    expect(named.filter(({ path }) => !existsSync(join(root, path)))).toEqual([]);
  });
});
