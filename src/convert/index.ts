// Word import and export for submission: platform-free (bytes and strings in and out), so the CLI, the desktop
// extension and the browser build share it. The extension loads it as a bundle of its own (dist/convert.js,
// dist/web/convert.js) only when one of the commands runs, so the converters never slow down its start.
import { renderDocx } from './export-docx';
import { renderHtml, renderText } from './export-html';
import { prepareExport, type ExportOptions, type ExportResult } from './prepare';

export { importDocx, type ImportResult } from './import-docx';
export { type ExportFormat, type ExportOptions, type ExportResult } from './prepare';
export { MAX_DOCX_BYTES } from './limits';

/** Export an account for submission, or say why it may not be exported yet. */
export async function exportAccount(text: string, options: ExportOptions): Promise<ExportResult> {
  const prepared = prepareExport(text, options);
  if (!prepared.ok) return prepared;
  const a = prepared.account;
  const bytes = options.format === 'docx' ? await renderDocx(a, options.now) : options.format === 'html' ? renderHtml(a) : renderText(a);
  return { ok: true, bytes, notes: a.notes };
}

/** What the extension finds in the lazily loaded bundle. */
export interface ConvertModule {
  importDocx: typeof import('./import-docx').importDocx;
  exportAccount: typeof exportAccount;
}
