import * as z from 'zod/mini';

/** The kinds of stored entities. Each is also the name of its storage collection. */
export const ENTITY_TYPES = [
  'organisation',
  'programme',
  'cycle',
  'strategy',
  'person',
  'team',
  'focus_group',
  'role_assignment',
  'social_account',
  'consent',
  'contribution',
  'post',
  'campaign',
  'offer',
  'share',
] as const;
/** Checks an {@link EntityType} (a zod mini schema): one of {@link ENTITY_TYPES}, anything else fails. */
export const EntityTypeSchema = z.enum(ENTITY_TYPES);
/** A kind of stored entity. */
export type EntityType = z.infer<typeof EntityTypeSchema>;
