/** The title of a guide: its first `# ` heading, else its id. */
export function docTitle(entry: { id: string; body?: string | undefined }): string {
  const heading = entry.body?.match(/^#\s+(.+)$/m)?.[1];
  return heading?.trim() ?? entry.id;
}
