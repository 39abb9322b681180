import { invalidValue } from '../errors/invalid-value.js';
import { SocialShiftError } from '../errors/social-shift-error.js';
import { isId } from '../model/is-id.js';
import { isRecord } from '../model/is-record.js';
import { IdSchema } from '../model/primitives.js';
import type { Platform } from '../model/vocabulary.js';
import { PLATFORMS } from '../model/vocabulary.js';
import type { LinkTracker, TrackedLink, TrackLinkInput } from '../ports/link-tracker.js';
import type { LinkSecret } from './hmac.js';
import { constantTimeEqual, createHmacSigner } from './hmac.js';
import type { LinkShortener } from './link-shortener.js';
import { SHARER_TOKEN_LENGTH, sharerToken } from './sharer-token.js';
import { checkTrackInput, TRACK_WHAT } from './track-input.js';
import { SHARER_PARAM, SIGNATURE_PARAM, SOCIAL_UTM_MEDIUM, sharedLink, untracked } from './utm.js';

/** Length of a link signature: 22 base64url characters (132 bits of HMAC-SHA-256). */
const SIGNATURE_LENGTH = 22;
/** Longest input the resolver reads; anything longer is rejected before parsing. */
const MAX_INPUT_LENGTH = 4_096;

/** Options of {@link createLinkTracker}. */
export interface LinkTrackerOptions {
  /** The organisation's secret (at least 32 bytes). Keep it out of the browser: it signs every link. */
  readonly secret: LinkSecret;
  /** Turns tracked links into short ones; the tracker then hands out the short URL. */
  readonly shortener?: LinkShortener | undefined;
}

/** What an incoming tracked link says, once its signature checks out. */
export interface LinkAttribution {
  readonly organisationId: string;
  readonly campaignId: string;
  readonly postId: string;
  readonly platform: Platform;
  /** The opaque sharer token; find the share that carries it to know which offer it belongs to. */
  readonly sharerToken: string;
  /** The post's own link, with the tracking parameters removed: where to send the visitor. */
  readonly destination: string;
}

/** Options of {@link TrackingLinks.resolve}. */
export interface ResolveLinkOptions {
  /** The organisation the link must belong to (the secret and this id both go into the signature). */
  readonly organisationId: string;
}

/** A {@link LinkTracker} that can also read its links back. */
export interface TrackingLinks extends LinkTracker {
  /**
   * The sharer token of a publisher in an organisation (what every link they share carries). Throws `VALIDATION`
   * for an id that is missing, empty or holds a NUL character.
   */
  sharerToken(organisationId: string, publisherId: string): Promise<string>;
  /**
   * Turns an incoming tracked URL, short URL or short code into its attribution. Throws `INVALID_LINK` (with
   * `details.reason`) when a parameter is missing, repeated, malformed or forged; it records nothing itself.
   */
  resolve(input: string, options: ResolveLinkOptions): Promise<LinkAttribution>;
}

/**
 * The tagging half of {@link createLinkTracker} (`track` and `sharerToken`, and the signature it shares with
 * `resolve`): all the SDK itself needs to tag the links of shares, so the SDK's bundle carries no resolver.
 */
export function linkTagger(options: LinkTrackerOptions): Omit<TrackingLinks, 'resolve'> & {
  signature(
    organisationId: string,
    campaignId: string,
    postId: string,
    platform: string,
    token: string,
  ): Promise<string>;
} {
  const signer = createHmacSigner(options.secret);
  const shortener = options.shortener;

  const signature = async (
    organisationId: string,
    campaignId: string,
    postId: string,
    platform: string,
    token: string,
  ): Promise<string> =>
    (await signer.sign(['link', organisationId, campaignId, postId, platform, token])).slice(
      0,
      SIGNATURE_LENGTH,
    );

  const tokenOf = (organisationId: string, publisherId: string): Promise<string> =>
    sharerToken(signer, organisationId, publisherId);

  async function track(input: TrackLinkInput): Promise<TrackedLink> {
    checkTrackInput(input);
    for (const field of ['organisationId', 'campaignId', 'postId', 'publisherId'] as const) {
      if (!isId(input[field])) {
        throw invalidValue(TRACK_WHAT, [field], 'Use 1 to 64 letters, digits, "_" or "-".');
      }
    }
    if (!(PLATFORMS as readonly string[]).includes(input.platform)) {
      throw invalidValue(TRACK_WHAT, ['platform'], `Use one of ${PLATFORMS.join(', ')}.`);
    }
    const token = await tokenOf(input.organisationId, input.publisherId);
    if (input.link === undefined) return { url: undefined, sharerToken: token };
    const sig = await signature(input.organisationId, input.campaignId, input.postId, input.platform, token);
    // A token and a signature are base64url: nothing to encode.
    const full = sharedLink(input.link, input, `${token}&${SIGNATURE_PARAM}=${sig}`);
    return { url: shortener === undefined ? full : await shortener.shorten(full), sharerToken: token };
  }

  return { track, sharerToken: tokenOf, signature };
}

/**
 * Makes the SDK's link tracker: every shared link gets UTM tags (`utm_source` = platform, `utm_medium` =
 * `social`, `utm_campaign` = campaign id, `utm_content` = post id), an opaque sharer token (`ss_ref`) and a
 * signature (`ss_sig`, HMAC-SHA-256 over organisation, campaign, post, platform and sharer token), so a
 * forged or edited link is rejected by {@link TrackingLinks.resolve}.
 *
 * @example
 * ```ts
 * const tracker = createLinkTracker({ secret: process.env.LINK_SECRET! });
 * const { url } = await tracker.track({
 *   organisationId: 'org_1', link: 'https://example.org/jobs', platform: 'linkedin',
 *   campaignId: 'campaign_1', postId: 'post_1', publisherId: 'person_7',
 * });
 * const attribution = await tracker.resolve(url!, { organisationId: 'org_1' });
 * attribution.postId; // 'post_1'
 * ```
 */
export function createLinkTracker(options: LinkTrackerOptions): TrackingLinks {
  // Checked here, not in the tagger the SDK's bundle carries (which gets only a secret): a missing object or a
  // shortener that is none would be a TypeError at the first share or click.
  if (!isRecord(options))
    throw invalidValue(
      'link tracker options',
      [],
      "Pass { secret }, the organisation's secret of at least 32 bytes.",
    );
  const given: unknown = options.shortener;
  if (
    given !== undefined &&
    (!isRecord(given) || typeof given.shorten !== 'function' || typeof given.expand !== 'function')
  )
    throw invalidValue(
      'link tracker options',
      ['shortener'],
      'Give an object with shorten(url) and expand(codeOrUrl), such as createMemoryShortener({ baseUrl }), or leave it out.',
    );
  const { signature, ...tagger } = linkTagger(options);
  const shortener = options.shortener;

  async function resolve(input: string, resolveOptions: ResolveLinkOptions): Promise<LinkAttribution> {
    const organisationId = resolveOptions?.organisationId;
    // The caller's own mistake, not a bad link: checked before the link.
    if (!IdSchema.safeParse(organisationId).success)
      throw invalidValue(
        'link to resolve',
        ['organisationId'],
        'Pass the id of the organisation the link is for.',
      );
    if (typeof input !== 'string') throw invalid('not-a-url', 'Pass the link as a string.');
    if (input.length > MAX_INPUT_LENGTH) {
      throw invalid('too-long', `Links longer than ${MAX_INPUT_LENGTH} characters are not ours.`);
    }
    let text = input.trim();
    if (text === '') throw invalid('not-a-url', 'Pass the tracked link: it is empty.');
    if (!text.includes(`${SIGNATURE_PARAM}=`) && shortener !== undefined) {
      const expanded = await shortener.expand(text);
      // Unknown: `undefined`, or `null` from a store that answers so for a missing key.
      if (expanded == null) throw invalid('unknown-short-code', 'This short link is unknown.');
      text = expanded;
    }
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      throw invalid('not-a-url', 'Pass the full tracked URL (or a short code when a shortener is set).');
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      throw invalid('not-a-url', 'A tracked link is an http:// or https:// URL.');
    }
    // A UTM tag may come twice: tools that re-share a link append their own (utm_source=buffer), and ours come
    // first, which the signature then checks. The link's own parameters may not.
    const single = (name: string): string => {
      const values = url.searchParams.getAll(name);
      if (values.length === 0) throw invalid('missing-parameter', `The link has no ${name} parameter.`);
      if (values.length > 1 && !name.startsWith('utm_'))
        throw invalid('duplicate-parameter', `The link has ${name} more than once.`);
      return values[0] as string;
    };
    const source = single('utm_source');
    const medium = single('utm_medium');
    const campaignId = single('utm_campaign');
    const postId = single('utm_content');
    const token = single(SHARER_PARAM);
    const sig = single(SIGNATURE_PARAM);
    if (!(PLATFORMS as readonly string[]).includes(source)) {
      throw invalid('malformed-parameter', 'utm_source is not a known platform.');
    }
    if (medium !== SOCIAL_UTM_MEDIUM) throw invalid('malformed-parameter', 'utm_medium is not "social".');
    if (!IdSchema.safeParse(campaignId).success || !IdSchema.safeParse(postId).success) {
      throw invalid('malformed-parameter', 'utm_campaign and utm_content must be ids.');
    }
    if (!/^[A-Za-z0-9_-]+$/.test(token) || token.length !== SHARER_TOKEN_LENGTH) {
      throw invalid('malformed-parameter', `${SHARER_PARAM} is not a sharer token.`);
    }
    if (!/^[A-Za-z0-9_-]+$/.test(sig) || sig.length !== SIGNATURE_LENGTH) {
      throw invalid('malformed-parameter', `${SIGNATURE_PARAM} is not a link signature.`);
    }
    const expected = await signature(organisationId, campaignId, postId, source, token);
    if (!constantTimeEqual(expected, sig)) {
      throw invalid('bad-signature', 'The link was edited or forged: its signature does not match.');
    }
    const destination = new URL(url.href);
    // With its `?` (see tagWithUtm): a query's first pair may start with one of its own.
    const kept = untracked(url).join('&');
    destination.search = kept && `?${kept}`;
    return {
      organisationId,
      campaignId,
      postId,
      platform: source as Platform,
      sharerToken: token,
      destination: destination.toString(),
    };
  }

  // Checked here, not in the tagger the SDK's bundle carries: an unset id would join into the signed text as "", and
  // a NUL would make two pairs of ids sign alike, so either would hand out a token that stands for someone else.
  async function tokenOf(organisationId: string, publisherId: string): Promise<string> {
    for (const [field, value] of [
      ['organisationId', organisationId],
      ['publisherId', publisherId],
    ] as const)
      if (typeof value !== 'string' || value === '' || value.includes('\u0000'))
        throw invalidValue('ids for a sharer token', [field], 'Pass a non-empty id without NUL characters.');
    return tagger.sharerToken(organisationId, publisherId);
  }

  return { ...tagger, sharerToken: tokenOf, resolve };
}

function invalid(reason: string, message: string): SocialShiftError<'INVALID_LINK'> {
  return new SocialShiftError('INVALID_LINK', message, { details: { reason } });
}
