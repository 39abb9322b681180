// The site's base path (Astro's `base`: `/social-shift/` for a site served under a sub-path, as a GitHub Pages
// project site is) for the site's own code, as `__SOCIAL_SHIFT_BASE__`. Not `import.meta.env.BASE_URL`: in the
// pages Astro renders at build time, an environment variable `BASE_URL` (a CI job's address of its test server,
// or the `/` vitest sets for its workers) takes the place of that one, and every link of the site would ignore
// the base, or point at that server.
import type { AstroIntegration } from 'astro';

/** The name the base path is defined as in the site's code (see ../i18n.ts). */
export const SITE_BASE_DEFINE = '__SOCIAL_SHIFT_BASE__';

/** An Astro integration that defines {@link SITE_BASE_DEFINE} as the configured `base` (`--base` included). */
export function siteBase(): AstroIntegration {
  return {
    name: 'social-shift-site-base',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        updateConfig({ vite: { define: { [SITE_BASE_DEFINE]: JSON.stringify(config.base) } } });
      },
    },
  };
}
