// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import { apiReference } from './src/build/api-reference.ts';
import { rehypeDocsLinks, sourceRepository } from './src/build/docs-links.ts';
import { siteBase } from './src/build/site-base.ts';

const docsRoot = fileURLToPath(new URL('../docs', import.meta.url));
// Links from the guides to files outside docs/ go to the source repository named in the package.json files.
const repository = sourceRepository(fileURLToPath(new URL('..', import.meta.url)));

// The "source" condition makes the site use the workspace packages' TypeScript sources: no build needed first.
export default defineConfig({
  site: 'http://localhost:4321',
  trailingSlash: 'ignore',
  integrations: [siteBase(), apiReference()],
  // A high-contrast code theme: every token passes WCAG AA contrast (axe checks it on every page).
  markdown: {
    rehypePlugins: [[rehypeDocsLinks, { docsRoot, repository }]],
    shikiConfig: { theme: 'github-light-high-contrast' },
  },
  vite: {
    resolve: { conditions: ['source'] },
    ssr: { resolve: { conditions: ['source'], externalConditions: ['source'] } },
  },
});
