import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { docSlug, repositoryWebUrl, rewriteDocHref, sourceRepository } from '../src/build/docs-links';

const repoRoot = '/repo';
const docs = join(repoRoot, 'docs');
const repository = { url: 'https://github.com/social-shift/social-shift', root: repoRoot };
const blob = 'https://github.com/social-shift/social-shift/blob/main';
const tree = 'https://github.com/social-shift/social-shift/tree/main';

describe('links between the guides in docs/', () => {
  it('point a link to another guide at that guide’s page, relative to the current page', () => {
    expect(rewriteDocHref('errors.md', join(docs, 'domain-model.md'), docs)).toBe('../errors/');
    expect(rewriteDocHref('../errors.md#codes', join(docs, 'adr/001-x.md'), docs)).toBe(
      '../../errors/#codes',
    );
    expect(rewriteDocHref('002-y.md', join(docs, 'adr/001-x.md'), docs)).toBe('../../adr/002-y/');
  });

  it('point a link to a folder of guides at the docs index', () => {
    expect(rewriteDocHref('adr/', join(docs, 'domain-model.md'), docs)).toBe('../#adr');
    expect(rewriteDocHref('../', join(docs, 'adr/001-x.md'), docs)).toBe('../../');
  });

  it('point a link to docs/README.md (no page of the site) at the docs index', () => {
    // A guide's "[the guides](README.md)"
    expect(rewriteDocHref('README.md', join(docs, 'commands.md'), docs, repository)).toBe('../');
    expect(rewriteDocHref('../README.md', join(docs, 'adr/001-x.md'), docs)).toBe('../../');
    expect(rewriteDocHref('../readme.md', join(docs, 'getting-started/ci-report.md'), docs)).toBe('../../');
  });

  it('keep a link to a README.md in a subfolder of docs/ on that guide’s page', () => {
    expect(rewriteDocHref('README.md', join(docs, 'storage/sqlite.md'), docs)).toBe('../../storage/readme/');
    expect(rewriteDocHref('storage/README.md', join(docs, 'domain-model.md'), docs)).toBe(
      '../storage/readme/',
    );
  });

  it('point a link out of docs/ at that file or folder in the source repository', () => {
    const ciReport = join(docs, 'getting-started/ci-report.md');
    const changelog = join(docs, 'changelog.md');
    expect(rewriteDocHref('../../examples/ci-report/README.md', ciReport, docs, repository)).toBe(
      `${blob}/examples/ci-report/README.md`,
    );
    expect(
      rewriteDocHref('../../examples/ci-report/ci/social-shift-report.yml', ciReport, docs, repository),
    ).toBe(`${blob}/examples/ci-report/ci/social-shift-report.yml`);
    expect(rewriteDocHref('../.changeset/', changelog, docs, repository)).toBe(`${tree}/.changeset`);
    expect(rewriteDocHref('../.changeset/README.md', changelog, docs, repository)).toBe(
      `${blob}/.changeset/README.md`,
    );
    expect(rewriteDocHref('../packages/core/CHANGELOG.md', changelog, docs, repository)).toBe(
      `${blob}/packages/core/CHANGELOG.md`,
    );
    expect(rewriteDocHref('../packages/core/src/index.ts#L10', changelog, docs, repository)).toBe(
      `${blob}/packages/core/src/index.ts#L10`,
    );
    expect(rewriteDocHref('..', changelog, docs, repository)).toBe(tree);
    expect(rewriteDocHref('../packages/core/', changelog, docs, { ...repository, branch: 'next' })).toBe(
      'https://github.com/social-shift/social-shift/tree/next/packages/core',
    );
  });

  it('tell a folder without a trailing slash from a file by what is on disk', () => {
    const root = mkdtempSync(join(tmpdir(), 'docs-links-'));
    try {
      mkdirSync(join(root, 'docs'));
      mkdirSync(join(root, 'examples/ci-report'), { recursive: true });
      writeFileSync(join(root, 'docs/diagram.svg'), '<svg/>');
      const from = join(root, 'docs/guide.md');
      const local = { ...repository, root };
      expect(rewriteDocHref('../examples/ci-report', from, join(root, 'docs'), local)).toBe(
        `${tree}/examples/ci-report`,
      );
      // A file in docs/ that is no guide is no page either: it is shown in the repository.
      expect(rewriteDocHref('diagram.svg', from, join(root, 'docs'), local)).toBe(`${blob}/docs/diagram.svg`);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('leave absolute, external and anchor-only links alone, and links out of docs/ without a repository', () => {
    for (const href of ['https://example.org/a.md', 'mailto:a@example.org', '/api/index.html', '#top']) {
      expect(rewriteDocHref(href, join(docs, 'domain-model.md'), docs, repository)).toBeUndefined();
    }
    expect(
      rewriteDocHref('../packages/core/src/index.ts', join(docs, 'domain-model.md'), docs),
    ).toBeUndefined();
    // Out of the repository altogether.
    expect(
      rewriteDocHref('../../elsewhere.md', join(docs, 'domain-model.md'), docs, repository),
    ).toBeUndefined();
  });

  it('slug a guide’s path in lower case without the extension', () => {
    expect(docSlug('adr/060-Site-Islands.md')).toBe('adr/060-site-islands');
  });
});

describe('the source repository of the links out of docs/', () => {
  it('is the web address of a package.json repository field', () => {
    const web = 'https://github.com/social-shift/social-shift';
    for (const repository of [
      'git+https://github.com/social-shift/social-shift.git',
      {
        type: 'git',
        url: 'git+https://github.com/social-shift/social-shift.git',
        directory: 'packages/core',
      },
      'https://github.com/social-shift/social-shift',
      'git@github.com:social-shift/social-shift.git',
      'git+ssh://git@github.com/social-shift/social-shift.git',
      'github:social-shift/social-shift',
      'social-shift/social-shift',
    ]) {
      expect(repositoryWebUrl(repository)).toBe(web);
    }
    for (const repository of [undefined, 42, {}, 'https://gitlab.com/a/b.git']) {
      expect(repositoryWebUrl(repository)).toBeUndefined();
    }
  });

  it('comes from the root package.json, else from the packages’ ones', () => {
    const root = mkdtempSync(join(tmpdir(), 'docs-repo-'));
    try {
      writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'root', private: true }));
      expect(sourceRepository(root)).toBeUndefined();
      mkdirSync(join(root, 'packages/core'), { recursive: true });
      writeFileSync(
        join(root, 'packages/core/package.json'),
        JSON.stringify({
          repository: { type: 'git', url: 'git+https://github.com/o/r.git', directory: 'x' },
        }),
      );
      expect(sourceRepository(root)).toEqual({ url: 'https://github.com/o/r', root });
      writeFileSync(join(root, 'package.json'), JSON.stringify({ repository: 'github:a/b' }));
      expect(sourceRepository(root)).toEqual({ url: 'https://github.com/a/b', root });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('is this workspace’s GitHub repository', () => {
    const workspace = join(import.meta.dirname, '..', '..');
    expect(sourceRepository(workspace)).toEqual({
      url: 'https://github.com/social-shift/social-shift',
      root: workspace,
    });
  });
});
