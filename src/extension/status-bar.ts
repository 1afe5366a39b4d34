import type * as vscode from 'vscode';
import type { Services } from './services';

export function register(_services: Services): vscode.Disposable[] {
  return [];
}
