import * as vscode from 'vscode';
import type { ConvertModule } from '../../convert';

let loading: Promise<ConvertModule> | undefined;

/**
 * The converters, loaded once, on first use, from their own bundle. In the browser (vscode.dev) the bundle is read
 * through the file system API and run as VS Code runs a web extension's own code; on the desktop it is required.
 */
export function loadConverters(extensionUri: vscode.Uri): Promise<ConvertModule> {
  loading ??= (async () => {
    if (process.env.STARR_WEB === '1') {
      const file = vscode.Uri.joinPath(extensionUri, 'dist', 'web', 'convert.js');
      const code = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
      const module = { exports: {} as ConvertModule };
      new Function('module', 'exports', `${code}\n//# sourceURL=${file.toString(true)}`)(module, module.exports);
      return module.exports;
    }
    // A path known only at run time, so the bundler leaves this require to Node.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(vscode.Uri.joinPath(extensionUri, 'dist', 'convert.js').fsPath) as ConvertModule;
  })();
  loading.catch(() => (loading = undefined));
  return loading;
}
