import * as z from 'zod/mini';
import type { Contribution } from '../../model/contribution.js';
import { ContributionSchema } from '../../model/contribution.js';
import type { ContributionStatus } from '../../model/vocabulary.js';
import { ContributionStatusSchema } from '../../model/vocabulary.js';
import type { Action } from '../../roles/permission-table.js';
import type { Actor, PermissionTarget } from '../../roles/role-check.js';
import { ambassadorWorkflow } from '../../workflows/ambassador.js';
import { contributionWorkflow } from '../../workflows/contribution.js';
import type { CommandInput } from '../command-input.js';
import { readGuard } from '../guards.js';
import type { EntityWrite, ListFilter, New, Runtime } from '../runtime.js';
import {
  authorize,
  checkId,
  commitFirst,
  entityWrite,
  isAllowedFor,
  listReadable,
  load,
  loadActor,
  nextState,
  now,
  parseInput,
  parsePatch,
  permittedEvents,
} from '../runtime.js';
import { NoteSchema, RequiredNoteSchema } from './review-note.js';
import { checkStrategyRefs } from './strategy.js';

/** The events of the contribution workflow. */
export type ContributionEvent = (typeof contributionWorkflow.events)[number];

const fields = { kind: true, title: true, body: true, mediaUrls: true, pillarIds: true, tags: true } as const;
/**
 * Input of `contributions.create`.
 *
 * @example
 * ```ts
 * const result = CreateContributionInputSchema.safeParse(formValues); // validate a form before sending the command
 * ```
 */
export const CreateContributionInputSchema = z.pick(ContributionSchema, fields);
/** Input of `contributions.create`, before defaults. */
export type CreateContributionInput = CommandInput<z.input<typeof CreateContributionInputSchema>>;
/**
 * Input of `contributions.update`.
 *
 * @example
 * ```ts
 * const result = UpdateContributionInputSchema.safeParse(formValues); // validate a form before sending the command
 * ```
 */
export const UpdateContributionInputSchema = z.partial(z.pick(ContributionSchema, fields));
/** Input of `contributions.update`. */
export type UpdateContributionInput = CommandInput<z.input<typeof UpdateContributionInputSchema>>;

const targetOf = (c: Contribution): PermissionTarget => ({ pillarIds: c.pillarIds, ownerId: c.creatorId });

/**
 * Contribution commands and queries, acting as one person.
 *
 * @example
 * ```ts
 * const c = await shift.as(creatorId).contributions.create({ kind: 'photo', title: 'Ward 3', pillarIds: ['pillar_care'] });
 * await shift.as(creatorId).contributions.submit(c.id);
 * ```
 */
export interface ContributionCommands {
  /** A creator adds raw material (draft), for pillars within their scope. */
  create(input: CreateContributionInput): Promise<Contribution>;
  /** Edits a draft (or one sent back for changes): only the fields given change. */
  update(contributionId: string, input: UpdateContributionInput): Promise<Contribution>;
  /** Submits (or resubmits) for review. */
  submit(contributionId: string): Promise<Contribution>;
  /** Takes a submitted contribution into review; the acting person becomes its reviewer. */
  startReview(contributionId: string): Promise<Contribution>;
  /** Accepts a contribution in review, with an optional note: a post can now be written from it. */
  accept(contributionId: string, input?: { note?: string | undefined }): Promise<Contribution>;
  /** Sends a contribution in review back to its creator with a note (required) saying what to change. */
  requestChanges(contributionId: string, input: { note: string }): Promise<Contribution>;
  /** Declines a contribution in review, with an optional note. */
  decline(contributionId: string, input?: { note?: string | undefined }): Promise<Contribution>;
  /** Archives a contribution (not one submitted or in review); archived is final. */
  archive(contributionId: string): Promise<Contribution>;
  /** One contribution this person may read (`contributions.read`). */
  get(contributionId: string): Promise<Contribution>;
  /**
   * The contributions this person may read (a creator: their own), only those in `filter.status` when it names a
   * state (an editor's queue: `{ status: 'submitted' }`).
   */
  list(filter?: ListFilter<ContributionStatus>): Promise<Contribution[]>;
  /** The workflow events this person may send on the contribution now. */
  allowedEvents(contributionId: string): Promise<ContributionEvent[]>;
}

/** Makes the contribution commands for one actor. */
export function contributionCommands(rt: Runtime, actorId: string): ContributionCommands {
  const move = async (
    contributionId: string,
    event: ContributionEvent,
    change: (c: Contribution, actor: Actor) => Partial<Contribution>,
    data: (c: Contribution, actor: Actor) => Record<string, unknown> = () => ({}),
  ): Promise<Contribution> => {
    // The action that sends the event, as the workflow names it.
    const { action } = contributionWorkflow.config.events[event].sender as { action: Action };
    // Submitting is activity: it commits the guard a due run reads before it marks the creator dormant (ADR 106),
    // read before the creator, so a run that marks them dormant after this read makes the submission a CONFLICT
    // (run again, it finds them dormant and reactivates them). Other events pass no options, so an update that
    // changes nothing writes nothing.
    const options = event === 'SUBMIT' ? { guards: [await readGuard(rt, `shares:${actorId}`)] } : undefined;
    const actor = await loadActor(rt, actorId);
    const contribution = await load(rt, 'contribution', checkId(contributionId, 'contributionId'));
    authorize(rt, actor, action, targetOf(contribution));
    const changed = change(contribution, actor);
    if (changed.pillarIds) authorize(rt, actor, 'contributions.create', { pillarIds: changed.pillarIds });
    await checkStrategyRefs(rt, 'contribution update', changed, contribution);
    const status = nextState(contributionWorkflow, contribution, event);
    const writes: EntityWrite[] = [
      entityWrite(
        'contribution',
        contribution,
        { ...contribution, ...changed, status },
        contributionWorkflow.config.events[event].domainEvent,
        data(contribution, actor),
      ),
    ];
    // Submitting is activity: a dormant creator is active again.
    if (options && ambassadorWorkflow.next(actor.person.status, 'REACTIVATE') !== undefined) {
      writes.push(
        entityWrite(
          'person',
          actor.person,
          { ...actor.person, status: 'active', lastActiveAt: now(rt) },
          'person.reactivated',
        ),
      );
    }
    return commitFirst<Contribution>(rt, actorId, writes, options);
  };
  const review =
    (event: ContributionEvent, schema: z.ZodMiniType<{ note?: string | undefined }>) =>
    async (contributionId: string, input: unknown = {}) => {
      const { note } = parseInput('review note', schema, input);
      return move(
        contributionId,
        event,
        // A decision without a note drops the note of an earlier request for changes (as approving a post does);
        // starting a review keeps it for the reviewer.
        (c, actor) => ({
          reviewerId: actor.person.id,
          reviewNote: event === 'START_REVIEW' ? c.reviewNote : note,
        }),
        (_c, actor) => ({ reviewerId: actor.person.id }),
      );
    };

  return {
    async create(input) {
      const parsed = parseInput('contribution', CreateContributionInputSchema, input);
      const actor = await loadActor(rt, actorId);
      authorize(rt, actor, 'contributions.create', { pillarIds: parsed.pillarIds, ownerId: actor.person.id });
      await checkStrategyRefs(rt, 'contribution', parsed);
      const contribution: New<Contribution> = {
        ...parsed,
        id: rt.ids.next('contribution'),
        creatorId: actor.person.id,
        status: contributionWorkflow.config.initial,
        postIds: [],
      };
      return commitFirst<Contribution>(rt, actorId, [
        entityWrite('contribution', undefined, contribution, 'contribution.created', {
          creatorId: actor.person.id,
          kind: parsed.kind,
          pillarIds: parsed.pillarIds,
        }),
      ]);
    },
    update: async (contributionId, input) => {
      const patch = parsePatch('contribution update', UpdateContributionInputSchema, input);
      return move(contributionId, 'UPDATE', () => patch);
    },
    submit: (contributionId) =>
      move(
        contributionId,
        'SUBMIT',
        () => ({ submittedAt: now(rt) }),
        (c) => ({ creatorId: c.creatorId }),
      ),
    startReview: (contributionId) => review('START_REVIEW', NoteSchema)(contributionId),
    accept: review('ACCEPT', NoteSchema),
    requestChanges: review('REQUEST_CHANGES', RequiredNoteSchema),
    decline: review('DECLINE', NoteSchema),
    archive: (contributionId) => move(contributionId, 'ARCHIVE', () => ({})),
    async get(contributionId) {
      const actor = await loadActor(rt, actorId);
      const contribution = await load(rt, 'contribution', checkId(contributionId, 'contributionId'));
      authorize(rt, actor, 'contributions.read', targetOf(contribution));
      return contribution;
    },
    list: (filter) =>
      listReadable(
        rt,
        actorId,
        'contribution',
        'contributions.read',
        targetOf,
        ContributionStatusSchema,
        filter,
      ),
    async allowedEvents(contributionId) {
      const actor = await loadActor(rt, actorId);
      const contribution = await load(rt, 'contribution', checkId(contributionId, 'contributionId'));
      if (!isAllowedFor(rt, actor, 'contributions.read', targetOf(contribution))) return [];
      return permittedEvents(rt, actor, contributionWorkflow, contribution.status, targetOf(contribution));
    },
  };
}
