import type { Actor } from '../roles/role-check.js';
import type { Guard, Runtime } from './runtime.js';
import { find, forbidden, GUARD_COLLECTION, list } from './runtime.js';
import { sha256HexSync } from './sha256.js';

/** What a guard protects: one per rule and, for rules about one person, per person. */
export type GuardScope =
  | 'masters'
  | 'cycles'
  | 'campaign-posts'
  | 'offers'
  | `campaign:${string}`
  | `roles:${string}`
  | `accounts:${string}`
  | `shares:${string}`;

/**
 * Reads a guard against write skew. Optimistic concurrency catches two commands that write the same document, but some
 * checks read documents the command does not write: "someone else is still a master" (two masters revoking each
 * other at once would both pass it), "this person does not hold this role yet", "no account on this platform
 * yet", "which number is the next cycle". Such a command reads a guard document first, checks, and writes the
 * guard back at the version it read in the same commit: of two commands that checked the same state at once, one
 * commits and the other gets `CONFLICT` (retry: it then sees the first one's result).
 *
 * Guards hold no data of the method (only when they were last written), are not entities, and are neither exported
 * nor imported: after an import each starts again at version 0. They live in `GUARD_COLLECTION`. Read a guard
 * before the documents the check depends on.
 */
export async function readGuard(rt: Runtime, scope: GuardScope): Promise<Guard> {
  // Scopes hold a person id (up to 64 characters): hashed into a document id of the allowed form and length.
  const id = `guard_${sha256HexSync(scope).slice(0, 40)}`;
  const doc = await rt.storage.get(rt.organisationId, GUARD_COLLECTION, id);
  return { id, version: doc?.version ?? 0 };
}

/**
 * The guards a command writes when it takes someone out of the people who may be offered posts and share them
 * (consent withdrawn, leaving, erasure, a role revoked): offering reads `offers`, a share `shares:<person>`, so
 * neither commits on what it read before this command (ADR 106).
 */
export const leavingGuards = (rt: Runtime, personId: string): Promise<Guard[]> =>
  Promise.all([readGuard(rt, 'offers'), readGuard(rt, `shares:${personId}`)]);

/**
 * An organisation always keeps at least one social master: `FORBIDDEN` when the person is the last one still in
 * the programme. Returns the guard of the rule, for the commit that removes a master (role revoked, left, erased).
 */
export async function keepAMaster(
  rt: Runtime,
  actor: Actor,
  personId: string,
  action: string,
): Promise<Guard> {
  const guard = await readGuard(rt, 'masters');
  if (await isLastMaster(rt, personId))
    throw forbidden(
      actor,
      action,
      'This is the last social master of the organisation: assign the master role to someone else first.',
    );
  return guard;
}

/** Whether the person is the organisation's last social master still in the programme. */
export async function isLastMaster(rt: Runtime, personId: string): Promise<boolean> {
  // The master role's people, each by id: not every person of the organisation (10,000 in a big one: 25 ms a
  // check on SQLite). Bit 1: this person is a master still in the programme; bit 2: someone else is.
  let masters = 0;
  for (const a of await list(rt, 'role_assignment', { role: 'master' })) {
    const p = await find(rt, 'person', a.personId);
    if (a.revokedAt === undefined && p?.status !== 'left' && p?.erasedAt === undefined)
      masters |= a.personId === personId ? 1 : 2;
  }
  return masters === 1;
}
