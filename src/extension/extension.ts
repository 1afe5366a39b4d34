// The extension's entry point: it only wires services to features. Each feature registers itself.
import './web-shim';
import * as vscode from 'vscode';
import { createServices, type Feature } from './services';
import { Log } from './log';
import type { Probes } from './probes';
import { register as diagnostics } from './diagnostics';
import { register as codeActions } from './code-actions';
import { register as hover } from './hover';
import { register as statusBar } from './status-bar';
import { register as commands } from './commands';
import { register as feedback } from './feedback';
import { register as report } from './report';
import { register as coverage } from './coverage';
import { register as inferredSections } from './inferred-sections';
import { register as ruleDocs } from './rule-docs';
import { register as word } from './word';
import './web-shim-end';

const features: Feature[] = [
  diagnostics,
  codeActions,
  hover,
  statusBar,
  commands,
  feedback,
  report,
  coverage,
  inferredSections,
  ruleDocs,
  word,
];

/** Returns the in-editor tests' probes when VS Code runs the extension under test, and nothing otherwise. */
export async function activate(context: vscode.ExtensionContext): Promise<Partial<Probes> | undefined> {
  const start = performance.now();
  const log = new Log();
  const services = await createServices(context, log);
  for (const register of features) {
    try {
      context.subscriptions.push(...register(services));
    } catch (e) {
      log.error(`STARR feature ${features.indexOf(register)} failed to start`, e);
    }
  }
  log.stats.activationMs = performance.now() - start;
  log.info(`Activated in ${log.stats.activationMs.toFixed(1)} ms`);
  return context.extensionMode === vscode.ExtensionMode.Test ? services.probes : undefined;
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
