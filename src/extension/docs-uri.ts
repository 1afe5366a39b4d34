// Where a rule's page is: bundled in the extension (a `starr-docs:` URI, opened as a Markdown preview by the
// rule-docs feature), and on the web (the secondary link).
import * as vscode from 'vscode';
import { DOCS_BASE } from '../core/rule';

export const DOCS_SCHEME = 'starr-docs';
const WEB_ROOT = DOCS_BASE.replace(/docs\/rules\/$/, '');

/** The bundled page of a rule, as a URI the editor opens inside VS Code. */
export function ruleDocsUri(ruleId: string): vscode.Uri {
  return vscode.Uri.from({ scheme: DOCS_SCHEME, path: `/docs/rules/${ruleId}.md` });
}

/** A bundled page's address on the web (the repository). */
export function webUrl(uri: vscode.Uri): string {
  return `${WEB_ROOT}${uri.path.replace(/^\//, '')}`;
}
