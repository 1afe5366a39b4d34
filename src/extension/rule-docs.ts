// The rule pages shipped in the extension (docs/rules/*.md), opened inside VS Code as a Markdown preview.
//
// Why a URI scheme of our own: a diagnostic's code link is opened by the workbench's opener. In the Problems
// panel it would run a `command:` link, but in the editor's hover and the F8 problem widget it silently ignores
// one; a link the extension handles through registerUriHandler asks "Allow 'STARR Reflect' to open this URI?"
// first; and an https link asks to open an external website. A `starr-docs:` URI is opened everywhere as an editor
// of the document this provider serves, with no question; when one becomes visible it is swapped for its
// Markdown preview. The page ends with its address on the web, as a secondary link.
import * as vscode from 'vscode';
import { DOCS_SCHEME, ruleDocsUri, webUrl } from './docs-uri';
import type { Services } from './services';

export function register(services: Services): vscode.Disposable[] {
  const root = services.context.extensionUri;
  const provider: vscode.TextDocumentContentProvider = {
    async provideTextDocumentContent(uri) {
      // Only Markdown pages inside the extension; `..` cannot climb out of it (joinPath normalises).
      const file = vscode.Uri.joinPath(root, uri.path);
      const inside = file.path.startsWith(`${root.path.replace(/\/$/, '')}/`) && /\.md$/i.test(uri.path);
      try {
        if (!inside) throw new Error('not a bundled page');
        const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
        return `${text.replace(/\s*$/, '')}\n\n---\n\nThis page is part of STARR Reflect and works offline. It is also [on the web](${webUrl(uri)}).\n`;
      } catch {
        return `# Not bundled\n\nThis page is not part of the extension. You can read it [on the web](${webUrl(uri)}).\n`;
      }
    },
  };

  const showing = new Set<string>();
  /** Swap a `starr-docs:` text editor (opened from a code link) for the page's preview. */
  const swap = async (editor: vscode.TextEditor | undefined) => {
    const uri = editor?.document.uri;
    if (!uri || uri.scheme !== DOCS_SCHEME || showing.has(uri.toString())) return;
    showing.add(uri.toString());
    try {
      await vscode.commands.executeCommand('markdown.showPreview', uri);
      const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri.toString());
      await vscode.window.tabGroups.close(tabs);
    } catch (e) {
      services.log.warn(`Could not show ${uri.toString(true)} as a preview: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      showing.delete(uri.toString());
    }
  };

  return [
    vscode.workspace.registerTextDocumentContentProvider(DOCS_SCHEME, provider),
    vscode.window.onDidChangeActiveTextEditor((e) => void swap(e)),
    vscode.commands.registerCommand('starr.openRuleDocs', async (ruleId?: unknown) => {
      if (typeof ruleId !== 'string' || !/^[a-z][a-z0-9-]*$/.test(ruleId)) return false;
      await vscode.commands.executeCommand('markdown.showPreview', ruleDocsUri(ruleId));
      return true;
    }),
  ];
}
