// The pages of the built site (`distDir`, see built-site.ts) that the HTML tests read.
import { readdirSync } from 'node:fs';
import { sep } from 'node:path';

/** Every HTML page of the built site outside the typedoc reference, as paths relative to the output folder. */
export const htmlPages = (outDir: string): string[] =>
  readdirSync(outDir, { recursive: true, encoding: 'utf8' })
    .map((file) => file.split(sep).join('/'))
    .filter((file) => file.endsWith('.html') && !file.startsWith('api/'))
    .sort();
