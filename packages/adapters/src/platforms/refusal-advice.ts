import type { RefusalAdvice } from './http-retry.js';

/** What a publisher's refusal advice names: its server option and the permission its token needs to post. */
export interface PublisherAdviceHints {
  /** The option that holds the server address, e.g. `instance` (Mastodon) or `baseUrl` (X, LinkedIn). */
  readonly server: string;
  /** What to check of the token or account for a `403`, e.g. `that the token has the write:statuses scope`. */
  readonly permission: string;
}

/**
 * The advice of a publisher's `PLATFORM` error for a refusal that says nothing was posted and what to fix: a `403`
 * (the token's scopes or the account's rights), `404` (the server option, or a deleted resource) and `422` (the
 * post's content). A `401` has its own message: to a request with a token, connect the account again
 * (`sendWithRetry`); to Bluesky's login, make a new app password.
 */
export function publisherRefusalAdvice(hints: PublisherAdviceHints): RefusalAdvice {
  return (status) => {
    switch (status) {
      case 403:
        return `Nothing was posted: the token or the account may not post this; check ${hints.permission}.`;
      case 404:
        return `Nothing was posted: check the ${hints.server} option (a wrong server address), or the account or resource the post refers to was deleted.`;
      case 422:
        return 'Nothing was posted: the platform refused the content (its answer says why); change the text, link or language, then publish again.';
      default:
        return undefined;
    }
  };
}
