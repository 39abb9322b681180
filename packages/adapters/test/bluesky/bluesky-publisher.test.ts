import { type ChildProcess, spawn } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { isSocialShiftError } from '@social-shift/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// Imported as users import them: the subpath entry (`@social-shift/adapters/bluesky`) names the session type too.
import { type BlueskySession, createBlueskyPublisher } from '../../src/bluesky.js';
import type { FetchLike } from '../../src/platforms/http-retry.js';

// A REAL Bluesky PDS (and PLC directory) from @atproto/dev-env, installed outside the pnpm workspace in ./env by
// .ci/bluesky-env.sh, started in a child process by ./env/start-pds.cjs.
const envDir = resolve(dirname(fileURLToPath(import.meta.url)), 'env');
const installed = existsSync(resolve(envDir, 'node_modules/@atproto/dev-env/package.json'));
const onCi = process.env.CI === 'true';

describe('Bluesky test environment', () => {
  it('is installed (with CI=true the real-server tests must run)', () => {
    if (!installed) {
      const message =
        'The Bluesky PDS test environment is not installed: run `bash .ci/bluesky-env.sh` to run the Bluesky publisher against a real PDS. Skipping those tests.';
      if (onCi) throw new Error(`${message} CI=true requires them.`);
      console.warn(message);
    }
    expect(installed || !onCi).toBe(true);
  });
});

interface PdsInfo {
  pdsUrl: string;
  handle: string;
  password: string;
  did: string;
  refreshJwt: string;
  /** Signed by the PDS's own key like a real access token, but expired: the PDS answers ExpiredToken. */
  expiredAccessJwt: string;
}

describe.runIf(installed)('createBlueskyPublisher against a real Bluesky PDS', () => {
  let child: ChildProcess | undefined;
  let pds: PdsInfo;
  const calls: string[] = [];
  const countingFetch: FetchLike = (url, init) => {
    calls.push(url);
    return fetch(url, init);
  };

  beforeAll(async () => {
    const started = spawn(process.execPath, ['start-pds.cjs'], {
      cwd: envDir,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    child = started;
    let stderr = '';
    started.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    pds = await new Promise<PdsInfo>((resolvePds, reject) => {
      const lines = createInterface({ input: started.stdout! });
      lines.on('line', (line) => {
        if (line.startsWith('{"pdsUrl"')) resolvePds(JSON.parse(line) as PdsInfo);
      });
      started.on('exit', (code) =>
        reject(new Error(`The PDS exited (${code}) before it started: ${stderr}`)),
      );
    });
  }, 120_000);

  afterAll(async () => {
    const running = child;
    if (running === undefined || running.exitCode !== null) return;
    const exited = new Promise((done) => running.on('exit', done));
    running.stdin?.end();
    const timer = setTimeout(() => running.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  });

  const publisher = () =>
    createBlueskyPublisher({
      service: pds.pdsUrl,
      identifier: pds.handle,
      appPassword: pds.password,
      fetch: countingFetch,
    });

  const getRecord = async (uri: string): Promise<Record<string, unknown>> => {
    const [, , repo, collection, rkey] = uri.split('/');
    const response = await fetch(
      `${pds.pdsUrl}/xrpc/com.atproto.repo.getRecord?repo=${repo}&collection=${collection}&rkey=${rkey}`,
    );
    expect(response.status).toBe(200);
    return ((await response.json()) as { value: Record<string, unknown> }).value;
  };

  const countPosts = async (): Promise<number> => {
    const response = await fetch(
      `${pds.pdsUrl}/xrpc/com.atproto.repo.listRecords?repo=${pds.did}&collection=app.bsky.feed.post&limit=100`,
    );
    return ((await response.json()) as { records: unknown[] }).records.length;
  };

  it('publishes a post that appears on the PDS with a working link facet (UTF-8 byte offsets) and a link card', async () => {
    const link = 'https://example.org/vacatures/42?utm_source=bluesky&utm_medium=social';
    const text = `Één vacature bij Acme 🚀 — lees meer: ${link} #werkenbijacme`;
    const result = await publisher().publish({
      text,
      link,
      card: { title: 'Vacature', description: 'Kom werken' },
    });
    expect(result.externalId).toMatch(new RegExp(`^at://${pds.did}/app\\.bsky\\.feed\\.post/`));
    expect(result.url).toBe(`https://bsky.app/profile/${pds.did}/post/${result.externalId.split('/').pop()}`);
    const record = await getRecord(result.externalId);
    expect(record.text).toBe(text);
    const facets = record.facets as {
      index: { byteStart: number; byteEnd: number };
      features: { $type: string; uri?: string; tag?: string }[];
    }[];
    const bytes = new TextEncoder().encode(text);
    const linkFacet = facets.find((f) => f.features[0]?.$type === 'app.bsky.richtext.facet#link');
    expect(linkFacet?.features[0]?.uri).toBe(link);
    expect(new TextDecoder().decode(bytes.slice(linkFacet!.index.byteStart, linkFacet!.index.byteEnd))).toBe(
      link,
    );
    const tagFacet = facets.find((f) => f.features[0]?.$type === 'app.bsky.richtext.facet#tag');
    expect(new TextDecoder().decode(bytes.slice(tagFacet!.index.byteStart, tagFacet!.index.byteEnd))).toBe(
      '#werkenbijacme',
    );
    expect(record.embed).toMatchObject({
      $type: 'app.bsky.embed.external',
      external: { uri: link, title: 'Vacature' },
    });
  });

  it('rejects 301 graphemes with our own fit before any request reaches the server; 300 publish', async () => {
    const before = await countPosts();
    const sent = calls.length;
    const tooLong = `${'é'.repeat(300)}👍🏽`; // 301 graphemes, 603 UTF-16 code units
    await expect(publisher().publish({ text: tooLong })).rejects.toMatchObject({
      code: 'LIMIT_EXCEEDED',
      details: { limit: 300, actual: 301, what: 'bluesky graphemes' },
    });
    expect(calls.length).toBe(sent);
    expect(await countPosts()).toBe(before);
    const ok = await publisher().publish({ text: `${'é'.repeat(299)}👍🏽` });
    expect(((await getRecord(ok.externalId)).text as string).length).toBe(299 + 4);
  });

  it('agrees with the server: the PDS itself refuses the 301-grapheme record our fit refuses', async () => {
    const login = await fetch(`${pds.pdsUrl}/xrpc/com.atproto.server.createSession`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ identifier: pds.handle, password: pds.password }),
    });
    const { accessJwt } = (await login.json()) as { accessJwt: string };
    const response = await fetch(`${pds.pdsUrl}/xrpc/com.atproto.repo.createRecord`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessJwt}` },
      body: JSON.stringify({
        repo: pds.did,
        collection: 'app.bsky.feed.post',
        record: {
          $type: 'app.bsky.feed.post',
          text: `${'é'.repeat(300)}👍🏽`,
          createdAt: new Date().toISOString(),
        },
      }),
    });
    expect(response.status).toBe(400);
  });

  it('resumes a saved session and, when the PDS answers ExpiredToken, refreshes it and posts', async () => {
    const methods: string[] = [];
    const answers: number[] = [];
    const observingFetch: FetchLike = async (url, init) => {
      const response = await fetch(url, init);
      methods.push(url.split('/xrpc/')[1] ?? url);
      answers.push(response.status);
      return response;
    };
    const saved: BlueskySession[] = [];
    const result = await createBlueskyPublisher({
      service: pds.pdsUrl,
      identifier: pds.handle,
      appPassword: pds.password,
      fetch: observingFetch,
      session: {
        accessJwt: pds.expiredAccessJwt,
        refreshJwt: pds.refreshJwt,
        did: pds.did,
        handle: pds.handle,
      },
      onSession: (session) => saved.push(session),
    }).publish({ text: 'Na het verversen van de sessie' });
    expect(methods).toEqual([
      'com.atproto.repo.createRecord',
      'com.atproto.server.refreshSession',
      'com.atproto.repo.createRecord',
    ]);
    expect(answers).toEqual([400, 200, 200]);
    expect(saved).toHaveLength(1);
    expect(saved[0]?.accessJwt).not.toBe(pds.expiredAccessJwt);
    expect((await getRecord(result.externalId)).text).toBe('Na het verversen van de sessie');
  });

  it('logs in again when the PDS cannot verify a saved session (InvalidToken: another signing key), and posts', async () => {
    // A session the PDS did not sign (its key was rotated, or the account moved): an HS256 token of the right shape,
    // signed with another key. Nothing is created when the PDS refuses it, so logging in and posting once is safe.
    const foreignKey = randomBytes(32);
    const sign = (claims: Record<string, unknown>, typ: string): string => {
      const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
      const body = `${part({ typ, alg: 'HS256' })}.${part(claims)}`;
      return `${body}.${createHmac('sha256', foreignKey).update(body).digest('base64url')}`;
    };
    const now = Math.floor(Date.now() / 1000);
    const accessJwt = sign(
      { scope: 'com.atproto.access', sub: pds.did, iat: now, exp: now + 3600 },
      'at+jwt',
    );
    const refreshJwt = sign(
      { scope: 'com.atproto.refresh', sub: pds.did, iat: now, exp: now + 86_400 },
      'refresh+jwt',
    );
    const methods: string[] = [];
    const answers: number[] = [];
    const observingFetch: FetchLike = async (url, init) => {
      const response = await fetch(url, init);
      methods.push(url.split('/xrpc/')[1] ?? url);
      answers.push(response.status);
      return response;
    };
    const saved: BlueskySession[] = [];
    const result = await createBlueskyPublisher({
      service: pds.pdsUrl,
      identifier: pds.handle,
      appPassword: pds.password,
      fetch: observingFetch,
      session: { accessJwt, refreshJwt, did: pds.did, handle: pds.handle },
      onSession: (session) => saved.push(session),
    }).publish({ text: 'Na een sessie die de PDS niet kent' });
    expect(methods).toEqual([
      'com.atproto.repo.createRecord',
      'com.atproto.server.refreshSession',
      'com.atproto.server.createSession',
      'com.atproto.repo.createRecord',
    ]);
    expect(answers).toEqual([400, 400, 200, 200]);
    expect(saved).toHaveLength(1);
    expect((await getRecord(result.externalId)).text).toBe('Na een sessie die de PDS niet kent');
  });

  it('logs in with the handle as Bluesky shows it (@handle) or with white space around it, and posts', async () => {
    // The PDS itself refuses both with 401, which the publisher reported as a wrong or revoked app password.
    for (const identifier of [`@${pds.handle}`, ` ${pds.handle}\n`]) {
      const result = await createBlueskyPublisher({
        service: pds.pdsUrl,
        identifier,
        appPassword: pds.password,
        fetch: countingFetch,
      }).publish({ text: 'Ingelogd met @handle' });
      expect((await getRecord(result.externalId)).text).toBe('Ingelogd met @handle');
    }
  });

  it('refuses an app password with a line break after it (read from a file) as VALIDATION, which the PDS refuses with 401', async () => {
    const login = await fetch(`${pds.pdsUrl}/xrpc/com.atproto.server.createSession`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ identifier: pds.handle, password: `${pds.password}\n` }),
    });
    expect(login.status).toBe(401);
    const sent = calls.length;
    let error: unknown;
    try {
      createBlueskyPublisher({
        service: pds.pdsUrl,
        identifier: pds.handle,
        appPassword: `${pds.password}\n`,
        fetch: countingFetch,
      });
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: ['appPassword'] }] } });
    expect(calls.length).toBe(sent);
  });

  it('reports a wrong app password as a PLATFORM error', async () => {
    const error = await createBlueskyPublisher({
      service: pds.pdsUrl,
      identifier: pds.handle,
      appPassword: 'wrong-password',
      fetch: countingFetch,
    })
      .publish({ text: 'x' })
      .catch((e: unknown) => e);
    expect(isSocialShiftError(error, 'PLATFORM')).toBe(true);
    expect((error as { details: { status: number } }).details.status).toBe(401);
  });
});
