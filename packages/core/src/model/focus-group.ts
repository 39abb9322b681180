import * as z from 'zod';
import { entityBase, IdListSchema, NameSchema, TextSchema } from './primitives.js';

/** A focus group: a set of ambassadors recruited around a theme or an audience. */
export const FocusGroupSchema = z
  .object({
    ...entityBase,
    name: NameSchema,
    description: TextSchema.default(''),
    memberIds: IdListSchema.default([]),
    pillarIds: IdListSchema.default([]),
  })
  .strict();
/** A focus group. */
export type FocusGroup = z.infer<typeof FocusGroupSchema>;
