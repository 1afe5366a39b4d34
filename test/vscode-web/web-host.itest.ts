// What makes this run the browser build's: the extension host is a web worker, and the extension runs in it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, activateExtension, probes } from '../vscode/suite/helpers';

describe('STARR Reflect in the browser (web worker) extension host', () => {
  it('runs in a web worker, with the extension loaded from its browser bundle', async () => {
    const scope = globalThis as unknown as { WorkerGlobalScope?: new () => unknown; process?: unknown };
    assert.ok(scope.WorkerGlobalScope && globalThis instanceof scope.WorkerGlobalScope, 'the extension host is a web worker');
    assert.equal(typeof scope.process, 'undefined', 'no Node process here');
    const ext = await activateExtension();
    assert.equal(ext.id, EXTENSION_ID);
    // In code-server, an extension in the remote (Node) host is a Workspace one; in the browser's host, a UI one.
    assert.equal(ext.extensionKind, vscode.ExtensionKind.UI);
    assert.equal(ext.packageJSON.browser, './dist/web/extension.js');
    assert.ok((await probes()).stats().activationMs >= 0, 'activated, with its probes');
  });
});
