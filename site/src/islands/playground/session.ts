// The Playground's programme: the real SDK over IndexedDB in this browser. The first visit seeds the database
// with core's simulated Dutch organisation (an export bundle, imported with `importAll`); reset and import
// switch to a fresh database, so the SDK never has to delete data it holds open.
import { indexedDbStorage } from '@social-shift/adapters/indexeddb';
import {
  createSocialShift,
  type ExportBundle,
  isSocialShiftError,
  type ManagedStorage,
  type SocialShift,
  safeParseExportBundle,
} from '@social-shift/core';
import { createLinkTracker, type TrackingLinks } from '@social-shift/core/links';
import { exportAll, importAll, refuseNewerBundle } from '@social-shift/core/transfer';
import { sampleBundle } from '../sample';

const KEY_DATABASE = 'social-shift-playground:database';
const KEY_ORGANISATION = 'social-shift-playground:organisation';
const KEY_SECRET = 'social-shift-playground:link-secret';
const KEY_ACTOR = 'social-shift-playground:actor';

/** One open programme. */
export interface Session {
  readonly shift: SocialShift;
  readonly storage: ManagedStorage;
  readonly organisationId: string;
  /** The IndexedDB database it is stored in. */
  readonly databaseName: string;
  readonly links: TrackingLinks;
  /** True when this visit created the data (first visit, after reset or import). */
  readonly seeded: boolean;
}

/** The length of the demo's link secret: the least the link tracker takes. */
const SECRET_BYTES = 32;

/** The stored link secret, or `undefined` when there is none or it is damaged (not base64, too short). */
function storedSecret(): Uint8Array | undefined {
  const stored = localStorage.getItem(KEY_SECRET);
  if (!stored) return undefined;
  try {
    const secret = Uint8Array.from(atob(stored), (c) => c.charCodeAt(0));
    return secret.length >= SECRET_BYTES ? secret : undefined;
  } catch {
    return undefined;
  }
}

/**
 * This browser's link secret, made on the first visit. A damaged one is replaced: the links it signed no longer
 * verify, but the programme opens.
 */
function demoSecret(): Uint8Array {
  const stored = storedSecret();
  if (stored) return stored;
  const secret = crypto.getRandomValues(new Uint8Array(SECRET_BYTES));
  localStorage.setItem(KEY_SECRET, btoa(String.fromCharCode(...secret)));
  return secret;
}

function databaseName(): string {
  return localStorage.getItem(KEY_DATABASE) ?? 'social-shift-playground-1';
}

/**
 * A database name no other call or tab uses: reset and import fill a database of their own, so one that fails can
 * delete it without touching a database another tab has just filled (two tabs importing at once).
 */
function freshDatabaseName(): string {
  const random = Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) =>
    b.toString(16).padStart(2, '0'),
  );
  return `social-shift-playground-${Date.now().toString(36)}-${random.join('')}`;
}

/**
 * Whether the organisation holds nothing: no event and no organisation document. An imported organisation whose log
 * has no events (an export made before anything happened) has its organisation document: it is not filled anew
 * with the sample organisation on the next visit (nor refused, ALREADY_EXISTS, when it has the sample's id).
 */
async function isEmpty(storage: ManagedStorage, organisationId: string): Promise<boolean> {
  const events = await storage.readEvents(organisationId, { limit: 1 });
  return (
    events.length === 0 && (await storage.query(organisationId, 'organisation', { limit: 1 })).length === 0
  );
}

/**
 * Whether the programme remembered in this browser is stored in `storage`. A remembered id the storage refuses
 * (damaged by hand or by an older version) counts as none, so the sample organisation is opened instead.
 */
async function holdsRemembered(storage: ManagedStorage, organisationId: string): Promise<boolean> {
  if (!organisationId) return false;
  try {
    return !(await isEmpty(storage, organisationId));
  } catch (error) {
    if (isSocialShiftError(error) && error.code === 'VALIDATION') return false;
    throw error;
  }
}

/** This browser's Web Locks, or `undefined` where there are none. */
const lockManager = () => (navigator as Navigator & { locks?: LockManager }).locks;

/**
 * Runs `work` while no other tab of this site runs it for the same database (Web Locks), so two tabs opened at
 * once do not both seed it: the second waits and then finds it seeded. Without Web Locks it just runs.
 */
function alone<T>(databaseNameToUse: string, work: () => Promise<T>): Promise<T> {
  const locks = lockManager();
  return locks ? (locks.request(seedLock(databaseNameToUse), work) as Promise<T>) : work();
}

/**
 * The name of the lock {@link alone} takes. A tab of an older version of the site holds only this one while it fills
 * a database (it has no {@link useLock}).
 */
const seedLock = (name: string) => `social-shift-playground:${name}`;

/** The name of the lock a page holds on a database it uses (see {@link hold}). */
const useLock = (name: string) => `social-shift-playground-in-use:${name}`;

/** How to let go of each database this page holds, by its name. */
const held = new Map<string, () => void>();

/**
 * Holds a shared lock on the database `name` until {@link letGo} or until the page is closed or reloaded (the
 * browser lets go then): a database some page uses or is filling is never taken for one left behind.
 */
async function hold(name: string): Promise<void> {
  const locks = lockManager();
  if (!locks || held.has(name)) return;
  await new Promise<void>((granted) => {
    void locks.request(useLock(name), { mode: 'shared' }, () => {
      granted();
      return new Promise<void>((release) => held.set(name, release));
    });
  });
}

/** Lets go of the database `name` (see {@link hold}). */
function letGoOf(name: string): void {
  held.get(name)?.();
  held.delete(name);
}

/** Lets go of every database this page holds but `keep`. */
function letGo(keep: string): void {
  for (const name of [...held.keys()]) if (name !== keep) letGoOf(name);
}

/** How long a fresh database is left alone, whatever the locks say: a tab may open it before it takes a lock. */
const YOUNG_MS = 10 * 60_000;

/** When {@link freshDatabaseName} made `name`, or `undefined` for a name it did not make. */
function madeAt(name: string): number | undefined {
  const made = /^social-shift-playground-([0-9a-z]+)-[0-9a-f]{16}$/.exec(name)?.[1];
  return made === undefined ? undefined : Number.parseInt(made, 36);
}

/**
 * Deletes the database `name` and settles when the browser has deleted it or failed to. A delete another page
 * blocks (it has the database open, so it uses it) stays queued in the browser until that page closes it: the
 * caller keeps its locks until then, so no page can make it the remembered one in the meantime.
 */
function deleteDatabase(name: string): Promise<void> {
  return new Promise<void>((done) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = request.onerror = () => done();
  });
}

/**
 * Deletes the Playground's databases that no page uses and this browser does not remember: what a reset or import
 * left behind when its page was closed or reloaded before it was done (or lost to another tab's at the same time).
 * A database whose lock any page holds or waits for (this version's {@link useLock} or an older version's
 * {@link seedLock}) or made in the last minutes is left alone. Without Web Locks it cannot tell them from a database
 * another tab is filling, and deletes nothing.
 */
async function removeLeftBehind(): Promise<void> {
  const locks = lockManager();
  const remembered = localStorage.getItem(KEY_DATABASE);
  if (!locks || typeof indexedDB.databases !== 'function' || remembered === null) return;
  const { held = [], pending = [] } = await locks.query();
  const busy = new Set([...held, ...pending].map((lock) => lock.name));
  const now = Date.now();
  const leftBehind = (await indexedDB.databases()).flatMap(({ name }) =>
    name?.startsWith('social-shift-playground-') &&
    name !== remembered &&
    !busy.has(useLock(name)) &&
    !busy.has(seedLock(name)) &&
    !(now - (madeAt(name) ?? 0) < YOUNG_MS)
      ? [name]
      : [],
  );
  // Each at once: a delete another page blocks waits until that page closes the database.
  await Promise.all(
    leftBehind.map((name) =>
      locks.request(useLock(name), { ifAvailable: true }, (inUse) =>
        !inUse
          ? undefined
          : locks.request(seedLock(name), { ifAvailable: true }, async (seeding) => {
              // Another tab may have made it the remembered one meanwhile.
              if (seeding && localStorage.getItem(KEY_DATABASE) !== name) await deleteDatabase(name);
            }),
      ),
    ),
  );
}

/**
 * Opens the programme in the database `databaseNameToUse`. `fresh`: the name was just made by
 * {@link freshDatabaseName} for this call (reset, import), which then seeds it and makes it the remembered one; a
 * failure deletes it again. Otherwise it is the remembered database, which is never deleted here.
 */
async function open(databaseNameToUse: string, fresh: boolean, bundle?: ExportBundle): Promise<Session> {
  const storage = indexedDbStorage({ databaseName: databaseNameToUse });
  const seeding = (async () => {
    await hold(databaseNameToUse);
    await storage.open();
    return alone(databaseNameToUse, async () => {
      // Another tab put a new programme in place of this one (an import, a start again) before this opened it: its
      // database is deleted (this opened an empty one in its place) or about to be. It is not filled anew with the
      // sample organisation: {@link openSession} opens the new one.
      if (!fresh && (localStorage.getItem(KEY_DATABASE) ?? databaseNameToUse) !== databaseNameToUse)
        throw new Error(
          `Another tab replaced the programme in ${databaseNameToUse} while this page opened it`,
        );
      const stored = localStorage.getItem(KEY_ORGANISATION) ?? '';
      if (!bundle && !fresh && (await holdsRemembered(storage, stored)))
        return { organisationId: stored, seeded: false };
      const data = bundle ?? sampleBundle(Date.now());
      // Another tab may have seeded it a moment ago; its localStorage write can reach this tab later than its data.
      const seeded = fresh || (await isEmpty(storage, data.organisationId));
      if (seeded) await importAll(storage, data);
      // A tab that opened the remembered database while another one switched to a new one (reset, import) leaves
      // the other's choice remembered.
      if (fresh || (localStorage.getItem(KEY_DATABASE) ?? databaseNameToUse) === databaseNameToUse) {
        localStorage.setItem(KEY_DATABASE, databaseNameToUse);
        localStorage.setItem(KEY_ORGANISATION, data.organisationId);
      }
      return { organisationId: data.organisationId, seeded };
    });
  })();
  // A reset or import that fails leaves no new database behind (the current one stays the remembered one). Only a
  // database this call made is deleted: no other tab knows its name. Nor does an open of a programme another tab
  // replaced meanwhile: that tab deleted its database, but this call may have opened it anew, empty, after it did.
  const { organisationId, seeded } = await seeding.catch(async (error: unknown) => {
    const replaced =
      !fresh && (localStorage.getItem(KEY_DATABASE) ?? databaseNameToUse) !== databaseNameToUse;
    if ((fresh && localStorage.getItem(KEY_DATABASE) !== databaseNameToUse) || replaced) {
      await storage.close();
      indexedDB.deleteDatabase(databaseNameToUse);
    }
    // The page goes on with the database it used before, or opens the new one.
    if (fresh || replaced) letGoOf(databaseNameToUse);
    throw error;
  });
  // This page now uses this database only; what no page uses any more may go.
  letGo(databaseNameToUse);
  void removeLeftBehind().catch(() => undefined);
  const links = createLinkTracker({ secret: demoSecret() });
  const shift = createSocialShift({ storage, organisationId, links });
  return { shift, storage, organisationId, databaseName: databaseNameToUse, links, seeded };
}

/**
 * Opens the programme stored in this browser, seeding it on the first visit. When another tab puts a new programme in
 * its place (an import, a start again) and deletes its database while this opens it, the open fails: it opens the
 * new one instead.
 */
export async function openSession(): Promise<Session> {
  for (;;) {
    const name = databaseName();
    try {
      return await open(name, false);
    } catch (error) {
      if (databaseName() === name) throw error;
    }
  }
}

/** Starts again with a fresh sample organisation in a new database; the old one is deleted. */
export async function resetSession(): Promise<Session> {
  const old = databaseName();
  const session = await open(freshDatabaseName(), true);
  indexedDB.deleteDatabase(old);
  localStorage.removeItem(KEY_ACTOR);
  return session;
}

/** The whole programme as an export bundle (documents and the event log). */
export function exportSession(session: Session): Promise<ExportBundle> {
  return exportAll(session.storage, session.organisationId);
}

/**
 * The export bundle `json` holds; throws the SDK's error (VALIDATION, or MIGRATION for a newer SDK's bundle) when it
 * holds none, touching no data.
 */
export function parseBundle(json: unknown): ExportBundle {
  // A newer SDK's bundle gets MIGRATION ("import it with a newer SDK"), not advice to remove the fields it added.
  refuseNewerBundle(json);
  const parsed = safeParseExportBundle(json);
  if (!parsed.success) throw parsed.error;
  return parsed.data;
}

/**
 * Imports an export bundle (validated by {@link parseBundle}) into a new database and switches to it. An import
 * that fails leaves the current data untouched.
 */
export async function importSession(bundle: ExportBundle): Promise<Session> {
  const old = databaseName();
  const session = await open(freshDatabaseName(), true, bundle);
  indexedDB.deleteDatabase(old);
  localStorage.removeItem(KEY_ACTOR);
  return session;
}

/**
 * Whether `session` is the programme this browser remembers: false once another tab replaced it (an import, a start
 * again), which also deleted its database.
 */
export const isRemembered = (session: Session) =>
  (localStorage.getItem(KEY_DATABASE) ?? session.databaseName) === session.databaseName;

/** The channel on which a Playground says it changed a programme (see {@link sayChanged}). */
const CHANGES = 'social-shift-playground:changes';

/**
 * This page's end of the channel: it sends and listens on one object, and a channel never hears its own messages, so
 * a page hears only the other tabs' changes, not its own (see {@link onChanged}).
 */
let channel: BroadcastChannel | undefined;
const changes = () => {
  channel ??= new BroadcastChannel(CHANGES);
  return channel;
};

/** Tells this site's other tabs (the Dashboard, other Playgrounds) that this page changed the programme of `session`. */
export function sayChanged(session: Session): void {
  if (typeof BroadcastChannel === 'undefined') return;
  changes().postMessage(session.databaseName);
}

/** Calls `listener` with the database name when a Playground in another tab (not this page) changes its programme. */
export function onChanged(listener: (databaseName: string) => void): void {
  if (typeof BroadcastChannel === 'undefined') return;
  changes().addEventListener('message', (event: MessageEvent) => {
    if (typeof event.data === 'string') listener(event.data);
  });
}

/** Calls `listener` when another tab changes which programme this browser remembers (see {@link isRemembered}). */
export function onRememberedChange(listener: () => void): void {
  // `null`: another tab cleared the whole local storage.
  addEventListener('storage', (event) => {
    if (event.key === KEY_DATABASE || event.key === null) listener();
  });
}

/** The person the visitor acts as, remembered across reloads. */
export const rememberedActor = () => localStorage.getItem(KEY_ACTOR);
/** Remembers the person the visitor acts as. */
export const rememberActor = (personId: string) => localStorage.setItem(KEY_ACTOR, personId);
