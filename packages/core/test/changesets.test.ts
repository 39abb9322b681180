// The changesets under .changeset/ must be valid for `changeset version`: each names only published workspace
// packages, with a bump of patch, minor or major, and says something for the changelog.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publishablePackages, repositoryRoot } from '../scripts/packed-packages.js';

const dir = join(repositoryRoot, '.changeset');
const changesets = readdirSync(dir).filter((file) => file.endsWith('.md') && file !== 'README.md');
const published = new Set(publishablePackages().map((pkg) => pkg.name));

function parseChangeset(text: string): { releases: [string, string][]; summary: string } {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!match) throw new Error('a changeset starts with a front matter block between --- lines');
  const releases = match[1]!
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const release = /^["']?([^"':]+)["']?:\s*(\S+)$/.exec(line.trim());
      if (!release) throw new Error(`cannot read the release line "${line}"`);
      return [release[1]!, release[2]!] as [string, string];
    });
  return { releases, summary: match[2]!.trim() };
}

describe('the changesets', () => {
  it('configure every published package to move together', () => {
    const config = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as { fixed: string[][] };
    expect(config.fixed.flat().sort()).toEqual([...published].sort());
  });

  it.each(changesets)('%s names published packages, a valid bump and a summary', (file) => {
    const { releases, summary } = parseChangeset(readFileSync(join(dir, file), 'utf8'));
    expect(releases.length).toBeGreaterThan(0);
    for (const [name, bump] of releases) {
      expect(published, `${name} is not a published workspace package`).toContain(name);
      expect(['patch', 'minor', 'major']).toContain(bump);
    }
    expect(summary.length).toBeGreaterThan(0);
  });
});
