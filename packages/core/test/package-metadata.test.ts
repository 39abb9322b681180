// What the registry shows for each published package: its repository, homepage and issue tracker, and a README
// whose links work there too (a registry renders the README away from the repository, so relative links break).
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publishablePackages, repositoryRoot } from '../scripts/packed-packages.js';

const REPOSITORY = 'https://github.com/social-shift/social-shift';
const packages = publishablePackages();

/** Every Markdown link target of a README, image links included; code spans and fenced code are skipped. */
function linkTargets(markdown: string): string[] {
  const prose = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  return [...prose.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((match) => match[1] ?? '');
}

describe('linkTargets', () => {
  it('finds inline link targets and skips code', () => {
    expect(
      linkTargets(
        '[a](../x.md) and ![b](https://e.example/i.png "t")\n```md\n[c](./no.md)\n```\n`[d](./no.md)`',
      ),
    ).toEqual(['../x.md', 'https://e.example/i.png']);
  });
});

describe.each(packages.map((pkg) => [pkg.name, pkg] as const))('%s', (_name, pkg) => {
  const manifest = JSON.parse(readFileSync(join(pkg.dir, 'package.json'), 'utf8')) as {
    repository?: { type?: string; url?: string; directory?: string };
    homepage?: string;
    bugs?: { url?: string };
  };
  const directory = relative(repositoryRoot, pkg.dir).split('\\').join('/');

  it('names its repository, its folder in it, a homepage and the issue tracker', () => {
    expect(manifest.repository).toEqual({ type: 'git', url: `git+${REPOSITORY}.git`, directory });
    expect(manifest.homepage).toBe(`${REPOSITORY}/tree/main/${directory}#readme`);
    expect(manifest.bugs).toEqual({ url: `${REPOSITORY}/issues` });
  });

  // A registry shows the README first: it says how to install the package, and, for a command whose name is not
  // the package's, how to run it without installing (`npx <command>` would fetch a package named after the command).
  it('has a README that shows how to install it, and how to run its command with npx', () => {
    const readme = readFileSync(join(pkg.dir, 'README.md'), 'utf8');
    const shell = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1] ?? '').join('\n');
    expect(shell).toMatch(new RegExp(`^(npm install|pnpm add)( -D| --save-dev)? .*${pkg.name}(\\s|$)`, 'm'));
    const { bin } = JSON.parse(readFileSync(join(pkg.dir, 'package.json'), 'utf8')) as {
      bin?: string | Record<string, string>;
    };
    const commands = typeof bin === 'string' ? [pkg.name] : Object.keys(bin ?? {});
    if (commands.some((command) => command !== pkg.name)) expect(shell).toContain(`npx ${pkg.name} `);
  });

  it('has a README whose links are absolute (they work on the registry page too)', () => {
    const targets = linkTargets(readFileSync(join(pkg.dir, 'README.md'), 'utf8'));
    expect(targets.filter((target) => !/^(https:\/\/|mailto:|#)/.test(target))).toEqual([]);
    expect(targets.some((target) => target.startsWith(REPOSITORY))).toBe(true);
  });
});

describe('versions', () => {
  it('every published package starts from one version, as the changesets "fixed" group moves them together', () => {
    expect(new Set(packages.map((pkg) => pkg.version)).size).toBe(1);
  });
});
