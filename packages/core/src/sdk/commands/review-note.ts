import * as z from 'zod/mini';
import { TextSchema } from '../../model/primitives.js';

/**
 * A review note (`note`), stored as the contribution's or post's `reviewNote`: trimmed first, then checked as it is
 * stored (clean text of at most 20,000 characters), so what fails to store is refused here on `note`, and what
 * trimming makes clean passes.
 */
// TextSchema's own checks, run after the trim (`TextSchema.check(z.trim())` would run them before it).
const note = z.string().check(z.trim(), z.minLength(1), ...(TextSchema._zod.def.checks ?? []));
/** Input of a review decision whose note is optional (`contributions.accept`, `decline`, `startReview`). */
export const NoteSchema = z.strictObject({ note: z.optional(note) });
/** Input of a request for changes (`contributions.requestChanges`, `posts.requestChanges`). */
export const RequiredNoteSchema = z.strictObject({ note });
