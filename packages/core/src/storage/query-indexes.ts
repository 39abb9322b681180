/**
 * The fields the SDK filters on (`where`), by collection. Adapters that can index JSON fields (SQLite) create an
 * index for each, so reading a person's role assignments or a publisher's offers stays fast in big
 * organisations. Adapters take their own list as an option to add fields.
 *
 * @example
 * ```ts
 * QUERY_INDEXES.offer; // ['campaignId', 'publisherId']
 * ```
 */
export const QUERY_INDEXES: Readonly<Record<string, readonly string[]>> = {
  campaign: ['status'],
  consent: ['personId'],
  contribution: ['creatorId'],
  offer: ['campaignId', 'publisherId', 'postId'],
  post: ['status'],
  role_assignment: ['personId', 'role'],
  share: ['campaignId', 'publisherId', 'sharerToken'],
  social_account: ['personId'],
};
