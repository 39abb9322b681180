import * as z from 'zod/mini';
import { entityBase, IdSchema, NameSchema } from './primitives.js';

/** A team of the organisation. */
export const TeamSchema = z.strictObject({
  ...entityBase,
  name: NameSchema,
  department: z.optional(NameSchema),
  location: z.optional(NameSchema),
  parentTeamId: z.optional(IdSchema),
});
/** A team. */
export type Team = z.infer<typeof TeamSchema>;
