import * as z from 'zod/mini';
import { entityBase, IdListSchema, NameSchema, TimestampSchema } from './primitives.js';
import { AmbassadorStatusSchema, LanguageSchema } from './vocabulary.js';

/**
 * A person in the programme: an employee, or an external publisher (`external: true`) who only ever sees the
 * offers made to them. `status` is their ambassador lifecycle.
 */
export const PersonSchema = z.strictObject({
  ...entityBase,
  displayName: NameSchema,
  email: z.optional(z.email().check(z.maxLength(254))),
  language: z._default(LanguageSchema, 'nl'),
  external: z._default(z.boolean(), false),
  status: z._default(AmbassadorStatusSchema, 'candidate'),
  teamIds: z._default(IdListSchema, []),
  department: z.optional(NameSchema),
  location: z.optional(NameSchema),
  /** In contact with customers: the method prefers such ambassadors. */
  customerFacing: z._default(z.boolean(), false),
  lastActiveAt: z.optional(TimestampSchema),
  /** Set when the person's personal data was erased; their fields are then pseudonyms. */
  erasedAt: z.optional(TimestampSchema),
});
/** A person. */
export type Person = z.infer<typeof PersonSchema>;
