import * as z from 'zod/mini';
import { entityBase, IdListSchema, NameSchema, TextSchema } from './primitives.js';

/** A focus group: a set of ambassadors recruited around a theme or an audience. */
export const FocusGroupSchema = z.strictObject({
  ...entityBase,
  name: NameSchema,
  description: z._default(TextSchema, ''),
  memberIds: z._default(IdListSchema, []),
  pillarIds: z._default(IdListSchema, []),
});
/** A focus group. */
export type FocusGroup = z.infer<typeof FocusGroupSchema>;
