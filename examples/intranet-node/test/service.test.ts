// Starts the intranet service as its own Node process on a free port (as `pnpm start` does), and drives a whole
// cycle of the method over HTTP: set-up, people and roles, consent, a post through four-eyes review, a campaign
// that offers it, the digest e-mail, a share with its tracked short link, the click on it, and a restart that
// finds everything again in the SQLite file.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const exampleDir = join(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'social-shift-intranet-'));
const env = {
  DATABASE_FILE: join(work, 'programme.db'),
  OUTBOX_DIR: join(work, 'outbox'),
  LINK_SECRET: 'a-test-secret-of-at-least-32-bytes!!',
  ORGANISATION_ID: 'org_bakery',
  DIGEST_EVERY_MS: '200',
};

interface Service {
  readonly url: string;
  readonly process: ChildProcess;
  readonly stderr: string[];
}

/** Starts `src/main.ts` in a child process and waits for the line that says where it listens. */
function start(): Promise<Service> {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'src/main.ts'], {
    cwd: exampleDir,
    env: { ...process.env, ...env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stderr: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the service exited (${code}): ${stderr.join('')}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      const found = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(chunk.toString());
      if (found?.[1]) resolve({ url: found[1], process: child, stderr });
    });
  });
}

async function stop(service: Service): Promise<void> {
  const exited = new Promise((resolve) => service.process.once('exit', resolve));
  service.process.kill('SIGTERM');
  await exited;
}

let service: Service;

/** One entry of a list the API answers (posts, campaigns, the publisher's offers). */
interface ApiListEntry {
  readonly id: string;
  readonly status: string;
  readonly post: { readonly title: string };
  readonly offer: { readonly id: string; readonly status: string };
}

/**
 * The fields of the API's answers that this test reads: `JSON.parse` gives no type of its own, and each test
 * asserts the shape it relies on.
 */
type ApiJson = {
  readonly id: string;
  readonly masterId: string;
  readonly code: string;
  readonly status: string;
  readonly trackedUrl: string;
  readonly markdown: string;
  readonly details: { readonly issues: ReadonlyArray<{ readonly path: string[] }> };
  readonly summary: {
    readonly shares: { readonly value: number };
    readonly clicks: { readonly value: number };
  };
  readonly 0: ApiListEntry;
  map<T>(each: (entry: ApiListEntry) => T): T[];
};

/** Calls the JSON API as a person (the x-person-id header of the sign-on proxy). */
async function api(method: 'GET' | 'POST', path: string, as?: string, body?: unknown) {
  const response = await fetch(`${service.url}${path}`, {
    method,
    headers: {
      ...(as ? { 'x-person-id': as } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    redirect: 'manual',
  });
  const text = await response.text();
  const json = (text === '' ? undefined : JSON.parse(text)) as ApiJson;
  return { status: response.status, json, headers: response.headers };
}

beforeAll(async () => {
  service = await start();
}, 60_000);

afterAll(async () => {
  if (service?.process.exitCode === null) await stop(service);
  rmSync(work, { recursive: true, force: true });
});

describe('the intranet service', { timeout: 20_000 }, () => {
  const ids: Record<string, string> = {};

  it('creates its database on start-up and answers', async () => {
    expect(existsSync(env.DATABASE_FILE)).toBe(true);
    expect((await api('GET', '/health')).json).toEqual({ ok: true });
  });

  it('sets up the organisation once, with its first social master', async () => {
    const setup = {
      organisation: { name: 'Bakkerij De Korenschoof', defaultLanguage: 'en' },
      programme: { name: 'Social Shift 2026', claimedPurposes: ['recruitment'] },
      master: { displayName: 'Mira de Vries', email: 'mira@korenschoof.example' },
    };
    const first = await api('POST', '/api/setup', undefined, setup);
    expect(first.status).toBe(201);
    ids.master = first.json.masterId;
    const again = await api('POST', '/api/setup', undefined, setup);
    expect(again.status).toBe(409);
    expect(again.json.code).toBe('ALREADY_EXISTS');
  });

  it('adds people with roles; an ambassador becomes active when they consent', async () => {
    for (const [key, displayName, role] of [
      ['author', 'Eddie Bakker', 'editor'],
      ['reviewer', 'Esra Yilmaz', 'editor'],
      ['publisher', 'Pia Jansen', 'publisher'],
    ] as const) {
      const person = await api('POST', '/api/people', ids.master, {
        displayName,
        email: `${key}@korenschoof.example`,
        language: 'en',
      });
      expect(person.status).toBe(201);
      ids[key] = person.json.id;
      expect((await api('POST', `/api/people/${person.json.id}/roles`, ids.master, { role })).status).toBe(
        201,
      );
    }
    expect((await api('POST', `/api/people/${ids.publisher}/invite`, ids.master)).status).toBe(200);
    const consent = await api('POST', '/api/me/consent', ids.publisher, {
      purposes: ['offers', 'digests', 'tracking'],
      termsVersion: '2026-01',
    });
    expect(consent.status).toBe(200);
    expect(consent.json.status).toBe('active');
  });

  it('refuses a request that names no person, and a command the role does not allow', async () => {
    const anonymous = await api('POST', '/api/posts', undefined, { title: 'x', text: 'y' });
    expect(anonymous.status).toBe(403);
    const byPublisher = await api('POST', '/api/people', ids.publisher, { displayName: 'Someone' });
    expect(byPublisher.status).toBe(403);
    expect(byPublisher.json.code).toBe('FORBIDDEN');
  });

  it('rejects bad input with the path of every bad field, and writes nothing', async () => {
    const bad = await api('POST', '/api/posts', ids.author, { title: '', link: 'not a url' });
    expect(bad.status).toBe(400);
    expect(bad.json.code).toBe('VALIDATION');
    expect(bad.json.details.issues.map((issue: { path: string[] }) => issue.path[0])).toEqual(
      expect.arrayContaining(['title', 'text', 'link']),
    );
    const broken = await fetch(`${service.url}/api/posts`, {
      method: 'POST',
      headers: { 'x-person-id': ids.author!, 'content-type': 'application/json' },
      body: '{"title": ',
    });
    expect(broken.status).toBe(400);
  });

  it('takes a post through review: the author cannot approve it, another editor can', async () => {
    const post = await api('POST', '/api/posts', ids.author, {
      title: 'Bakers wanted for the night shift',
      text: 'Our night bakers start at 4 and are home before the school run. Come and taste!',
      link: 'https://korenschoof.example/vacancies/night-baker',
      language: 'en',
    });
    expect(post.status).toBe(201);
    ids.post = post.json.id;
    expect((await api('POST', `/api/posts/${ids.post}/submit`, ids.author)).status).toBe(200);
    // The review queue: the posts in review, and nothing for a state posts do not have.
    const queue = await api('GET', '/api/posts?status=in_review', ids.reviewer);
    expect(queue.json.map((p) => p.id)).toEqual([ids.post]);
    expect((await api('GET', '/api/posts?status=draft', ids.reviewer)).json).toEqual([]);
    const wrong = await api('GET', '/api/posts?status=review', ids.reviewer);
    expect(wrong.status).toBe(400);
    expect(wrong.json.code).toBe('VALIDATION');
    const own = await api('POST', `/api/posts/${ids.post}/approve`, ids.author);
    expect(own.status).toBe(403);
    const approved = await api('POST', `/api/posts/${ids.post}/approve`, ids.reviewer);
    expect(approved.status).toBe(200);
    expect(approved.json.status).toBe('approved');
    const unknown = await api('POST', `/api/posts/${ids.post}/publish`, ids.reviewer);
    expect(unknown.status).toBe(400);
  });

  it('sends a post back with a note, and schedules it once approved', async () => {
    const post = await api('POST', '/api/posts', ids.author, {
      title: 'Open day at the bakery',
      text: 'Saturday from 10: see how our bread is made, and taste it warm.',
      link: 'https://korenschoof.example/open-day',
      language: 'en',
    });
    const path = (step: string) => `/api/posts/${post.json.id}/${step}`;
    await api('POST', path('submit'), ids.author);
    const note = 'Say which Saturday.';
    const back = await api('POST', path('request-changes'), ids.reviewer, { note });
    expect(back.status).toBe(200);
    expect(back.json).toMatchObject({ status: 'changes_requested', reviewNote: note });
    expect((await api('POST', path('request-changes'), ids.reviewer, {})).status).toBe(400);
    // The author answers the note: the text changes, and only the author or an editor may change it.
    const text = 'Saturday 14 March from 10: see how our bread is made, and taste it warm.';
    expect((await api('POST', path('update'), ids.publisher, { text })).status).toBe(403);
    expect((await api('POST', path('update'), ids.author, { text: '' })).status).toBe(400);
    const edited = await api('POST', path('update'), ids.author, { text });
    expect(edited.status).toBe(200);
    expect(edited.json).toMatchObject({ status: 'changes_requested', text, title: 'Open day at the bakery' });
    expect((await api('POST', path('submit'), ids.author)).json).toMatchObject({ status: 'in_review', text });
    await api('POST', path('approve'), ids.reviewer);
    const at = new Date(Date.now() + 86_400_000).toISOString();
    const scheduled = await api('POST', path('schedule'), ids.reviewer, { at });
    expect(scheduled.status).toBe(200);
    expect(scheduled.json).toMatchObject({ status: 'scheduled', scheduledAt: at });
  });

  it('schedules a campaign whose start has passed: it runs at once, offering the post to the publisher', async () => {
    const now = Date.now();
    const campaign = await api('POST', '/api/campaigns', ids.master, {
      name: 'Night shift recruitment',
      postIds: [ids.post],
      audience: { everyone: true },
      startsAt: new Date(now - 3_600_000).toISOString(),
      endsAt: new Date(now + 14 * 86_400_000).toISOString(),
    });
    expect(campaign.status).toBe(201);
    ids.campaign = campaign.json.id;
    // Its start time has passed: it starts as soon as it is scheduled (one that starts later, the service's timer
    // starts by running the SDK's due transitions).
    const scheduled = await api('POST', `/api/campaigns/${ids.campaign}/schedule`, ids.master);
    expect(scheduled.json.status).toBe('running');
    expect((await api('GET', '/api/campaigns', ids.master)).json[0].status).toBe('running');
    const offers = await api('GET', '/api/me/offers', ids.publisher);
    expect(offers.json.map((entry: { post: { title: string } }) => entry.post.title)).toEqual([
      'Bakers wanted for the night shift',
    ]);
    ids.offer = offers.json[0].offer.id;
  });

  it('e-mails the publisher a digest of the posts waiting for them, on schedule', async () => {
    await expect
      .poll(() => (existsSync(env.OUTBOX_DIR) ? readdirSync(env.OUTBOX_DIR) : []), { timeout: 10_000 })
      .toEqual([expect.stringContaining(ids.publisher!)]);
    const [file] = readdirSync(env.OUTBOX_DIR);
    const email = readFileSync(join(env.OUTBOX_DIR, file!), 'utf8');
    expect(email).toContain('To: publisher@korenschoof.example');
    expect(email).toContain('Today: 1 post is waiting for you');
  });

  it('shares the offer with a tracked short link, once however often the front end retries', async () => {
    const share = await api('POST', `/api/offers/${ids.offer}/share`, ids.publisher, {
      platform: 'linkedin',
      idempotencyKey: 'share-1',
    });
    expect(share.status).toBe(201);
    expect(share.json.trackedUrl).toMatch(new RegExp(`^${service.url}/s/[2-9a-km-zA-HJ-NP-Z]{10}$`));
    const retry = await api('POST', `/api/offers/${ids.offer}/share`, ids.publisher, {
      platform: 'linkedin',
      idempotencyKey: 'share-1',
    });
    expect(retry.json.id).toBe(share.json.id);
    ids.share = share.json.id;
    ids.trackedUrl = share.json.trackedUrl;
  });

  it('records a click on the short link and sends the visitor on to the post, with UTM tags', async () => {
    const click = await fetch(ids.trackedUrl!, { redirect: 'manual', headers: { 'x-request-id': 'req-1' } });
    expect(click.status).toBe(302);
    const location = new URL(click.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe(
      'https://korenschoof.example/vacancies/night-baker',
    );
    expect(Object.fromEntries(location.searchParams)).toEqual({
      utm_source: 'linkedin',
      utm_medium: 'social',
      utm_campaign: ids.campaign,
      utm_content: ids.post,
    });
    // The same request retried by a proxy counts once; a forged code is refused and records nothing.
    await fetch(ids.trackedUrl!, { redirect: 'manual', headers: { 'x-request-id': 'req-1' } });
    // LinkedIn fetching the link for its preview card is sent on to the page too, and counts no click.
    const preview = await fetch(ids.trackedUrl!, {
      redirect: 'manual',
      headers: {
        'user-agent': 'LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)',
      },
    });
    expect(preview.status).toBe(302);
    expect(preview.headers.get('location')).toBe(location.href);
    // A forged or unknown code gets a page for people, in Dutch and English, and records nothing.
    const forged = await fetch(`${service.url}/s/ABCDEFGHJK`, { redirect: 'manual' });
    expect(forged.status).toBe(404);
    expect(forged.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await forged.text()).toMatch(/Deze link werkt niet[\s\S]*This link does not work/);
    // A link checker's HEAD request is sent on too, and counts no click; so does an odd request id, which counts one.
    const checked = await fetch(ids.trackedUrl!, { method: 'HEAD', redirect: 'manual' });
    expect(checked.status).toBe(302);
    expect(checked.headers.get('location')).toBe(location.href);
    const odd = await fetch(ids.trackedUrl!, {
      redirect: 'manual',
      headers: { 'x-request-id': 'r'.repeat(300) },
    });
    expect(odd.status).toBe(302);
    const results = await api('GET', '/api/me/results', ids.publisher);
    expect(results.json).toMatchObject({ shares: 1, clicks: 2 });
    const shares = await api('GET', '/api/me/shares', ids.publisher);
    expect(shares.json).toMatchObject([
      { share: { id: ids.share }, post: { id: ids.post }, figures: { clicks: 2, reactions: 0, reach: 0 } },
    ]);
    expect((await api('GET', '/api/me/shares', ids.master)).json).toEqual([]);
  });

  it('reports on the programme to social masters only', async () => {
    expect((await api('GET', '/api/reports/programme', ids.publisher)).status).toBe(403);
    const report = await api('GET', '/api/reports/programme?lang=en', ids.master);
    expect(report.status).toBe(200);
    expect(report.json.summary.shares.value).toBe(1);
    expect(report.json.summary.clicks.value).toBe(2);
    expect(report.json.markdown).toMatch(/^# /);
  });

  it('finds everything again after a restart on the same database', async () => {
    await stop(service);
    service = await start();
    const offers = await api('GET', '/api/me/offers', ids.publisher);
    expect(offers.json.map((entry: { offer: { status: string } }) => entry.offer.status)).toEqual(['shared']);
    // The short code survives too (this run listens on another port; a real service keeps its PUBLIC_URL).
    const code = new URL(ids.trackedUrl!).pathname;
    const click = await fetch(`${service.url}${code}`, { redirect: 'manual' });
    expect(click.status).toBe(302);
  });

  it('sends visitors of a share on to the page, uncounted, once its publisher withdrew consent', async () => {
    const before = (await api('GET', '/api/reports/programme?lang=en', ids.master)).json.summary.clicks.value;
    expect((await api('POST', '/api/me/consent/withdraw', ids.publisher)).status).toBe(200);
    const code = new URL(ids.trackedUrl!).pathname;
    const click = await fetch(`${service.url}${code}`, { redirect: 'manual' });
    expect(click.status).toBe(302);
    expect(new URL(click.headers.get('location')!).pathname).toBe('/vacancies/night-baker');
    const after = (await api('GET', '/api/reports/programme?lang=en', ids.master)).json.summary.clicks.value;
    expect(after).toBe(before);
  });
});
