import * as z from 'zod';
import { entityBase, IdListSchema, NameSchema, TimestampSchema } from './primitives.js';
import { AmbassadorStatusSchema, LanguageSchema } from './vocabulary.js';

/**
 * A person in the programme: an employee, or an external publisher (`external: true`) who only ever sees the
 * offers made to them. `status` is their ambassador lifecycle.
 */
export const PersonSchema = z
  .object({
    ...entityBase,
    displayName: NameSchema,
    email: z.email().max(254).optional(),
    language: LanguageSchema.default('nl'),
    external: z.boolean().default(false),
    status: AmbassadorStatusSchema.default('candidate'),
    teamIds: IdListSchema.default([]),
    department: NameSchema.optional(),
    location: NameSchema.optional(),
    /** In contact with customers: the method prefers such ambassadors. */
    customerFacing: z.boolean().default(false),
    lastActiveAt: TimestampSchema.optional(),
    /** Set when the person's personal data was erased; their fields are then pseudonyms. */
    erasedAt: TimestampSchema.optional(),
  })
  .strict();
/** A person. */
export type Person = z.infer<typeof PersonSchema>;
