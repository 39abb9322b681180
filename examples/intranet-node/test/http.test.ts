// The HTTP helpers answer every request, however odd its path, with a status and JSON: a request must never
// take the service down or look like the service's own failure.
import { once } from 'node:events';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { SocialShiftError } from '@social-shift/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHandler, type HandlerOptions, ok, type Route } from '../src/http.js';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/**
 * Serves `routes` as the service does; a handler that rejects (which in the service, `void handler(…)`, is an
 * unhandled rejection that ends the process) answers 599 here, so the test can tell.
 */
async function serve(
  routes: readonly Route[],
  onError?: (error: unknown) => void,
  options?: HandlerOptions,
): Promise<number> {
  const handler = createHandler(routes, onError, options);
  const server = createServer((request, response) => {
    handler(request, response).catch(() => {
      response.writeHead(599);
      response.end();
    });
  });
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return (server.address() as AddressInfo).port;
}

/** Sends `GET <path>` (or another method) exactly as written (fetch would normalise it). */
function get(
  port: number,
  path: string,
  method = 'GET',
): Promise<{ status: number; json: unknown; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: '127.0.0.1', port, path, method }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        text += chunk;
      });
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          json: text === '' ? undefined : JSON.parse(text),
          headers: response.headers,
        }),
      );
    });
    request.on('error', reject);
    request.end();
  });
}

const routes: Route[] = [
  { method: 'GET', path: '/health', handle: async () => ok({ ok: true }) },
  { method: 'GET', path: '/api/posts/:postId', handle: async ({ params }) => ok(params) },
];

describe('the HTTP handler', () => {
  it('answers a path it cannot read as a URL (GET //) with 400, and keeps serving', async () => {
    const port = await serve(routes);
    const odd = await get(port, '//');
    expect(odd.status).toBe(400);
    expect(odd.json).toMatchObject({ code: 'VALIDATION' });
    expect((await get(port, '/health')).status).toBe(200);
  });

  it('answers a path served with another method with 405 and the methods it takes (Allow), not 404', async () => {
    let ran = 0;
    const port = await serve([
      ...routes,
      {
        method: 'POST',
        path: '/api/posts/:postId/:event',
        handle: async () => {
          ran++;
          return ok({});
        },
      },
      { method: 'POST', path: '/api/setup', handle: async () => ok({}) },
    ]);
    const setup = await get(port, '/api/setup');
    expect(setup.status).toBe(405);
    expect(setup.headers.allow).toBe('POST');
    expect(setup.json).toMatchObject({ code: 'UNSUPPORTED', message: expect.stringContaining('POST') });
    expect((await get(port, '/api/posts/p1', 'DELETE')).headers.allow).toBe('GET, HEAD');
    expect((await get(port, '/api/posts/p1/submit', 'PUT')).status).toBe(405);
    expect(ran).toBe(0);
    // A path no route serves, whatever the method, is still 404.
    expect((await get(port, '/api/nothing', 'POST')).status).toBe(404);
    expect((await get(port, '/api/posts/p1/submit/x')).status).toBe(404);
  });

  it('answers HEAD as the GET of the same path, with its status and headers and no body, telling the route', async () => {
    const heads: unknown[] = [];
    const port = await serve([
      {
        method: 'GET',
        path: '/s/:code',
        handle: async ({ head }) => {
          heads.push(head);
          return { redirect: 'https://example.org/page' };
        },
      },
      { method: 'GET', path: '/page', handle: async () => ({ status: 404, html: '<p>gone</p>' }) },
      ...routes,
    ]);
    const health = await get(port, '/health', 'HEAD');
    expect(health).toMatchObject({ status: 200, json: undefined });
    expect(health.headers['content-length']).toBe(String(JSON.stringify({ ok: true }).length));
    const link = await get(port, '/s/abc', 'HEAD');
    expect(link.status).toBe(302);
    expect(link.headers.location).toBe('https://example.org/page');
    await get(port, '/s/abc');
    expect(heads).toEqual([true, false]);
    const page = await get(port, '/page', 'HEAD');
    expect(page).toMatchObject({ status: 404, json: undefined });
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
  });

  it('routes on the path as sent: dot segments and backslashes do not reach a route a proxy never saw', async () => {
    // The sign-on proxy lets `/s/…` through without a sign-in: `/s/%2e%2e/api/people` must not be `/api/people`.
    const port = await serve([
      ...routes,
      { method: 'GET', path: '/s/:code', handle: async ({ params }) => ok(params) },
      { method: 'GET', path: '/api/people', handle: async () => ok(['everyone']) },
    ]);
    for (const path of [
      '/s/%2e%2e/api/people',
      '/s/%2E./api/people',
      '/s/../api/people',
      '/s\\..\\api\\people',
    ]) {
      const answer = await get(port, path);
      expect(answer.status, path).toBe(404);
      expect(answer.json, path).toMatchObject({ code: 'NOT_FOUND', message: `No route for GET ${path}.` });
    }
    expect((await get(port, '//health')).status).toBe(404);
    expect((await get(port, '/s/..')).json).toEqual({ code: '..' });
    expect((await get(port, '/api/people?x=/../')).json).toEqual(['everyone']);
    expect((await get(port, 'http://127.0.0.1/api/posts/p1?x=1')).json).toEqual({ postId: 'p1' });
  });

  it('answers a path parameter that is not valid percent-encoding with 400 VALIDATION, not 500', async () => {
    const errors: unknown[] = [];
    const port = await serve(routes, (error) => errors.push(error));
    const bad = await get(port, '/api/posts/%E0%A4%A');
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: ['postId'] }] } });
    expect(errors).toEqual([]);
    expect((await get(port, '/api/posts/post%201')).json).toEqual({ postId: 'post 1' });
  });

  it('logs a failure of the SDK (STORAGE, 500) and answers its code without the driver’s message', async () => {
    const errors: unknown[] = [];
    const failure = new SocialShiftError(
      'STORAGE',
      'The postgres storage failed to commit: password authentication failed for user "shift" (password=hunter2).',
      { details: { adapter: 'postgres', operation: 'commit' } },
    );
    const port = await serve(
      [{ method: 'GET', path: '/fails', handle: async () => Promise.reject(failure) }],
      (error) => errors.push(error),
    );
    const answer = await get(port, '/fails');
    expect(answer.status).toBe(500);
    expect(answer.json).toMatchObject({ code: 'STORAGE' });
    expect(JSON.stringify(answer.json)).not.toMatch(/hunter2|shift"|postgres/);
    expect(errors).toEqual([failure]);
  });

  it('logs nothing when a client goes away halfway through sending its body: that is no failure of the service', async () => {
    const errors: unknown[] = [];
    const handler = createHandler(
      [{ method: 'POST', path: '/api/people', handle: async () => ok({}) }],
      (error) => errors.push(error),
    );
    const handled: Promise<void>[] = [];
    const server = createServer((request, response) => {
      handled.push(handler(request, response));
    });
    servers.push(server);
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const socket = connect((server.address() as AddressInfo).port, '127.0.0.1');
    await once(socket, 'connect');
    socket.write(
      'POST /api/people HTTP/1.1\r\nHost: x\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{"a":',
    );
    await vi.waitFor(() => expect(handled).toHaveLength(1));
    socket.destroy();
    await handled[0];
    expect(errors).toEqual([]);
  });

  it('refuses a POST that a browser says another site sent (CSRF), before the route runs', async () => {
    let ran = 0;
    const port = await serve([
      {
        method: 'POST',
        path: '/api/people/:personId/roles',
        handle: async () => {
          ran++;
          return ok({ role: 'master' });
        },
      },
    ]);
    const post = (headers: Record<string, string>, type = 'text/plain') =>
      fetch(`http://127.0.0.1:${port}/api/people/p1/roles`, {
        method: 'POST',
        // What a form on another site can send: text/plain that is JSON, with the sign-on proxy's person added.
        headers: { 'content-type': type, 'x-person-id': 'person_master', ...headers },
        body: '{"role":"master"}',
      });
    for (const site of ['cross-site', 'same-site']) {
      const refused = await post({ 'sec-fetch-site': site });
      expect(refused.status).toBe(403);
      expect(await refused.json()).toMatchObject({ code: 'FORBIDDEN' });
    }
    expect(ran).toBe(0);
    // The service's own front end (same origin), and clients that are no browser (curl, other services).
    expect((await post({ 'sec-fetch-site': 'same-origin' }, 'application/json')).status).toBe(200);
    expect((await post({}, 'application/json')).status).toBe(200);
    expect(ran).toBe(2);
  });

  /** A POST route that counts its runs, served with `options`, and a way to POST to it with extra headers. */
  async function postRoute(options?: HandlerOptions) {
    const counter = { ran: 0 };
    const port = await serve(
      [
        {
          method: 'POST',
          path: '/api/me/consent',
          handle: async () => {
            counter.ran++;
            return ok({});
          },
        },
      ],
      undefined,
      options,
    );
    const post = async (headers: Record<string, string>) =>
      (
        await fetch(`http://127.0.0.1:${port}/api/me/consent`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-person-id': 'person_piet', ...headers },
          body: '{}',
        })
      ).status;
    return { port, counter, post };
  }

  it('refuses a body that is not sent as JSON with 415, before the route runs; a POST without a body needs no type', async () => {
    let ran = 0;
    const port = await serve([
      {
        method: 'POST',
        path: '/api/me/consent',
        handle: async ({ body }) => {
          ran++;
          return ok({ body: body ?? null });
        },
      },
    ]);
    const post = (type: string | undefined, body?: string) =>
      fetch(`http://127.0.0.1:${port}/api/me/consent`, {
        method: 'POST',
        headers: { 'x-person-id': 'person_piet', ...(type === undefined ? {} : { 'content-type': type }) },
        ...(body === undefined ? {} : { body }),
      });
    // A form or a no-cors fetch elsewhere can send these without the browser asking first; JSON it cannot.
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
    ]) {
      const refused = await post(type, '{"purposes":["offers"]}');
      expect(refused.status).toBe(415);
      expect(await refused.json()).toMatchObject({
        code: 'VALIDATION',
        message: expect.stringContaining('application/json'),
        details: { issues: [{ path: ['content-type'] }] },
      });
    }
    const missing = await post(undefined, '{}');
    expect(missing.status).toBe(415);
    expect(ran).toBe(0);
    for (const type of ['application/json', 'application/json; charset=utf-8', 'Application/JSON']) {
      expect((await post(type, '{"a":1}')).status).toBe(200);
    }
    // Invite, submit, withdraw…: a POST without a body.
    expect(await (await post(undefined)).json()).toEqual({ body: null });
    expect(ran).toBe(4);
  });

  it('lets a trusted origin on the same site (an intranet portal) post, and no other', async () => {
    const portal = 'https://portal.intranet.example';
    const { counter, post } = await postRoute({ trustedOrigins: [portal] });
    expect(await post({ 'sec-fetch-site': 'same-site', origin: portal })).toBe(200);
    expect(await post({ 'sec-fetch-site': 'same-site', origin: 'https://wiki.intranet.example' })).toBe(403);
    expect(await post({ 'sec-fetch-site': 'same-site' })).toBe(403);
    expect(await post({ 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' })).toBe(403);
    expect(counter.ran).toBe(1);
  });

  it('lets a trusted origin call the API from the browser (CORS): its preflight and its answers say so', async () => {
    const portal = 'https://portal.intranet.example';
    const { port, counter } = await postRoute({ trustedOrigins: [portal] });
    const url = `http://127.0.0.1:${port}/api/me/consent`;
    // A page's fetch with a JSON body is preflighted; without these answers the browser never sends the POST.
    const preflight = (origin: string, path = '/api/me/consent') =>
      fetch(`http://127.0.0.1:${port}${path}`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
    const trusted = await preflight(portal);
    expect(trusted.status).toBe(204);
    expect(trusted.headers.get('access-control-allow-origin')).toBe(portal);
    expect(trusted.headers.get('access-control-allow-credentials')).toBe('true');
    expect(trusted.headers.get('access-control-allow-methods')).toBe('POST');
    expect(trusted.headers.get('access-control-allow-headers')?.split(/, */)).toContain('content-type');
    expect(trusted.headers.get('vary')).toMatch(/origin/i);
    // The sign-on proxy sets the person: a page may not send it itself.
    expect(trusted.headers.get('access-control-allow-headers')).not.toMatch(/x-person-id/);
    const foreign = await preflight('https://evil.example');
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    expect((await preflight(portal, '/api/nothing')).status).toBe(404);
    // The answer to the POST itself may be read by the trusted page only.
    const post = (origin: string) =>
      fetch(url, {
        method: 'POST',
        headers: { origin, 'sec-fetch-site': 'same-site', 'content-type': 'application/json' },
        body: '{}',
      });
    const answer = await post(portal);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBe(portal);
    expect(answer.headers.get('access-control-allow-credentials')).toBe('true');
    const refused = await post('https://evil.example');
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    expect(counter.ran).toBe(1);
  });

  it('refuses a foreign Origin from a browser that sends no Sec-Fetch-Site (Safari before 16.4)', async () => {
    const { port, counter, post } = await postRoute({ publicUrl: 'https://social.intranet.example/' });
    expect(await post({ origin: 'https://evil.example' })).toBe(403);
    expect(await post({ origin: 'null' })).toBe(403);
    // The service's own pages: its public URL, or the host the request was sent to.
    expect(await post({ origin: 'https://social.intranet.example' })).toBe(200);
    expect(await post({ origin: `http://127.0.0.1:${port}` })).toBe(200);
    expect(counter.ran).toBe(2);
  });
});
