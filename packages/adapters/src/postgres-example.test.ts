import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
/** The trimmed, non-blank lines of the first ```ts block in `text`, without a leading ` * ` of a doc comment. */
const firstBlock = (text: string) =>
  (/```ts\n([\s\S]*?)```/.exec(text)?.[1] ?? '')
    .split('\n')
    .map((line) => line.replace(/^\s*\*( |$)/, '').trim())
    .filter((line) => line !== '');

describe('the module example of @social-shift/adapters/postgres', () => {
  const example = firstBlock(read('./postgres.ts'));
  const page = firstBlock(read('../../../docs/storage/postgres.md'));

  it('awaits pgClient and gives the pool an error listener, as docs/storage/postgres.md does', () => {
    // It called pgClient (async) without await, which postgresStorage refuses, and its pool had no 'error'
    // listener, so a server ending an idle connection ended the process.
    expect(example.length).toBeGreaterThan(0);
    expect(example.join('\n')).not.toMatch(/(?<!await )pgClient\(/);
    expect(example).toContainEqual(expect.stringMatching(/^pool\.on\('error', /));
    // Every line of code is the page's, but where the page's function takes the connection string as a parameter.
    const own = example.filter(
      (line) => !line.startsWith('//') && !line.includes('process.env.DATABASE_URL'),
    );
    expect(own.filter((line) => !page.includes(line))).toEqual([]);
  });
});
