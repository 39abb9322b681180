import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// docs/getting-started/ci-report.md showed the report's code without its imports, and nothing on the page said that
// `foldEvents` is on `@social-shift/core/metrics` or `createReport` on `@social-shift/core/reports`: a reader who
// typed it imported them from `@social-shift/core`, which has neither. The intranet guide did the same with
// `createLinkTracker` (`@social-shift/core/links`) and the digest and e-mail functions of the adapters.
const repo = join(import.meta.dirname, '..', '..', '..');
const guides = [
  ['docs/getting-started/ci-report.md', ['examples/ci-report/src/report.ts']],
  [
    'docs/getting-started/intranet-node.md',
    ['service', 'app', 'clicks', 'digest-job'].map((name) => `examples/intranet-node/src/${name}.ts`),
  ],
] as const;

/** The names the file imports from a package of the SDK, with the module they come from. */
function sdkImports(source: string): Map<string, string> {
  const names = new Map<string, string>();
  for (const [, list, module] of source.matchAll(/^import \{([^}]*)\} from '(@social-shift\/[^']+)';/gm)) {
    for (const item of list!.split(',')) {
      const name = item.replace(/^\s*type\s+/, '').trim();
      if (name && !item.trim().startsWith('type ')) names.set(name, module!);
    }
  }
  return names;
}

describe('a guide that shows a snippet without its imports', () => {
  it.each(guides)('%s says where each SDK function of its snippets comes from', (page, files) => {
    const text = readFileSync(join(repo, page), 'utf8');
    const snippets = [...text.matchAll(/<!-- snippet: [^>]*-->\n```ts\n([\s\S]*?)```/g)]
      .map((m) => m[1]!)
      .join('\n');
    const prose = text.replace(/<!-- snippet: [^>]*-->\n```[\s\S]*?```/g, '');
    const used = [
      ...new Map(files.flatMap((file) => [...sdkImports(readFileSync(join(repo, file), 'utf8'))])),
    ].filter(([name]) => new RegExp(`\\b${name}\\b`).test(snippets));
    expect(used.length).toBeGreaterThan(0);
    const unsaid = used.filter(([name, module]) => {
      const paragraph = prose
        .split('\n\n')
        .find((p) => p.includes(`\`${name}\``) && p.includes(`\`${module}\``));
      return paragraph === undefined;
    });
    expect(unsaid.map(([name, module]) => `${name} (${module})`)).toEqual([]);
  });
});
