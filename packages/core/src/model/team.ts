import * as z from 'zod';
import { entityBase, IdSchema, NameSchema } from './primitives.js';

/** A team of the organisation. */
export const TeamSchema = z
  .object({
    ...entityBase,
    name: NameSchema,
    department: NameSchema.optional(),
    location: NameSchema.optional(),
    parentTeamId: IdSchema.optional(),
  })
  .strict();
/** A team. */
export type Team = z.infer<typeof TeamSchema>;
