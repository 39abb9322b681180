import { invalidValue } from '../errors/invalid-value.js';
import { isRecord } from '../model/is-record.js';
import { PLATFORMS } from '../model/vocabulary.js';
import { checkHttpLink } from './track-input.js';
import { tagWithUtm, type UtmTags } from './utm.js';

/** What `addUtmTags` errors name: `Invalid link to tag: tags.source: …`. */
const WHAT = 'link to tag';

/**
 * Adds UTM tags to a URL: `utm_source` = platform, `utm_medium` = `social`, `utm_campaign` = campaign id,
 * `utm_content` = post id. Existing query parameters and the fragment are kept; the link's earlier values of these
 * four are replaced, and its own `utm_term`, `utm_id`, `ss_ref` and `ss_sig` are dropped. Throws `VALIDATION`
 * naming the argument unless `link` is an absolute http:// or https:// URL (a `javascript:` link is never tagged and
 * handed back), `tags` an object, `tags.source` one of `PLATFORMS`, and `tags.campaign` and `tags.content`
 * non-empty strings.
 *
 * @example
 * ```ts
 * addUtmTags('https://example.org/jobs?x=1', { source: 'linkedin', campaign: 'campaign_1', content: 'post_1' });
 * // 'https://example.org/jobs?x=1&utm_source=linkedin&utm_medium=social&utm_campaign=campaign_1&utm_content=post_1'
 * ```
 */
export function addUtmTags(link: string, tags: UtmTags): string {
  checkHttpLink(link, WHAT);
  if (!isRecord(tags)) throw invalidValue(WHAT, ['tags'], 'Pass { source, campaign, content }.');
  if (!PLATFORMS.includes(tags.source))
    throw invalidValue(WHAT, ['tags', 'source'], `Use one of ${PLATFORMS.join(', ')}.`);
  for (const field of ['campaign', 'content'] as const)
    if (typeof tags[field] !== 'string' || tags[field] === '')
      throw invalidValue(
        WHAT,
        ['tags', field],
        `Use a non-empty string: the ${field === 'campaign' ? 'campaign' : 'post'} id.`,
      );
  return tagWithUtm(link, tags);
}
