/**
 * The title of a guide: the text of its first `# ` heading, else its id. The heading's inline Markdown is dropped
 * (`` `code` ``, `**strong**`, `*emphasis*`, `[text](link)`, closing `#`s): the title is shown as plain text, in the
 * Docs index's links and the page's `<title>`.
 */
export function docTitle(entry: { id: string; body?: string | undefined }): string {
  const heading = entry.body?.match(/^#\s+(.+)$/m)?.[1];
  if (heading === undefined) return entry.id;
  return heading
    .replace(/\s+#+\s*$/, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`+([^`]*?)`+/g, '$1')
    .replace(/(\*{1,2})(\S(?:.*?\S)?)\1/g, '$2')
    .trim();
}
