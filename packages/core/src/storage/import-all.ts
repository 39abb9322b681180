import { issueMessage } from '../errors/issue-message.js';
import type { ValidationIssue } from '../errors/social-shift-error.js';
import { SocialShiftError } from '../errors/social-shift-error.js';
import { validationError } from '../errors/validation.js';
import { entitySchemas } from '../model/entities.js';
import { ENTITY_TYPES } from '../model/entity-type.js';
import type { ExportBundle } from '../model/export-bundle.js';
import { ExportBundleSchema } from '../model/export-bundle.js';
import type { JsonObject, StoragePort } from '../ports/storage.js';

/** What {@link importAll} wrote. */
export interface ImportSummary {
  readonly organisationId: string;
  /** Documents written, by collection. */
  readonly documents: Readonly<Record<string, number>>;
  readonly events: number;
}

/**
 * Imports an {@link ExportBundle} into an organisation that has no data yet. It validates everything first (the
 * envelope, every document against its entity schema, ids unique per collection, every record in the bundle's
 * organisation, the event log numbered 1, 2, 3… in order, without gaps except those a retention run left before its
 * `platform.summary` event) and writes nothing when anything is wrong: one
 * `VALIDATION` error lists every bad path. Then it writes all documents and events in one transaction. Documents
 * keep their version (the entity's `version`) where the storage supports `restore` (every adapter built with
 * `createStorage` does), else start at 1; events keep their order and are numbered 1, 2, 3… again (the same `seq`
 * as exported when the log has no retention holes).
 *
 * @throws `VALIDATION` for a bad bundle, `ALREADY_EXISTS` when the organisation has data already.
 * @example
 * ```ts
 * const bundle = JSON.parse(await readFile('acme.json', 'utf8'));
 * await importAll(storage, bundle);
 * ```
 */
export async function importAll(storage: StoragePort, input: unknown): Promise<ImportSummary> {
  const parsed = ExportBundleSchema.safeParse(input);
  if (!parsed.success) throw validationError('export bundle', parsed.error);
  const bundle = parsed.data;
  checkContents(bundle, input as { documents: Record<string, unknown[]> });
  const organisationId = bundle.organisationId;
  await checkEmpty(storage, organisationId);

  const counts: Record<string, number> = {};
  await storage.transaction(organisationId, async (tx) => {
    for (const collection of ENTITY_TYPES) {
      const list = bundle.documents[collection] ?? [];
      for (const data of list) {
        const version = typeof data.version === 'number' ? data.version : 1;
        if (tx.restore) await tx.restore(collection, data.id as string, data as JsonObject, version);
        else await tx.put(collection, data.id as string, data as JsonObject, 0);
      }
      if (list.length > 0) counts[collection] = list.length;
    }
    if (bundle.events.length > 0) {
      const stored = await tx.append(bundle.events.map(({ seq: _seq, ...event }) => event));
      if (stored[0]?.seq !== 1) {
        // Another writer appended between the emptiness check and this transaction: undo everything.
        throw new SocialShiftError(
          'CONFLICT',
          `Organisation "${organisationId}" received events while importing. Import into an empty organisation.`,
          { details: { entityType: 'organisation', id: organisationId, expectedVersion: 0 } },
        );
      }
    }
  });
  return { organisationId, documents: counts, events: bundle.events.length };
}

function checkContents(bundle: ExportBundle, raw: { documents: Record<string, unknown[]> }): void {
  const issues: ValidationIssue[] = [];
  const org = bundle.organisationId;
  for (const collection of ENTITY_TYPES) {
    const list = bundle.documents[collection];
    if (!list) continue;
    const seen = new Set<string>();
    list.forEach((data, index) => {
      const path = ['documents', collection, index];
      const result = entitySchemas[collection].safeParse(data);
      if (!result.success) {
        for (const issue of result.error.issues) {
          issues.push({
            path: [...path, ...issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key))],
            message: issueMessage(issue),
            code: issue.code,
          });
        }
        return;
      }
      // Store the document as exported (defaults are not filled in), so an export of the import equals the bundle.
      const doc = raw.documents[collection]?.[index] as { id: string; organisationId: string };
      if (doc.organisationId !== org) {
        issues.push({
          path: [...path, 'organisationId'],
          message: `Belongs to "${doc.organisationId}", not "${org}".`,
          code: 'tenant',
        });
      }
      if (seen.has(doc.id))
        issues.push({ path: [...path, 'id'], message: `Duplicate id "${doc.id}".`, code: 'duplicate' });
      seen.add(doc.id);
    });
  }
  let previous = 0;
  let lastSummary = -1;
  bundle.events.forEach((event, index) => {
    if (event.type === 'platform.summary') lastSummary = index;
  });
  bundle.events.forEach((event, index) => {
    if (event.organisationId !== org) {
      issues.push({
        path: ['events', index, 'organisationId'],
        message: `Belongs to "${event.organisationId}", not "${org}".`,
        code: 'tenant',
      });
    }
    // Holes are allowed only where a retention run removed raw platform events: a `platform.summary` follows them.
    const holes = event.seq - previous - 1;
    if (event.seq <= previous || (holes > 0 && index > lastSummary)) {
      issues.push({
        path: ['events', index, 'seq'],
        message: `Expected seq ${previous + 1}: the log must be complete and in order.`,
        code: 'gap',
      });
    }
    previous = Math.max(previous, event.seq);
  });
  if (issues.length > 0) {
    const listed = issues
      .slice(0, 5)
      .map((i) => `${i.path.join('.')}: ${i.message}`)
      .join('; ');
    const more = issues.length > 5 ? ` (and ${issues.length - 5} more)` : '';
    throw new SocialShiftError(
      'VALIDATION',
      `Invalid export bundle, nothing was imported: ${listed}${more}`,
      {
        details: { issues, input: 'export bundle' },
      },
    );
  }
}

async function checkEmpty(storage: StoragePort, organisationId: string): Promise<void> {
  const hasEvents = (await storage.readEvents(organisationId, { limit: 1 })).length > 0;
  let hasDocuments = false;
  for (const collection of ENTITY_TYPES) {
    if ((await storage.query(organisationId, collection, { limit: 1 })).length > 0) {
      hasDocuments = true;
      break;
    }
  }
  if (hasEvents || hasDocuments) {
    throw new SocialShiftError(
      'ALREADY_EXISTS',
      `Organisation "${organisationId}" has data already. Import into an empty store or another organisation id.`,
      { details: { entityType: 'organisation', id: organisationId } },
    );
  }
}
