import * as z from 'zod/mini';
import { invalidValue } from '../../errors/invalid-value.js';
import { isSocialShiftError } from '../../errors/social-shift-error.js';
import type { Campaign } from '../../model/campaign.js';
import { CampaignAudienceSchema, CampaignTargetsSchema } from '../../model/campaign.js';
import { IdListSchema, NameSchema, TextSchema, TimestampSchema } from '../../model/primitives.js';
import type { CampaignStatus } from '../../model/vocabulary.js';
import { CampaignStatusSchema } from '../../model/vocabulary.js';
import type { Action } from '../../roles/permission-table.js';
import type { Actor, PermissionTarget } from '../../roles/role-check.js';
import { campaignWorkflow } from '../../workflows/campaign.js';
import { postWorkflow } from '../../workflows/post.js';
import { audiencePeople, endCampaignWrites, startCampaignWrites } from '../cascades.js';
import type { CommandInput } from '../command-input.js';
import { settleCampaign } from '../due-transitions.js';
import { readGuard } from '../guards.js';
import type { EntityWrite, Guard, ListFilter, New, Runtime } from '../runtime.js';
import {
  authorize,
  checkId,
  commitFirst,
  entityWrite,
  invalidTransition,
  isAllowedFor,
  list,
  listReadable,
  load,
  loadActor,
  nextState,
  now,
  parseInput,
  parsePatch,
  permittedEvents,
} from '../runtime.js';
import { newest } from './cycles.js';
import { checkStrategyRefs } from './strategy.js';

/** The events of the campaign workflow. */
export type CampaignEvent = (typeof campaignWorkflow.events)[number];

const shape = {
  name: NameSchema,
  description: z._default(TextSchema, ''),
  goalIds: z._default(IdListSchema, []),
  pillarIds: z._default(IdListSchema, []),
  postIds: z._default(IdListSchema, []),
  audience: CampaignAudienceSchema,
  startsAt: TimestampSchema,
  endsAt: TimestampSchema,
  targets: z._default(CampaignTargetsSchema, {}),
};
/**
 * Input of `campaigns.create`.
 *
 * @example
 * ```ts
 * const result = CreateCampaignInputSchema.safeParse(formValues); // validate a form before sending the command
 * ```
 */
export const CreateCampaignInputSchema = z.strictObject(shape).check(
  z.refine((c) => c.startsAt < c.endsAt, {
    message: 'A campaign must end after it starts.',
    path: ['endsAt'],
  }),
);
/** Input of `campaigns.create`, before defaults. */
export type CreateCampaignInput = CommandInput<z.input<typeof CreateCampaignInputSchema>>;
/**
 * Input of `campaigns.update`.
 *
 * @example
 * ```ts
 * const result = UpdateCampaignInputSchema.safeParse(formValues); // validate a form before sending the command
 * ```
 */
export const UpdateCampaignInputSchema = z.partial(z.strictObject(shape));
/** Input of `campaigns.update`. */
export type UpdateCampaignInput = CommandInput<z.input<typeof UpdateCampaignInputSchema>>;

const targetOf = (c: { pillarIds: readonly string[] }): PermissionTarget => ({ pillarIds: c.pillarIds });
const OFFERABLE = new Set(['approved', 'scheduled', 'offered']);
/** The events that offer the campaign's posts: whoever sends one must reach those posts. */
const OFFERING: ReadonlySet<string> = new Set(['SCHEDULE', 'START', 'RESUME']);

/**
 * Campaign commands and queries, acting as one person.
 *
 * @example
 * ```ts
 * await shift.as(masterId).campaigns.start(campaignId); // offers its posts to the targeted publishers
 * ```
 */
export interface CampaignCommands {
  /** Creates a draft campaign of posts for an audience in a time window. */
  create(input: CreateCampaignInput): Promise<Campaign>;
  /** Edits a draft campaign: only the fields given change (`campaigns.update`). */
  update(campaignId: string, input: UpdateCampaignInput): Promise<Campaign>;
  /** Schedules the campaign: every post must be approved; it starts by itself at `startsAt`. */
  schedule(campaignId: string): Promise<Campaign>;
  /** Starts it now: each post is offered to each targeted publisher with consent. */
  start(campaignId: string): Promise<Campaign>;
  /** Pauses a running campaign: until it resumes, it makes no offers and its open offers wait (none is shared). */
  pause(campaignId: string): Promise<Campaign>;
  /** Resumes a paused campaign: it offers its posts again, as starting does, and its offers can be shared. */
  resume(campaignId: string): Promise<Campaign>;
  /** Completes it; open offers expire. */
  complete(campaignId: string): Promise<Campaign>;
  /** Records that a completed campaign was evaluated (`campaigns.evaluate`); an evaluated campaign is final. */
  evaluate(campaignId: string): Promise<Campaign>;
  /** Cancels it; open offers expire. */
  cancel(campaignId: string): Promise<Campaign>;
  /** One campaign, as it is now: a scheduled one whose start has passed is started first, one past its end completed. */
  get(campaignId: string): Promise<Campaign>;
  /**
   * The campaigns this person may read (`campaigns.read`), only those in `filter.status` when it names a state. As
   * stored: a scheduled campaign whose start has passed is `scheduled` until the due run or a `get` starts it.
   */
  list(filter?: ListFilter<CampaignStatus>): Promise<Campaign[]>;
  /** The workflow events this person may send on the campaign now, the ones its command would let through. */
  allowedEvents(campaignId: string): Promise<CampaignEvent[]>;
}

/** Makes the campaign commands for one actor. */
export function campaignCommands(rt: Runtime, actorId: string): CampaignCommands {
  const loadCampaign = async (campaignId: string, start?: boolean) =>
    (await settleCampaign(rt, await load(rt, 'campaign', checkId(campaignId, 'campaignId')), start)).campaign;

  // A campaign offers its posts: whoever puts a post in one, schedules or starts it must reach the post's pillars
  // too, not only the campaign's (an editor scoped to one pillar cannot offer another pillar's posts this way).
  const reachPosts = async (actor: Actor, action: Action, postIds: readonly string[]) => {
    for (const postId of new Set(postIds))
      authorize(rt, actor, action, targetOf(await load(rt, 'post', postId)));
  };

  // An editor scoped to teams acts on the people of those teams only: everyone a campaign's audience reaches (all
  // people, its teams, the people it names, its focus groups' members) must be within them, and so must its teams.
  const reachAudience = async (actor: Actor, action: Action, audience: Campaign['audience']) => {
    if (!actor.assignments.some((a) => (a.scope?.teamIds?.length ?? 0) > 0)) return;
    if (audience.teamIds.length > 0) authorize(rt, actor, action, { teamIds: audience.teamIds });
    for (const person of await audiencePeople(rt, audience))
      authorize(rt, actor, action, { teamIds: person.teamIds });
  };

  // Every team, person and focus group the audience names must exist (NOT_FOUND): a misspelt id would reach nobody.
  const checkAudience = async (audience: Campaign['audience']) => {
    for (const [type, ids] of [
      ['team', audience.teamIds],
      ['person', audience.personIds],
      ['focus_group', audience.focusGroupIds],
    ] as const)
      for (const id of new Set(ids)) await load(rt, type, id);
  };

  const checkPosts = async ({ postIds, startsAt, endsAt }: Campaign) => {
    // A post that expires before the campaign starts (or now, for a window that started), or that is scheduled for
    // its end or later, would never be offered.
    const start = startsAt > now(rt) ? startsAt : now(rt);
    for (const [i, postId] of postIds.entries()) {
      const post = await load(rt, 'post', postId);
      if (!OFFERABLE.has(post.status))
        throw invalidTransition(
          postWorkflow,
          post,
          'OFFER',
          `Post "${post.title}" (${post.id}) is ${post.status}: a campaign offers approved posts only. Approve it, or take it out of the campaign first.`,
        );
      const late = post.scheduledAt !== undefined && post.scheduledAt >= endsAt;
      if (late || (post.expiresAt !== undefined && post.expiresAt <= start))
        throw invalidValue(
          'campaign',
          ['postIds', i],
          `Post "${post.title}" (${post.id}) ${late ? `is scheduled for ${post.scheduledAt}, not before the campaign ends at ${endsAt}: schedule it earlier, or` : `expires at ${post.expiresAt}, before the campaign could offer it:`} take it out.`,
        );
    }
  };

  // A window that has ended can never run: its offers would expire unseen (a window that started earlier may).
  const checkOpen = (what: string, endsAt: string) => {
    const at = now(rt);
    if (endsAt <= at)
      throw invalidValue(what, ['endsAt'], `It ends at ${endsAt}, not after now (${at}): set a later end.`);
  };

  const move = async (campaignId: string, event: CampaignEvent): Promise<Campaign> => {
    // The action that runs the event, as the workflow names it (`campaigns.run` for most).
    const { action } = campaignWorkflow.config.events[event].sender as { action: Action };
    const actor = await loadActor(rt, actorId);
    // A scheduled campaign whose start passed is not started lazily for START (it would then refuse the event it
    // just carried out) or CANCEL (its publishers would get offers taken back at once): the command does it.
    const campaign = await loadCampaign(campaignId, event !== 'START' && event !== 'CANCEL');
    authorize(rt, actor, action, targetOf(campaign));
    const status = nextState(campaignWorkflow, campaign, event);
    if (OFFERING.has(event)) await reachPosts(actor, action, campaign.postIds);
    await reachAudience(actor, action, campaign.audience);
    if (event === 'SCHEDULE') checkOpen('campaign', campaign.endsAt);
    let writes: EntityWrite[];
    let guards: Guard[];
    if (event === 'START' || event === 'RESUME')
      ({ writes, guards } = await startCampaignWrites(rt, campaign, event));
    else if (event === 'COMPLETE' || event === 'CANCEL')
      ({ writes, guards } = await endCampaignWrites(rt, campaign, event));
    else {
      if (event === 'SCHEDULE') await checkPosts(campaign);
      // With the guard a due run that offers a post of this campaign commits (duePostWrites): none after a pause.
      guards = [await readGuard(rt, `campaign:${campaignId}`)];
      writes = [
        entityWrite(
          'campaign',
          campaign,
          { ...campaign, status },
          campaignWorkflow.config.events[event].domainEvent,
        ),
      ];
    }
    const moved = await commitFirst<Campaign>(rt, actorId, writes, { guards });
    // Scheduled in a window that has begun: it starts at once, as the lazy start would, with its offers. The
    // schedule is done when that start fails (the storage refuses it): it returns scheduled, and the next read or
    // due run starts it.
    return event === 'SCHEDULE'
      ? settleCampaign(rt, moved).then(
          (x) => x.campaign,
          () => moved,
        )
      : moved;
  };

  return {
    async create(input) {
      const parsed = parseInput('campaign', CreateCampaignInputSchema, input);
      checkOpen('campaign', parsed.endsAt);
      const actor = await loadActor(rt, actorId);
      authorize(rt, actor, 'campaigns.create', targetOf(parsed));
      await checkStrategyRefs(rt, 'campaign', parsed);
      await checkAudience(parsed.audience);
      await reachPosts(actor, 'campaigns.create', parsed.postIds);
      await reachAudience(actor, 'campaigns.create', parsed.audience);
      const programme = (await list(rt, 'programme'))[0];
      const cycle = await newest(rt);
      const campaign: New<Campaign> = {
        ...parsed,
        postIds: [...new Set(parsed.postIds)],
        id: rt.ids.next('campaign'),
        programmeId: programme?.id ?? rt.organisationId,
        ...(cycle ? { cycleId: cycle.id } : {}),
        status: campaignWorkflow.config.initial,
      };
      return commitFirst<Campaign>(rt, actorId, [
        entityWrite('campaign', undefined, campaign, 'campaign.created', {
          pillarIds: campaign.pillarIds,
          goalIds: campaign.goalIds,
          postIds: campaign.postIds,
        }),
      ]);
    },
    async update(campaignId, input) {
      const parsed = parsePatch('campaign update', UpdateCampaignInputSchema, input);
      const patch = parsed.postIds ? { ...parsed, postIds: [...new Set(parsed.postIds)] } : parsed;
      const actor = await loadActor(rt, actorId);
      const campaign = await loadCampaign(campaignId);
      authorize(rt, actor, 'campaigns.update', targetOf(campaign));
      if (patch.pillarIds) authorize(rt, actor, 'campaigns.update', { pillarIds: patch.pillarIds });
      await checkStrategyRefs(rt, 'campaign update', patch, campaign);
      const status = nextState(campaignWorkflow, campaign, 'UPDATE');
      // The posts it adds only: the ones it holds already may stay (an edit form sends them back).
      await reachPosts(
        actor,
        'campaigns.update',
        (patch.postIds ?? []).filter((id) => !campaign.postIds.includes(id)),
      );
      // The people the campaign reaches now, too: a team's editor neither edits nor takes over another's campaign.
      await reachAudience(actor, 'campaigns.update', campaign.audience);
      if (patch.audience) {
        await checkAudience(patch.audience);
        await reachAudience(actor, 'campaigns.update', patch.audience);
      }
      const after = { ...campaign, ...patch, status };
      if (after.startsAt >= after.endsAt) {
        parseInput('campaign update', CreateCampaignInputSchema, {
          name: after.name,
          audience: after.audience,
          startsAt: after.startsAt,
          endsAt: after.endsAt,
        });
      }
      // Only a window that moves: an edit form that sends the unchanged dates back with a new name is a rename.
      if (after.startsAt !== campaign.startsAt || after.endsAt !== campaign.endsAt)
        checkOpen('campaign update', after.endsAt);
      return commitFirst<Campaign>(rt, actorId, [
        entityWrite('campaign', campaign, after, 'campaign.updated'),
      ]);
    },
    schedule: (id) => move(id, 'SCHEDULE'),
    start: (id) => move(id, 'START'),
    pause: (id) => move(id, 'PAUSE'),
    resume: (id) => move(id, 'RESUME'),
    complete: (id) => move(id, 'COMPLETE'),
    evaluate: (id) => move(id, 'EVALUATE'),
    cancel: (id) => move(id, 'CANCEL'),
    async get(campaignId) {
      const actor = await loadActor(rt, actorId);
      const campaign = await loadCampaign(campaignId);
      authorize(rt, actor, 'campaigns.read', targetOf(campaign));
      return campaign;
    },
    list: (filter) =>
      listReadable(rt, actorId, 'campaign', 'campaigns.read', targetOf, CampaignStatusSchema, filter),
    async allowedEvents(campaignId) {
      const actor = await loadActor(rt, actorId);
      const campaign = await loadCampaign(campaignId);
      if (!isAllowedFor(rt, actor, 'campaigns.read', targetOf(campaign))) return [];
      // Only what the command would let through: its audience's people, and the posts of the events that offer them.
      const events: CampaignEvent[] = [];
      for (const event of permittedEvents(rt, actor, campaignWorkflow, campaign.status, targetOf(campaign))) {
        const { action } = campaignWorkflow.config.events[event].sender as { action: Action };
        try {
          await reachAudience(actor, action, campaign.audience);
          if (OFFERING.has(event)) await reachPosts(actor, action, campaign.postIds);
          if (event === 'SCHEDULE') {
            checkOpen('', campaign.endsAt);
            await checkPosts(campaign);
          }
          events.push(event);
        } catch (error) {
          // A refusal leaves the event out; anything else (a storage's failure) is thrown.
          if (
            !isSocialShiftError(error) ||
            !['FORBIDDEN', 'VALIDATION', 'INVALID_TRANSITION'].includes(error.code)
          )
            throw error;
        }
      }
      return events;
    },
  };
}
