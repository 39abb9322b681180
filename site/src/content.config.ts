// The guides and decision records in the repository's `docs/` folder, rendered by the Docs section.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

export const collections = {
  docs: defineCollection({ loader: glob({ pattern: ['**/*.md', '!README.md'], base: '../docs' }) }),
};
