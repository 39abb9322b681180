// The few HTTP helpers the service needs, on node:http alone: JSON in and out, a small route table, and the
// mapping of the SDK's typed errors to HTTP statuses (each error carries the status that fits its code).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isSocialShiftError, SocialShiftError } from '@social-shift/core';

/** Request bodies larger than this are refused before they are parsed. */
const MAX_BODY_BYTES = 256 * 1024;

/** What a route handler gets: the path parameters, the parsed JSON body and the acting person, if any. */
export interface RouteContext {
  readonly params: Readonly<Record<string, string>>;
  readonly body: unknown;
  readonly personId: string | undefined;
  /** The `x-request-id` a proxy sets, if any: a key for idempotent retries. */
  readonly requestId: string | undefined;
  /** The `user-agent` header, if any. */
  readonly userAgent: string | undefined;
  readonly url: URL;
  /**
   * A `HEAD` request (link checkers, mail scanners): answered as the `GET` of the same path, without its body. A
   * route that records something for a `GET` records nothing for it.
   */
  readonly head?: boolean;
}

/** A route's answer: JSON with a status, a page for people (such as a link's visitors), or a redirect. */
export type RouteResult =
  | { readonly status: number; readonly json: unknown }
  | { readonly status: number; readonly html: string }
  | { readonly redirect: string };

/** One entry of the route table: `GET /api/offers/:offerId`. */
export interface Route {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly handle: (context: RouteContext) => Promise<RouteResult>;
}

/** JSON with status 200. */
export const ok = (json: unknown): RouteResult => ({ status: 200, json });
/** JSON with status 201. */
export const created = (json: unknown): RouteResult => ({ status: 201, json });

/** A `VALIDATION` error (400) about the request itself, at `path`. */
function badRequest(message: string, path: string, issue: string): SocialShiftError<'VALIDATION'> {
  return new SocialShiftError('VALIDATION', message, {
    details: { issues: [{ path: [path], message: issue, code: 'invalid_format' }], input: 'request' },
  });
}

function match(pattern: string, pathname: string): Record<string, string> | undefined {
  const want = pattern.split('/');
  const got = pathname.split('/');
  if (want.length !== got.length) return undefined;
  // Every fixed part first: a parameter is decoded (and its bad encoding refused) only on a path the route serves.
  if (want.some((part, index) => !part.startsWith(':') && part !== got[index])) return undefined;
  const params: Record<string, string> = {};
  for (const [index, part] of want.entries()) {
    if (!part.startsWith(':')) continue;
    const name = part.slice(1);
    try {
      params[name] = decodeURIComponent(got[index] ?? '');
    } catch {
      // `%E0%A4%A` is the client's mistake, not the service's failure: 400, not 500.
      throw badRequest(
        `The path's "${name}" is not valid percent-encoding.`,
        name,
        'not valid percent-encoding',
      );
    }
  }
  return params;
}

/** Errors answered with another status than their code's: 415 for a body that is not sent as JSON. */
const statusOf = new WeakMap<SocialShiftError, number>();

/**
 * Whether a `content-type` says JSON (`application/json`, any parameters, or `application/…+json`). Only JSON is
 * taken: a page on another site can send a form or `text/plain` without the browser asking the service first, but
 * JSON only after a preflight, which the service answers for trusted origins alone.
 */
function isJsonType(type: string | undefined): boolean {
  const media = (type ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return media === 'application/json' || /^application\/[\w.-]+\+json$/.test(media);
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    if (size > MAX_BODY_BYTES) {
      throw new SocialShiftError('LIMIT_EXCEEDED', `Send at most ${MAX_BODY_BYTES} bytes of JSON.`, {
        details: { limit: MAX_BODY_BYTES, actual: size, what: 'request body' },
      });
    }
    chunks.push(chunk);
  }
  if (chunks.length === 0) return undefined;
  const type = request.headers['content-type'];
  if (!isJsonType(type)) {
    const error = new SocialShiftError(
      'VALIDATION',
      `Send the body as JSON, with content-type: application/json (not ${type === undefined ? 'without one' : `"${type}"`}).`,
      {
        details: {
          issues: [{ path: ['content-type'], message: 'not application/json', code: 'invalid_value' }],
          input: 'request',
        },
      },
    );
    statusOf.set(error, 415);
    throw error;
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch (cause) {
    throw new SocialShiftError('VALIDATION', 'The request body is not valid JSON.', {
      details: { issues: [{ path: [], message: 'not valid JSON', code: 'invalid_json' }], input: 'body' },
      cause,
    });
  }
}

function send(response: ServerResponse, status: number, json: unknown, type = 'application/json'): void {
  const body = type === 'application/json' ? JSON.stringify(json) : String(json);
  response.writeHead(status, {
    'content-type': `${type}; charset=utf-8`,
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
  });
  // The answer to a HEAD request has the headers of the GET's, and no body.
  response.end(response.req.method === 'HEAD' ? undefined : body);
}

/** Options of {@link createHandler}: whose POSTs a browser may send (see `refuseCrossSite`), and read (CORS). */
export interface HandlerOptions {
  /** The URL people reach the service at (`PUBLIC_URL`); its origin counts as the service's own. */
  readonly publicUrl?: string;
  /**
   * Origins of other intranet pages that may call the service from the browser, such as a portal on a sibling host
   * (`https://portal.intranet.example`): matched exactly against the request's `Origin` header. Their POSTs are
   * accepted, their preflights answered, and their fetches (with credentials) may read the answers.
   */
  readonly trustedOrigins?: readonly string[];
}

/**
 * A request handler for node:http over a route table. The acting person comes from the `x-person-id` header,
 * which the intranet's single sign-on proxy sets; the SDK checks that person's roles on every command.
 */
export function createHandler(
  routes: readonly Route[],
  onError: (error: unknown) => void = () => {},
  options: HandlerOptions = {},
) {
  const trusted = new Set(options.trustedOrigins ?? []);
  const own = options.publicUrl === undefined ? undefined : originOf(options.publicUrl);
  if (own) trusted.add(own);
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    try {
      // Inside the try: a request line such as `GET //` is no URL, and a handler that rejects ends the process.
      let url: URL;
      try {
        url = new URL(request.url ?? '/', 'http://localhost');
      } catch {
        throw badRequest('The request path is not a valid URL path.', 'url', 'not a valid URL path');
      }
      // Routed on the path as sent, not as the URL parser resolves it: `/s/%2e%2e/api/people` and `/s\..\api\people`
      // are `/api/people` to it, a path the sign-on proxy, which lets `/s/…` through without a sign-in, never saw.
      const pathname = pathOf(request.url ?? '/');
      const header = (name: string) => {
        const value = request.headers[name];
        return typeof value === 'string' && value !== '' ? value : undefined;
      };
      // A trusted page on another origin (a portal) may read the answers (CORS), with the sign-on proxy's cookies.
      const origin = header('origin');
      const cors = origin !== undefined && trusted.has(origin);
      response.setHeader('vary', 'Origin');
      if (cors) {
        response.setHeader('access-control-allow-origin', origin);
        response.setHeader('access-control-allow-credentials', 'true');
      }
      const found = routes.filter((route) => match(route.path, pathname) !== undefined);
      const head = request.method === 'HEAD';
      const route = found.find((candidate) => candidate.method === (head ? 'GET' : request.method));
      if (!route) {
        const allowed: string[] = [...new Set(found.map((candidate) => candidate.method))];
        if (allowed.includes('GET')) allowed.push('HEAD');
        if (request.method === 'OPTIONS' && allowed.length > 0) {
          // The browser's preflight of a trusted page's request with a JSON body. The page may send the body's
          // type and a request id, never the person: the sign-on proxy sets that.
          response.setHeader('allow', [...allowed, 'OPTIONS'].join(', '));
          if (cors) {
            response.setHeader('access-control-allow-methods', allowed.join(', '));
            response.setHeader('access-control-allow-headers', 'content-type, x-request-id');
            response.setHeader('access-control-max-age', '600');
          }
          response.writeHead(204, { 'cache-control': 'no-store' });
          response.end();
          return;
        }
        if (allowed.length === 0) {
          send(response, 404, {
            code: 'NOT_FOUND',
            message: `No route for ${request.method} ${pathname}.`,
          });
          return;
        }
        // The path is served, with another method: 405 and the methods it takes, so the client can tell.
        const what = `${request.method} ${pathname}`;
        const message = `${pathname} takes ${allowed.join(' or ')}, not ${request.method}.`;
        response.setHeader('allow', allowed.join(', '));
        send(response, 405, new SocialShiftError('UNSUPPORTED', message, { details: { what } }).toJSON());
        return;
      }
      const params = match(route.path, pathname) ?? {};
      if (request.method === 'POST') {
        refuseCrossSite(header('sec-fetch-site'), origin, header('host'), trusted);
      }
      const result = await route.handle({
        params,
        body: request.method === 'POST' ? await readJson(request) : undefined,
        personId: header('x-person-id'),
        requestId: header('x-request-id'),
        userAgent: header('user-agent'),
        url,
        head,
      });
      if ('redirect' in result) {
        response.writeHead(302, { location: result.redirect, 'cache-control': 'no-store' });
        response.end();
      } else if ('html' in result) {
        send(response, result.status, result.html, 'text/html');
      } else {
        send(response, result.status, result.json);
      }
    } catch (error) {
      // The client went away while it sent its body (a closed tab, a lost network): no one to answer, nothing failed.
      if (error === request.errored) return;
      if (isSocialShiftError(error) && error.status < 500) {
        send(response, statusOf.get(error) ?? error.status, error.toJSON());
      } else if (isSocialShiftError(error)) {
        // The service's own failure (STORAGE, MIGRATION, PLATFORM…): its message can carry what the driver said
        // (a host, a user name), which is for the log, not for the browser. The code tells the front end enough.
        onError(error);
        send(response, error.status, { code: error.code, message: 'The service failed; see its log.' });
      } else {
        onError(error);
        send(response, 500, { code: 'INTERNAL', message: 'The service failed; see its log.' });
      }
    }
  };
}

/**
 * Refuses a POST that a browser sent from a page other than the service's own or a trusted origin: the sign-on
 * proxy adds the signed-in person to every request, so a form elsewhere could otherwise act as them (CSRF), for
 * instance with a `text/plain` body that is JSON. Browsers say where a request comes from in `Sec-Fetch-Site`
 * (which pages cannot set): `same-site` (another host of the same site, such as a sibling intranet host) and
 * `cross-site` are refused unless the `Origin` header is trusted. Browsers without `Sec-Fetch-Site` (Safari before
 * 16.4) still send `Origin` on a POST: it must be the service's own (its public URL or the `Host` it was sent to)
 * or trusted. Clients that are no browser (curl, other services) send neither header.
 */
function refuseCrossSite(
  site: string | undefined,
  origin: string | undefined,
  host: string | undefined,
  trusted: ReadonlySet<string>,
): void {
  if (site === 'same-origin' || site === 'none') return;
  if (origin !== undefined && trusted.has(origin)) return;
  if (site === undefined) {
    if (origin === undefined || (host !== undefined && originHost(origin) === host)) return;
  }
  throw new SocialShiftError(
    'FORBIDDEN',
    `This request came from another site (${site === undefined ? `Origin: ${origin}` : `Sec-Fetch-Site: ${site}`}); ` +
      "send it from the intranet's own pages, or add that page's origin to TRUSTED_ORIGINS.",
    { details: { action: 'any', actorId: '', roles: [] } },
  );
}

/** The path of a request target as sent (`/s/..`, not resolved), without its query: origin-form or absolute-form. */
function pathOf(target: string): string {
  const path = target.replace(/^[a-z][a-z\d+.-]*:\/\/[^/?#]*/i, '');
  return path.split(/[?#]/, 1)[0] || '/';
}

/** The `host[:port]` of an `Origin` header, or `undefined` for `null` and anything else that is no URL. */
function originHost(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}

/** The origin of a URL, or `undefined` when it is no URL. */
function originOf(url: string): string | undefined {
  try {
    const { origin } = new URL(url);
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}

/** The acting person of a request, or `FORBIDDEN` when the sign-on proxy did not name one. */
export function actingPerson(context: RouteContext): string {
  if (context.personId) return context.personId;
  throw new SocialShiftError(
    'FORBIDDEN',
    'Sign in first: the request names no person (x-person-id header).',
    {
      details: { action: 'any', actorId: '', roles: [] },
    },
  );
}
