// Idempotency keys for commands that outside systems retry: a retry changes nothing and returns the first result.
import { SocialShiftError } from '../errors/social-shift-error.js';
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
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
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
 * Computes the record id (per command and key) and the input fingerprint: SHA-256, synchronously (the same
 * digests as before, so records written by earlier versions are found again).
 */
export function idempotencySlot(command: string, key: string, input: unknown): IdempotencySlot {
  const recordId = `idem_${sha256HexSync(`${command}\u0000${key}`).slice(0, 40)}`;
  return { recordId, key, command, inputHash: sha256HexSync(canonicalJson(input)) };
}

/**
 * The first result for this key, or `undefined` when the key is new. Throws `IDEMPOTENCY_MISMATCH` when the key
 * was used with different input.
 */
export async function previousResult(rt: Runtime, slot: IdempotencySlot): Promise<JsonObject | undefined> {
  const doc = await rt.storage.get(rt.organisationId, IDEMPOTENCY_COLLECTION, slot.recordId);
  if (!doc) return undefined;
  if (doc.data.inputHash !== slot.inputHash) {
    throw new SocialShiftError(
      'IDEMPOTENCY_MISMATCH',
      `The idempotency key "${slot.key}" was used before for ${slot.command} with different input: use a new key for a new request.`,
      { details: { key: slot.key } },
    );
  }
  return doc.data.result as JsonObject;
}

/**
 * Runs a retried command once per key: returns the stored first result when the key was seen, else runs `work`
 * (which writes the record in its transaction). A concurrent duplicate that loses the race gets the winner's
 * result.
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
    if (error instanceof SocialShiftError && (error.code === 'ALREADY_EXISTS' || error.code === 'CONFLICT')) {
      const raced = await previousResult(rt, slot);
      if (raced) return fromStored(raced);
    }
    throw error;
  }
}
