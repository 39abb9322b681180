import * as z from 'zod/mini';
import { entityBase, NameSchema, TimeZoneSchema } from './primitives.js';
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
export const OrganisationSchema = z.strictObject({
  ...entityBase,
  name: NameSchema,
  defaultLanguage: z._default(LanguageSchema, 'nl'),
  /** IANA time zone used for reporting periods, e.g. `Europe/Amsterdam`. */
  timeZone: z._default(TimeZoneSchema, 'UTC'),
  /** Departments and locations people can belong to; used for representativeness. */
  departments: z._default(z.array(NameSchema).check(z.maxLength(500)), []),
  locations: z._default(z.array(NameSchema).check(z.maxLength(500)), []),
});
/** An organisation (the tenant). */
export type Organisation = z.infer<typeof OrganisationSchema>;
