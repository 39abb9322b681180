// Generates the API reference with typedoc from the workspace packages' public entry points (the `source`
// condition of every `exports` entry), so a new subpath shows up without touching this file.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { Application, LogLevel, PageEvent } from 'typedoc';
import { en } from '../messages/en';
import { nl } from '../messages/nl';

const packageDirs = ['packages/core', 'packages/adapters'];

/** The TypeScript source of every public subpath of the SDK's packages, found from their `exports` maps. */
export function publicEntryPoints(repoRoot: string): string[] {
  const entries: string[] = [];
  for (const dir of packageDirs) {
    const manifest = JSON.parse(readFileSync(join(repoRoot, dir, 'package.json'), 'utf8')) as {
      exports?: Record<string, unknown>;
    };
    for (const target of Object.values(manifest.exports ?? {})) {
      if (typeof target !== 'object' || target === null) continue;
      const source = (target as { source?: unknown }).source;
      if (typeof source === 'string' && source.endsWith('.ts')) entries.push(resolve(repoRoot, dir, source));
    }
  }
  return entries.filter((file) => existsSync(file));
}

/**
 * The links from the reference back to the site, label → address: its home and Docs pages in both languages,
 * English first (the reference is in English). typedoc shows them in its header (`navigationLinks`) and, on a
 * narrow screen, where the header has no room, in its menu. `base` is the site's base path (Astro's `base`).
 * The paths are spelled out rather than taken from ../i18n's `localePath`: that module reads Vite's
 * `import.meta.env`, and the Astro config loads this file.
 */
export function siteLinks(base = '/'): Record<string, string> {
  const root = base.replace(/\/?$/, '/');
  return {
    [en.apiBackToSite]: `${root}en/`,
    [en.navDocs]: `${root}en/docs/`,
    [nl.apiBackToSite]: root,
    [nl.navDocs]: `${root}docs/`,
  };
}

/** Escapes text for a regular expression. */
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Marks the reference's links back to the Dutch site as Dutch (`lang`, and `hreflang` for the page they lead to):
 * the reference is English (`<html lang="en">`), so a screen reader would read "Terug naar de site" as English.
 *
 * @example
 * ```ts
 * markDutchLinks('<a href="/">Terug naar de site</a>'); // '<a href="/" lang="nl" hreflang="nl">Terug naar de site</a>'
 * ```
 */
export function markDutchLinks(html: string, base = '/'): string {
  const dutch = Object.entries(siteLinks(base)).filter(
    ([text]) => text === nl.apiBackToSite || text === nl.navDocs,
  );
  return dutch.reduce(
    (page, [text, href]) =>
      page.replace(
        new RegExp(`<a href="${literal(href)}"([^>]*)>${literal(text)}</a>`, 'g'),
        (_, rest: string) => `<a href="${href}"${rest} lang="nl" hreflang="nl">${text}</a>`,
      ),
    html,
  );
}

/**
 * Writes the typedoc HTML reference of every public entry point into `outDir`; `base` is the site's base path.
 * Fails when a `{@link …}` in the TSDoc leads nowhere (a renamed symbol, or one no entry point exports): typedoc
 * would render it as plain text or a dead link, and a team building its own UI reads these pages.
 */
export async function generateApiReference(repoRoot: string, outDir: string, base = '/'): Promise<void> {
  const app = await Application.bootstrapWithPlugins({
    entryPoints: publicEntryPoints(repoRoot),
    tsconfig: join(repoRoot, 'site', 'typedoc.tsconfig.json'),
    name: 'Social Shift SDK',
    readme: 'none',
    excludePrivate: true,
    excludeInternal: true,
    githubPages: false,
    hideGenerator: true,
    navigationLinks: siteLinks(base),
    // Type errors are the type check's job (`pnpm typecheck`); the reference is generated from what there is.
    skipErrorChecking: true,
    logLevel: LogLevel.Error,
    validation: { notExported: false, notDocumented: false, invalidLink: true, invalidPath: false },
  });
  app.renderer.on(PageEvent.END, (page) => {
    if (page.contents !== undefined) page.contents = markDutchLinks(page.contents, base);
  });
  const project = await app.convert();
  if (!project) throw new Error('typedoc could not convert the SDK sources: see the errors above.');
  // The link check's warnings are printed (the log level above hides typedoc's other warnings) and fail the build.
  app.logger.level = LogLevel.Warn;
  const before = app.logger.validationWarningCount;
  app.validate(project);
  const broken = app.logger.validationWarningCount - before;
  app.logger.level = LogLevel.Error;
  if (broken > 0)
    throw new Error(`The SDK's TSDoc has ${broken} broken {@link …} tags: see the warnings above.`);
  await app.generateDocs(project, outDir);
}

/**
 * An Astro integration for the API reference: every build writes it into its own output folder (`api/`), so
 * parallel builds never share files; `astro dev` writes it once into `public/api/` (gitignored) when missing.
 */
export function apiReference(): AstroIntegration {
  let repoRoot = '';
  let base = '/';
  return {
    name: 'social-shift-api-reference',
    hooks: {
      'astro:config:setup': async ({ command, config, logger }) => {
        repoRoot = resolve(fileURLToPath(config.root), '..');
        base = config.base;
        const outDir = join(fileURLToPath(config.publicDir), 'api');
        if (command === 'dev' && !existsSync(join(outDir, 'index.html'))) {
          await generateApiReference(repoRoot, outDir, base);
          logger.info(`API reference written to ${outDir}`);
        }
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const outDir = join(fileURLToPath(dir), 'api');
        await generateApiReference(repoRoot, outDir, base);
        logger.info(`API reference written to ${outDir} in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
