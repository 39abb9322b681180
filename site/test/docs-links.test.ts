import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { docSlug, rewriteDocHref } from '../src/build/docs-links';

const docs = '/repo/docs';

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
  });

  it('leave absolute, external, anchor-only and out-of-docs links alone', () => {
    for (const href of ['https://example.org/a.md', '/api/', '#top', '../packages/core/src/index.ts']) {
      expect(rewriteDocHref(href, join(docs, 'domain-model.md'), docs)).toBeUndefined();
    }
  });

  it('slug a guide’s path in lower case without the extension', () => {
    expect(docSlug('adr/060-Site-Islands.md')).toBe('adr/060-site-islands');
  });
});
