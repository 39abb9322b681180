// @ts-check
import { defineConfig } from 'astro/config';

// The "source" condition makes the site use the workspace packages' TypeScript sources: no build needed first.
export default defineConfig({
  site: 'http://localhost:4321',
  trailingSlash: 'ignore',
  vite: {
    resolve: { conditions: ['source'] },
    ssr: { resolve: { conditions: ['source'], externalConditions: ['source'] } },
  },
});
