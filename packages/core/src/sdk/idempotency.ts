// Idempotency keys for commands that outside systems retry: a retry changes nothing and returns the first result.
import { isSocialShiftError, SocialShiftError } from '../errors/social-shift-error.js';
import { compareText } from '../model/compare-text.js';
import type { JsonObject } from '../ports/storage.js';
import type { Runtime } from './runtime.js';
import { IDEMPOTENCY_COLLECTION } from './runtime.js';
import { sha256HexSync } from './sha256.js';

/** Canonical JSON: object keys sorted, so equal inputs hash equally. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => compareText(a, b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Where a key's record lives and the fingerprint of the input it was first used with. */
export interface IdempotencySlot {
  readonly recordId: string;
  readonly key: string;
  readonly command: string;
  readonly inputHash: string;
}

/**
 * Computes the record id and the input fingerprint: SHA-256, synchronously (ADR 043). A key is scoped to its
 * command and, for a command an actor runs (its input names the `actorId`), to that actor too: two publishers
 * may use the same key, and neither can use up the other's (ADR 093). Commands the system runs (the platform
 * interactions) keep the id of command and key.
 */
export function idempotencySlot(command: string, key: string, input: unknown): IdempotencySlot {
  const inputHash = sha256HexSync(canonicalJson(input));
  const idOf = (...parts: string[]) => `idem_${sha256HexSync(parts.join('\u0000')).slice(0, 40)}`;
  const actorId = (input as { actorId?: unknown } | null | undefined)?.actorId;
  const recordId = typeof actorId === 'string' ? idOf(command, actorId, key) : idOf(command, key);
  return { recordId, key, command, inputHash };
}

/**
 * The input fingerprint an erasure leaves on the idempotency records of the erased person's shares: the person may
 * no longer act, so a retry with such a key runs the command's own checks (`FORBIDDEN`), not the comparison.
 */
export const ERASED_INPUT_HASH = '0'.repeat(64);

/**
 * The first result for this key, or `undefined` when the key is new or its record was scrubbed by an erasure.
 * Throws `IDEMPOTENCY_MISMATCH` when the key was used with different input.
 */
export async function previousResult(rt: Runtime, slot: IdempotencySlot): Promise<JsonObject | undefined> {
  const doc = await rt.storage.get(rt.organisationId, IDEMPOTENCY_COLLECTION, slot.recordId);
  if (!doc || doc.data.inputHash === ERASED_INPUT_HASH) return undefined;
  if (doc.data.inputHash !== slot.inputHash) {
    throw new SocialShiftError(
      'IDEMPOTENCY_MISMATCH',
      `The idempotency key "${slot.key}" was used for ${slot.command} with other input: use a new key.`,
      { details: { key: slot.key } },
    );
  }
  return doc.data.result as JsonObject;
}

/**
 * Runs a retried command once per key: returns the stored first result when the key was seen, else runs `work`
 * (which writes the record in its transaction). A concurrent duplicate that loses the race gets the winner's
 * result, whatever error its own run ended with: losing the write (`ALREADY_EXISTS`, `CONFLICT`), or a check
 * that already saw the winner's writes (a guardrail counting the winner's share, say).
 */
export async function runIdempotent<R>(
  rt: Runtime,
  slot: IdempotencySlot,
  work: () => Promise<R>,
  fromStored: (stored: JsonObject) => R,
): Promise<R> {
  const before = await previousResult(rt, slot);
  if (before) return fromStored(before);
  try {
    return await work();
  } catch (error) {
    // Not `instanceof`: the storage may throw errors of another copy of the SDK (the adapters' own, or the CommonJS
    // build's in an ESM app).
    if (!isSocialShiftError(error)) throw error;
    // The record may have been written since the first look (a duplicate committed meanwhile): look again.
    const raced = await previousResult(rt, slot).catch((lookup: unknown) => {
      throw isSocialShiftError(lookup, 'IDEMPOTENCY_MISMATCH') ? lookup : error;
    });
    if (raced) return fromStored(raced);
    throw error;
  }
}
