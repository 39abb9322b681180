import * as z from 'zod/mini';
import { entityBase, IdListSchema, IdSchema, TimestampSchema } from './primitives.js';
import { RoleSchema } from './vocabulary.js';

/**
 * Where a role applies. Absent: everywhere. An editor may be scoped to some pillars or teams; a creator may be
 * responsible for one pillar.
 */
export const RoleScopeSchema = z.strictObject({
  pillarIds: z.optional(IdListSchema),
  teamIds: z.optional(IdListSchema),
});
/** The scope of a role assignment. */
export type RoleScope = z.infer<typeof RoleScopeSchema>;

/** A role held by a person, optionally scoped. A person may hold several. */
export const RoleAssignmentSchema = z.strictObject({
  ...entityBase,
  personId: IdSchema,
  role: RoleSchema,
  scope: z.optional(RoleScopeSchema),
  assignedBy: IdSchema,
  assignedAt: TimestampSchema,
  revokedAt: z.optional(TimestampSchema),
});
/** A role assignment. */
export type RoleAssignment = z.infer<typeof RoleAssignmentSchema>;
