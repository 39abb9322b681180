// Builds the custom UI into dist/ with esbuild (one ES module, for current browsers), and with --serve serves it
// on 127.0.0.1. Run: pnpm --filter @social-shift/example-custom-ui start
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(fileURLToPath(import.meta.url), '..', '..');

/** Where the built UI is. */
export const distDir = join(root, 'dist');

/** Bundles src/main.ts and copies the page; returns the bundle's size in bytes. */
export async function buildUi(): Promise<number> {
  mkdirSync(distDir, { recursive: true });
  const result = await build({
    entryPoints: [join(root, 'src', 'main.ts')],
    outfile: join(distDir, 'app.js'),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    sourcemap: true,
    // In this workspace, compile the SDK from its TypeScript sources (the "source" export condition); an app that
    // installs the SDK from the registry leaves this out and gets the published build.
    conditions: ['source'],
    metafile: true,
    logLevel: 'warning',
  });
  for (const file of ['index.html', 'styles.css']) copyFileSync(join(root, 'src', file), join(distDir, file));
  return Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
};

/**
 * The port `pnpm start` serves on: CUSTOM_UI_PORT, else always the same one. IndexedDB and localStorage belong to an
 * origin (scheme, host and port): on a new port each start, the programme stored in the browser would seem gone.
 * The generic PORT is not read: some hosts set it shell-wide, and it would move the origin unasked.
 */
export const DEFAULT_PORT = 4330;

/** The port to serve on, from CUSTOM_UI_PORT (a whole number, 0 for any free port) or DEFAULT_PORT. */
export function servePort(env: Readonly<Record<string, string | undefined>>): number {
  const given = env.CUSTOM_UI_PORT?.trim();
  if (given === undefined || given === '') return DEFAULT_PORT;
  // Digits only: Number() would also read "0x1f90" (8080), "1e3" or "+4331" as a port nobody typed.
  const port = /^\d{1,5}$/.test(given) ? Number(given) : Number.NaN;
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new Error(
      `CUSTOM_UI_PORT must be a port number from 0 to 65535 (0: any free port), not "${given}".`,
    );
  return port;
}

/** Serves dist/ on 127.0.0.1 (on a free port by default); resolves with the server and its base URL. */
export function serveUi(port = 0): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const file = normalize(join(distDir, path === '/' ? 'index.html' : path));
    if (!file.startsWith(distDir)) {
      response.writeHead(403).end();
      return;
    }
    try {
      const body = readFileSync(file);
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404).end('not found');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(
              `Port ${port} is in use: stop what serves on it, or start with another, e.g. CUSTOM_UI_PORT=${port === 65_535 ? port - 1 : port + 1} pnpm start.`,
            )
          : error,
      ),
    );
    server.listen(port, '127.0.0.1', () => {
      const { port: actual } = server.address() as AddressInfo;
      resolve({ server, url: `http://127.0.0.1:${actual}/` });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const bytes = await buildUi();
  console.log(`built dist/ (${(bytes / 1024).toFixed(1)} KB of JavaScript and maps)`);
  if (process.argv.includes('--serve')) {
    const { url } = await serveUi(servePort(process.env));
    console.log(`serving the custom UI on ${url}`);
  }
}
