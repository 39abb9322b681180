// What the conformance cases share: the organisation they write, numbered events, and commands that retry.
import type { DomainEvent, StoragePort } from '@social-shift/core';
import { isSocialShiftError } from '@social-shift/core';
import { aDomainEvent } from '@social-shift/core/testing';

/** The organisation the cases write (and {@link OTHER}, the one that must never see its data). */
export const ORG = 'org_conformance';
export const OTHER = 'org_other';

/** Event `n` of {@link ORG}, about one of three posts. */
export const event = (n: number, over: Partial<DomainEvent> = {}): DomainEvent =>
  aDomainEvent({ id: `evt_${n}`, organisationId: ORG, entityId: `post_${n % 3}`, ...over });

/** The sequence numbers of an organisation's event log, in order. */
export const seqs = async (storage: StoragePort, org = ORG) =>
  (await storage.readEvents(org)).map((e) => e.seq);

/** The whole numbers from `from` to `to`, both included. */
export const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** Retries `work` on CONFLICT, as a command does. */
export async function retrying<T>(work: () => Promise<T>, attempts = 200): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await work();
    } catch (error) {
      if (!isSocialShiftError(error, 'CONFLICT') || i >= attempts) throw error;
    }
  }
}
