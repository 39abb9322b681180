// The JSON API of the intranet service: the commands a front end needs, each a thin call into the SDK, which
// parses the input, checks the acting person's roles, runs the workflow and commits in one transaction.
import type {
  AddPersonInput,
  AssignRoleInput,
  ConsentInput,
  CreateCampaignInput,
  CreatePostInput,
  LinkAccountInput,
  ListFilter,
  SetupInput,
  ShareInput,
  SocialShift,
  UpdatePostInput,
} from '@social-shift/core';
import { SocialShiftError } from '@social-shift/core';
import type { Route, RouteContext } from './http.js';
import { actingPerson, created, ok } from './http.js';

/** The workflow events a front end may send on a post, a campaign or an offer through `POST …/:event`. */
const POST_EVENTS = ['submit', 'approve', 'withdraw', 'archive'] as const;
const CAMPAIGN_EVENTS = ['schedule', 'start', 'pause', 'resume', 'complete', 'evaluate', 'cancel'] as const;

function oneOf<T extends string>(allowed: readonly T[], value: string | undefined, what: string): T {
  if ((allowed as readonly string[]).includes(value ?? '')) return value as T;
  throw new SocialShiftError('VALIDATION', `Unknown ${what} "${value}": use one of ${allowed.join(', ')}.`, {
    details: {
      issues: [{ path: [what], message: `not one of ${allowed.join(', ')}`, code: 'invalid_value' }],
    },
  });
}

const param = (context: RouteContext, name: string): string => context.params[name] ?? '';
/** A page of a list from the query (`?limit=20&before=share_…`): the SDK checks both (`VALIDATION`). */
function pageOf({ url }: RouteContext): { limit?: number; before?: string } {
  const limit = url.searchParams.get('limit');
  const before = url.searchParams.get('before');
  return { ...(limit === null ? {} : { limit: Number(limit) }), ...(before === null ? {} : { before }) };
}
/** A list's filter from the query (`?status=in_review`): the SDK checks the state (`VALIDATION`). */
function filterOf<Status extends string>({ url }: RouteContext): ListFilter<Status> | undefined {
  const status = url.searchParams.get('status');
  return status === null ? undefined : { status: status as Status };
}
/** The JSON body as the command's input type: the SDK parses and validates it (`VALIDATION` with paths). */
const input = <T>(context: RouteContext): T => context.body as T;

// #region routes
/** The routes of the JSON API. The acting person is the `x-person-id` header set by the sign-on proxy. */
export function apiRoutes(shift: SocialShift): Route[] {
  const as = (context: RouteContext) => shift.as(actingPerson(context));
  return [
    // The first social master creates the organisation, its programme and strategy; once.
    {
      method: 'POST',
      path: '/api/setup',
      handle: async ({ body }) => created(await shift.setup(body as SetupInput)),
    },

    // People and roles (masters and editors).
    { method: 'GET', path: '/api/people', handle: async (c) => ok(await as(c).people.list(filterOf(c))) },
    {
      method: 'POST',
      path: '/api/people',
      handle: async (c) => created(await as(c).people.add(input<AddPersonInput>(c))),
    },
    {
      method: 'POST',
      path: '/api/people/:personId/roles',
      handle: async (c) =>
        created(await as(c).people.assignRole(param(c, 'personId'), input<AssignRoleInput>(c))),
    },
    {
      method: 'POST',
      path: '/api/people/:personId/invite',
      handle: async (c) => ok(await as(c).people.invite(param(c, 'personId'))),
    },
    {
      method: 'POST',
      path: '/api/people/:personId/accounts',
      handle: async (c) =>
        created(await as(c).people.linkAccount(param(c, 'personId'), input<LinkAccountInput>(c))),
    },
    // The signed-in person gives consent (offers, digests, tracking): an invited ambassador becomes active.
    {
      method: 'POST',
      path: '/api/me/consent',
      handle: async (c) => ok(await as(c).people.consent(input<ConsentInput>(c))),
    },
    // …and withdraws it: open offers expire, and clicks on earlier shares are no longer counted.
    {
      method: 'POST',
      path: '/api/me/consent/withdraw',
      handle: async (c) => ok(await as(c).people.withdrawConsent()),
    },

    // Posts: editors write them, another editor approves them (four eyes); `?status=in_review` is the review queue.
    { method: 'GET', path: '/api/posts', handle: async (c) => ok(await as(c).posts.list(filterOf(c))) },
    {
      method: 'POST',
      path: '/api/posts',
      handle: async (c) => created(await as(c).posts.create(input<CreatePostInput>(c))),
    },
    {
      method: 'GET',
      path: '/api/posts/:postId',
      handle: async (c) => {
        const posts = as(c).posts;
        const postId = param(c, 'postId');
        return ok({ post: await posts.get(postId), allowedEvents: await posts.allowedEvents(postId) });
      },
    },
    // The author edits a draft or a post sent back (any editable field: title, text, link…), then submits it again.
    {
      method: 'POST',
      path: '/api/posts/:postId/update',
      handle: async (c) => ok(await as(c).posts.update(param(c, 'postId'), input<UpdatePostInput>(c))),
    },
    // The two steps of a post that take a form: a reviewer's note, and the time to offer it at.
    {
      method: 'POST',
      path: '/api/posts/:postId/request-changes',
      handle: async (c) =>
        ok(await as(c).posts.requestChanges(param(c, 'postId'), input<{ note: string }>(c))),
    },
    {
      method: 'POST',
      path: '/api/posts/:postId/schedule',
      handle: async (c) => ok(await as(c).posts.schedule(param(c, 'postId'), input<{ at: string }>(c))),
    },
    {
      method: 'POST',
      path: '/api/posts/:postId/:event',
      handle: async (c) => {
        const event = oneOf(POST_EVENTS, c.params.event, 'post event');
        return ok(await as(c).posts[event](param(c, 'postId')));
      },
    },

    // Campaigns: running one offers its posts to the publishers it targets.
    {
      method: 'GET',
      path: '/api/campaigns',
      handle: async (c) => ok(await as(c).campaigns.list(filterOf(c))),
    },
    {
      method: 'POST',
      path: '/api/campaigns',
      handle: async (c) => created(await as(c).campaigns.create(input<CreateCampaignInput>(c))),
    },
    {
      method: 'POST',
      path: '/api/campaigns/:campaignId/:event',
      handle: async (c) => {
        const event = oneOf(CAMPAIGN_EVENTS, c.params.event, 'campaign event');
        return ok(await as(c).campaigns[event](param(c, 'campaignId')));
      },
    },

    // The publisher's view: offers made to me, and sharing one (idempotent: the front end retries with the
    // same key and gets the first share back).
    { method: 'GET', path: '/api/me/offers', handle: async (c) => ok(await as(c).offers.mine()) },
    // My shares, newest first, with what the platforms reported about each (clicks on the short link included): a
    // page at a time, `?limit=` 1 to 100 (default 20) after `?before=`, the id of the last share of the page before.
    {
      method: 'GET',
      path: '/api/me/shares',
      handle: async (c) => ok(await as(c).offers.myShares(pageOf(c))),
    },
    {
      method: 'POST',
      path: '/api/offers/:offerId/seen',
      handle: async (c) => ok(await as(c).offers.see(param(c, 'offerId'))),
    },
    {
      method: 'POST',
      path: '/api/offers/:offerId/share',
      handle: async (c) => created(await as(c).offers.share(param(c, 'offerId'), input<ShareInput>(c))),
    },
  ];
}
// #endregion routes
