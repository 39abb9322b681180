import * as z from 'zod';
import { entityBase, NameSchema } from './primitives.js';
import { LanguageSchema } from './vocabulary.js';

/**
 * The tenant: everything else belongs to exactly one organisation.
 *
 * @example
 * ```ts
 * parseOrganisation({ id: 'org_acme', organisationId: 'org_acme', version: 1, name: 'Acme',
 *   defaultLanguage: 'nl', timeZone: 'Europe/Amsterdam', createdAt: now, updatedAt: now });
 * ```
 */
export const OrganisationSchema = z
  .object({
    ...entityBase,
    name: NameSchema,
    defaultLanguage: LanguageSchema.default('nl'),
    /** IANA time zone used for reporting periods, e.g. `Europe/Amsterdam`. */
    timeZone: z.string().min(1).max(64).default('UTC'),
    /** Departments and locations people can belong to; used for representativeness. */
    departments: z.array(NameSchema).max(500).default([]),
    locations: z.array(NameSchema).max(500).default([]),
  })
  .strict();
/** An organisation (the tenant). */
export type Organisation = z.infer<typeof OrganisationSchema>;
