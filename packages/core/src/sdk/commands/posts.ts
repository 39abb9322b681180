import * as z from 'zod/mini';
import { invalidValue } from '../../errors/invalid-value.js';
import type { Contribution } from '../../model/contribution.js';
import type { Post } from '../../model/post.js';
import { PostSchema } from '../../model/post.js';
import { TimestampSchema } from '../../model/primitives.js';
import type { PostStatus } from '../../model/vocabulary.js';
import { PostStatusSchema } from '../../model/vocabulary.js';
import type { Action } from '../../roles/permission-table.js';
import type { Actor, PermissionTarget } from '../../roles/role-check.js';
import { contributionWorkflow } from '../../workflows/contribution.js';
import { postWorkflow } from '../../workflows/post.js';
import { endPostWrites } from '../cascades.js';
import type { CommandInput } from '../command-input.js';
import { settlePost } from '../due-transitions.js';
import type { EntityWrite, ListFilter, New, Runtime } from '../runtime.js';
import {
  authorize,
  checkId,
  commitFirst,
  entityWrite,
  forbidden,
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
import { RequiredNoteSchema } from './review-note.js';
import { checkStrategyRefs } from './strategy.js';

/** The events of the post workflow. */
export type PostEvent = (typeof postWorkflow.events)[number];

const fields = {
  title: true,
  text: true,
  variants: true,
  link: true,
  mediaUrls: true,
  pillarIds: true,
  goalIds: true,
  audienceIds: true,
  tags: true,
  needs: true,
  personal: true,
  language: true,
  expiresAt: true,
} as const;

/**
 * Input of `posts.create`.
 *
 * @example
 * ```ts
 * const result = CreatePostInputSchema.safeParse(formValues); // validate a form before sending the command
 * ```
 */
export const CreatePostInputSchema = z.pick(PostSchema, { ...fields, contributionIds: true });
/** Input of `posts.create`, before defaults. */
export type CreatePostInput = CommandInput<z.input<typeof CreatePostInputSchema>>;
/**
 * Input of `posts.update`: any editable field.
 *
 * @example
 * ```ts
 * const result = UpdatePostInputSchema.safeParse(formValues); // validate a form before sending the command
 * ```
 */
export const UpdatePostInputSchema = z.partial(z.pick(PostSchema, fields));
/** Input of `posts.update`. */
export type UpdatePostInput = CommandInput<z.input<typeof UpdatePostInputSchema>>;
const ScheduleSchema = z.strictObject({ at: TimestampSchema });

const targetOf = (post: { pillarIds: readonly string[]; authorId?: string }): PermissionTarget => ({
  pillarIds: post.pillarIds,
  ownerId: post.authorId,
});

/**
 * Post commands and queries, acting as one person.
 *
 * @example
 * ```ts
 * await shift.as(editorId).posts.allowedEvents(postId); // ['UPDATE', 'SUBMIT', 'ARCHIVE']
 * ```
 */
export interface PostCommands {
  /** Writes a post (draft). Accepted contributions it names move to `used`. */
  create(input: CreatePostInput): Promise<Post>;
  /** Edits a draft (or a post sent back for changes). */
  update(postId: string, input: UpdatePostInput): Promise<Post>;
  /** Submits the post for review. */
  submit(postId: string): Promise<Post>;
  /** Approves the post (four-eyes rule: not by whoever wrote, changed or submitted it, unless configured off). */
  approve(postId: string): Promise<Post>;
  /** Sends the post back to its author with a note. */
  requestChanges(postId: string, input: { note: string }): Promise<Post>;
  /** Plans an approved post for a time, or moves the time of a scheduled post. */
  schedule(postId: string, input: { at: string }): Promise<Post>;
  /** Withdraws the post; its open offers expire. */
  withdraw(postId: string): Promise<Post>;
  /** Archives the post. */
  archive(postId: string): Promise<Post>;
  /** One post this person may read (`posts.read`). */
  get(postId: string): Promise<Post>;
  /** The posts this person may read (`posts.read`), only those in `filter.status` when it names a state. */
  list(filter?: ListFilter<PostStatus>): Promise<Post[]>;
  /** The workflow events this person may send on the post now. */
  allowedEvents(postId: string): Promise<PostEvent[]>;
}

/** Makes the post commands for one actor. */
export function postCommands(rt: Runtime, actorId: string): PostCommands {
  // The four-eyes rule: nobody approves what they wrote. Not only the author: whoever changed or submitted the post
  // (another editor may do both) is one of its writers too.
  const fourEyesBlocks = async (actor: Actor, post: Post): Promise<boolean> => {
    if (!rt.fourEyes) return false;
    if (post.authorId === actor.person.id) return true;
    const written = await rt.storage.readEvents(rt.organisationId, {
      entityId: post.id,
      types: ['post.updated', 'post.submitted'],
    });
    return written.some((event) => event.actorId === actor.person.id);
  };

  // A post past its expiry can never be offered: writing, submitting or approving it would be work for nothing.
  const expired = (expiresAt: string | undefined) => expiresAt !== undefined && expiresAt <= now(rt);
  // A reviewer cannot change the expiry of a post in review: they send it back, and its author sets a later one.
  const checkExpiry = (expiresAt: string | undefined) => {
    if (expired(expiresAt))
      throw invalidValue(
        'post',
        ['expiresAt'],
        `It expires at ${expiresAt}, not after now (${now(rt)}): set a later expiry (in review: request changes first).`,
      );
  };

  const loadPost = async (postId: string) => (await settlePost(rt, await load(rt, 'post', postId))).post;

  const move = async (
    postId: string,
    event: PostEvent,
    change: (post: Post, actor: Actor) => Partial<Post>,
    data: (actor: Actor) => Record<string, unknown> = () => ({}),
  ): Promise<Post> => {
    // The action that sends the event, as the workflow names it.
    const { action } = postWorkflow.config.events[event].sender as { action: Action };
    const actor = await loadActor(rt, actorId);
    const post = await loadPost(postId);
    authorize(rt, actor, action, targetOf(post));
    if (event === 'APPROVE' && (await fourEyesBlocks(actor, post))) {
      throw forbidden(
        actor,
        action,
        'The four-eyes rule stops whoever wrote, changed or submitted a post approving it: ask another editor or the master to approve it.',
      );
    }
    const status = nextState(postWorkflow, post, event);
    const changed = change(post, actor);
    if (event === 'UPDATE' || event === 'SUBMIT' || event === 'APPROVE')
      checkExpiry(changed.expiresAt ?? post.expiresAt);
    if (changed.pillarIds) authorize(rt, actor, action, targetOf({ ...post, pillarIds: changed.pillarIds }));
    await checkStrategyRefs(rt, 'post update', changed, post);
    const writes: EntityWrite[] =
      event === 'WITHDRAW'
        ? await endPostWrites(rt, post, 'WITHDRAW')
        : [
            entityWrite(
              'post',
              post,
              { ...post, ...changed, status },
              postWorkflow.config.events[event].domainEvent,
              data(actor),
            ),
          ];
    return commitFirst<Post>(rt, actorId, writes);
  };

  return {
    async create(input) {
      const actor = await loadActor(rt, actorId);
      const parsed = parseInput('post', CreatePostInputSchema, input);
      authorize(rt, actor, 'posts.create', { pillarIds: parsed.pillarIds, ownerId: actor.person.id });
      checkExpiry(parsed.expiresAt);
      await checkStrategyRefs(rt, 'post', parsed);
      const contributions: Contribution[] = [];
      for (const id of [...new Set(parsed.contributionIds)]) {
        const contribution = await load(rt, 'contribution', id);
        authorize(rt, actor, 'contributions.read', {
          pillarIds: contribution.pillarIds,
          ownerId: contribution.creatorId,
        });
        nextState(contributionWorkflow, contribution, 'USE');
        contributions.push(contribution);
      }
      const post: New<Post> = {
        ...parsed,
        contributionIds: contributions.map((c) => c.id),
        id: rt.ids.next('post'),
        authorId: actor.person.id,
        status: postWorkflow.config.initial,
      };
      const writes: EntityWrite[] = [
        entityWrite('post', undefined, post, 'post.created', {
          authorId: post.authorId,
          pillarIds: post.pillarIds,
          goalIds: post.goalIds,
          audienceIds: post.audienceIds,
          contributionIds: post.contributionIds,
        }),
        ...contributions.map((c) =>
          entityWrite(
            'contribution',
            c,
            { ...c, status: 'used' as const, postIds: [...c.postIds, post.id] },
            'contribution.used',
            { postId: post.id },
          ),
        ),
      ];
      return commitFirst<Post>(rt, actorId, writes);
    },
    update: async (postId, input) => {
      const patch = parsePatch('post update', UpdatePostInputSchema, input);
      return move(checkId(postId, 'postId'), 'UPDATE', () => patch);
    },
    submit: (postId) => move(postId, 'SUBMIT', () => ({})),
    approve: (postId) =>
      move(
        postId,
        'APPROVE',
        (_post, actor) => ({ approvedBy: actor.person.id, reviewNote: undefined }),
        (actor) => ({ approverId: actor.person.id }),
      ),
    requestChanges: async (postId, input) => {
      const { note } = parseInput('review note', RequiredNoteSchema, input);
      return move(
        postId,
        'REQUEST_CHANGES',
        () => ({ reviewNote: note }),
        (actor) => ({ reviewerId: actor.person.id }),
      );
    },
    schedule: async (postId, input) => {
      const { at } = parseInput('schedule', ScheduleSchema, input);
      return move(
        postId,
        'SCHEDULE',
        (post) => {
          // A post offered at or after its end would expire unseen.
          if (post.expiresAt !== undefined && at >= post.expiresAt)
            throw invalidValue(
              'schedule',
              ['at'],
              `Use a time before the post expires, at ${post.expiresAt}.`,
            );
          return { scheduledAt: at };
        },
        () => ({ scheduledAt: at }),
      );
    },
    withdraw: (postId) => move(postId, 'WITHDRAW', () => ({})),
    archive: (postId) => move(postId, 'ARCHIVE', () => ({})),
    async get(postId) {
      const actor = await loadActor(rt, actorId);
      const post = await loadPost(postId);
      authorize(rt, actor, 'posts.read', targetOf(post));
      return post;
    },
    list: (filter) => listReadable(rt, actorId, 'post', 'posts.read', targetOf, PostStatusSchema, filter),
    async allowedEvents(postId) {
      const actor = await loadActor(rt, actorId);
      const post = await loadPost(postId);
      if (!isAllowedFor(rt, actor, 'posts.read', targetOf(post))) return [];
      const blocked = await fourEyesBlocks(actor, post);
      // OFFER is never listed: no command offers a post by itself. A campaign offers its posts (start, resume, a
      // scheduled post at its time), so campaigns.allowedEvents says when (START, RESUME) for the whole campaign.
      // Past its expiry a post is neither submitted nor approved (checkExpiry): UPDATE, to a later expiry, comes first.
      const late = expired(post.expiresAt);
      return permittedEvents(rt, actor, postWorkflow, post.status, targetOf(post), (event) =>
        event === 'APPROVE' ? !blocked && !late : event === 'SUBMIT' ? !late : event !== 'OFFER',
      );
    },
  };
}
