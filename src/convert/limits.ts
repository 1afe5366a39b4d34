/**
 * The largest Word document STARR imports. An account is a few pages of text (well under 1 MB); anything far
 * larger is mostly pictures, which are left out anyway, and reading it would hold up the editor.
 */
export const MAX_DOCX_BYTES = 20 * 1024 * 1024;

/** "20 MB", "340 KB", "12 bytes". */
export function formatSize(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} bytes`;
}
