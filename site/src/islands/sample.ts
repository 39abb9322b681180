// The Playground's sample organisation: core's seeded generator (a Dutch mid-size organisation with teams,
// people and a year of history), as an export bundle. No storage here: the Dashboard and the Playground share it.
import type { ExportBundle } from '@social-shift/core';
import { simulateExportBundle } from '@social-shift/core/simulation';

/** The seed and size of the sample organisation: same seed and day, same organisation, in every browser. */
export const SAMPLE = { seed: 2026, people: 120, teams: 8, days: 365, events: 6000 } as const;

/** The first day of a year of history that ends yesterday, so what the visitor does now comes after it. */
export function sampleStart(now: number): string {
  return new Date(now - (SAMPLE.days + 1) * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The simulated organisation attributes its programme events to a social master whose person record the
 * generator may not write. Without one, nobody in the Playground could act as master, so this adds the missing
 * records (the person the events already name, and their master role), and changes nothing when they exist.
 */
export function withSocialMaster(bundle: ExportBundle): ExportBundle {
  const documents = bundle.documents;
  const roles = (documents.role_assignment ?? []) as {
    personId?: unknown;
    role?: unknown;
    revokedAt?: unknown;
  }[];
  if (roles.some((r) => r.role === 'master' && r.revokedAt === undefined)) return bundle;
  const masterId =
    bundle.events.find((e) => e.type === 'programme.created' || e.type === 'strategy.updated')?.actorId ??
    'person_master';
  const at = bundle.events[0]?.at ?? bundle.exportedAt;
  const base = { organisationId: bundle.organisationId, version: 1, createdAt: at, updatedAt: at };
  const people = (documents.person ?? []) as { id?: unknown }[];
  const person = people.some((p) => p.id === masterId)
    ? []
    : [
        {
          ...base,
          id: masterId,
          displayName: 'Sanne de Vries',
          language: 'nl',
          external: false,
          status: 'active',
          teamIds: [],
          customerFacing: false,
        },
      ];
  const role = {
    ...base,
    id: `ra_${masterId}_master`,
    personId: masterId,
    role: 'master',
    assignedBy: masterId,
    assignedAt: at,
  };
  return {
    ...bundle,
    documents: {
      ...documents,
      person: [...(documents.person ?? []), ...person],
      role_assignment: [...(documents.role_assignment ?? []), role],
    },
  } as ExportBundle;
}

/** The sample organisation whose year of history ends yesterday, with its social master. */
export function sampleBundle(now: number): ExportBundle {
  return withSocialMaster(simulateExportBundle({ ...SAMPLE, start: sampleStart(now) }));
}
