// Every header cell of the built site's tables has a name: a screen reader announces an empty one as an unnamed
// column (axe's `empty-table-header`), as the guides' matrices and benchmark tables did. The Dashboard's chart
// tables are drawn in the browser: the e2e tests run axe on those, with that rule failing too.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { htmlPages } from './built-pages';

const outDir = inject('distDir');

const pages = () => htmlPages(outDir);

/** The header cells of a page without text or an `aria-label`, as their HTML. */
const emptyHeaders = (html: string) =>
  [...html.matchAll(/<th\b([^>]*)>(.*?)<\/th>/gs)]
    .filter(
      ([, attributes = '', content = '']) =>
        content.replace(/<[^>]*>/g, '').trim() === '' && !/\saria-label="[^"]*\S/.test(attributes),
    )
    .map(([cell]) => cell);

describe('the tables of the built site', () => {
  it('finds a header cell without a name', () => {
    expect(
      emptyHeaders('<tr><th></th><th> <span></span> </th><th>Goal</th><th aria-label="Goal"></th></tr>'),
    ).toEqual(['<th></th>', '<th> <span></span> </th>']);
  });

  it('name every header cell, in the guides too', () => {
    const files = pages();
    expect(files).toContain('en/docs/strategy-and-overlap/index.html');
    const empty = files.flatMap((file) =>
      emptyHeaders(readFileSync(join(outDir, file), 'utf8')).map((cell) => `${file}: ${cell}`),
    );
    expect(empty).toEqual([]);
  });
});
