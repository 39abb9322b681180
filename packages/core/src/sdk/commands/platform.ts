import * as z from 'zod/mini';
import { SocialShiftError } from '../../errors/social-shift-error.js';
import type { DomainEvent, EventType } from '../../model/domain-event.js';
import { PlatformCountSchema, SYSTEM_ACTOR } from '../../model/domain-event.js';
import { IdempotencyKeySchema, IdSchema } from '../../model/primitives.js';
import type { CommandInput } from '../command-input.js';
import { mayTrack } from '../consent.js';
import type { SocialShiftEventMap } from '../event-emitter.js';
import { idempotencySlot, runIdempotent } from '../idempotency.js';
import type { Runtime } from '../runtime.js';
import { commit, load, parseInput } from '../runtime.js';

const base = { shareId: IdSchema, idempotencyKey: IdempotencyKeySchema };

/**
 * Input of `platform.recordClick`: a click on a tracked link.
 *
 * @example
 * ```ts
 * const result = RecordClickInputSchema.safeParse(formValues); // validate a form before sending the command
 * ```
 */
export const RecordClickInputSchema = z.strictObject(base);
/**
 * Input of `platform.recordReaction`.
 *
 * @example
 * ```ts
 * const result = RecordReactionInputSchema.safeParse(formValues); // validate a form before sending the command
 * ```
 */
export const RecordReactionInputSchema = z.strictObject({ ...base, count: PlatformCountSchema });
/**
 * Input of `platform.recordComment`: `byAmbassador` marks the ambassador conversing under their share.
 *
 * @example
 * ```ts
 * const result = RecordCommentInputSchema.safeParse(formValues); // validate a form before sending the command
 * ```
 */
export const RecordCommentInputSchema = z.strictObject({
  ...base,
  byAmbassador: z.boolean(),
  count: PlatformCountSchema,
});
/**
 * Input of `platform.recordReshare`.
 *
 * @example
 * ```ts
 * const result = RecordReshareInputSchema.safeParse(formValues); // validate a form before sending the command
 * ```
 */
export const RecordReshareInputSchema = z.strictObject({ ...base, count: PlatformCountSchema });
/**
 * Input of `platform.recordReach`: the reach a platform reports for the share, a whole number from 0 to a billion.
 *
 * @example
 * ```ts
 * const result = RecordReachInputSchema.safeParse(formValues); // validate a form before sending the command
 * ```
 */
export const RecordReachInputSchema = z.strictObject({
  ...base,
  // At most a billion, like a count: a retention summary sums them, and its sums must stay exact integers.
  reach: z.number().check(z.int(), z.minimum(0), z.maximum(1_000_000_000)),
});

/**
 * What happens on the platforms, recorded as the system actor: each call appends one `platform.*` event about a
 * share, with everything metrics need. Idempotent per key: a retry appends nothing and returns the first event.
 * Only while the share's publisher consents to tracking: otherwise `CONSENT_REQUIRED` and nothing is recorded.
 *
 * @example
 * ```ts
 * await shift.platform.recordReaction({ shareId, count: 3, idempotencyKey: 'li-webhook-77' });
 * ```
 */
export interface PlatformCommands {
  /** Records one click on the share's tracked link (`platform.click`). */
  recordClick(input: RecordClickInput): Promise<SocialShiftEventMap['platform.click']>;
  /** Records `count` (default 1) reactions to the share (`platform.reaction`). */
  recordReaction(input: RecordReactionInput): Promise<SocialShiftEventMap['platform.reaction']>;
  /** Records `count` (default 1) comments under the share, `byAmbassador` when the publisher wrote them (`platform.comment`). */
  recordComment(input: RecordCommentInput): Promise<SocialShiftEventMap['platform.comment']>;
  /** Records `count` (default 1) reshares of the share (`platform.reshare`). */
  recordReshare(input: RecordReshareInput): Promise<SocialShiftEventMap['platform.reshare']>;
  /** Records the reach the platform reports for the share (`platform.reach`). */
  recordReach(input: RecordReachInput): Promise<SocialShiftEventMap['platform.reach']>;
}

/** The input of `shift.platform.recordClick` (a webhook handler's type). */
export type RecordClickInput = CommandInput<z.input<typeof RecordClickInputSchema>>;
/** The input of `shift.platform.recordReaction`. */
export type RecordReactionInput = CommandInput<z.input<typeof RecordReactionInputSchema>>;
/** The input of `shift.platform.recordComment`. */
export type RecordCommentInput = CommandInput<z.input<typeof RecordCommentInputSchema>>;
/** The input of `shift.platform.recordReshare`. */
export type RecordReshareInput = CommandInput<z.input<typeof RecordReshareInputSchema>>;
/** The input of `shift.platform.recordReach`. */
export type RecordReachInput = CommandInput<z.input<typeof RecordReachInputSchema>>;

/** Makes the platform interaction commands. */
export function platformCommands(rt: Runtime): PlatformCommands {
  const record =
    <S extends z.ZodMiniType<{ shareId: string; idempotencyKey: string }>>(type: EventType, schema: S) =>
    async (input: unknown): Promise<DomainEvent> => {
      const parsed = parseInput(type, schema, input);
      const { idempotencyKey, ...rest } = parsed;
      const { shareId, ...figures } = rest;
      const slot = idempotencySlot(type, idempotencyKey, rest);
      return runIdempotent(
        rt,
        slot,
        async () => {
          const share = await load(rt, 'share', parsed.shareId);
          if (!(await mayTrack(rt, share.publisherId))) {
            throw new SocialShiftError(
              'CONSENT_REQUIRED',
              `The publisher of share "${share.id}" does not consent to tracking: nothing is recorded. Drop this interaction.`,
              { details: { personId: share.publisherId, purpose: 'tracking' } },
            );
          }
          const { events } = await commit(rt, SYSTEM_ACTOR, [], {
            loose: [
              {
                type,
                entityType: 'share',
                entityId: share.id,
                // In the payload schema's order (the share's fields, then the interaction's figures), the order
                // the CLI's fast reader expects of a log line.
                data: {
                  shareId,
                  postId: share.postId,
                  campaignId: share.campaignId,
                  publisherId: share.publisherId,
                  platform: share.platform,
                  ...figures,
                },
              },
            ],
            idempotency: { ...slot, resultWithEvents: (done) => ({ event: done.events[0] as never }) },
          });
          return events[0] as DomainEvent;
        },
        (stored) => stored.event as unknown as DomainEvent,
      );
    };
  // Each returns the stored event of its type (typed here; `record` is one function for all five).
  return {
    recordClick: record('platform.click', RecordClickInputSchema),
    recordReaction: record('platform.reaction', RecordReactionInputSchema),
    recordComment: record('platform.comment', RecordCommentInputSchema),
    recordReshare: record('platform.reshare', RecordReshareInputSchema),
    recordReach: record('platform.reach', RecordReachInputSchema),
  } as PlatformCommands;
}
