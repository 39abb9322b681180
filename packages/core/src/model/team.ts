import * as z from 'zod/mini';
import { entityBase, IdSchema, NameSchema } from './primitives.js';

/** A team of the organisation. */
export const TeamSchema = z.strictObject({
  ...entityBase,
  name: NameSchema,
  department: z.optional(NameSchema),
  location: z.optional(NameSchema),
  /**
   * The team this one sits in, as a record of the organisation's structure only: a role's scope, a campaign's
   * audience and the figures name teams one by one, and naming a team does not take in the teams inside it.
   */
  parentTeamId: z.optional(IdSchema),
});
/** A team. */
export type Team = z.infer<typeof TeamSchema>;
