// One item picked from a list, as a promise: the quick pick is built by hand (not showQuickPick) so the
// in-editor tests can see which question is on screen, through questionShown.
import * as vscode from 'vscode';
import type { Services } from './services';

export interface PickOptions<T extends vscode.QuickPickItem> {
  title: string;
  items: readonly T[];
  placeholder?: string;
  matchOnDescription?: boolean;
  ignoreFocusOut?: boolean;
}

/** The item the user accepts, or undefined when the question is dismissed. */
export function pickOne<T extends vscode.QuickPickItem>(services: Pick<Services, 'questionShown'>, options: PickOptions<T>): Promise<T | undefined> {
  return new Promise((resolve) => {
    const pick = vscode.window.createQuickPick<T>();
    pick.title = options.title;
    pick.placeholder = options.placeholder;
    pick.items = options.items;
    pick.matchOnDescription = options.matchOnDescription ?? false;
    pick.ignoreFocusOut = options.ignoreFocusOut ?? false;
    let chosen: T | undefined;
    pick.onDidAccept(() => {
      chosen = pick.selectedItems[0];
      pick.hide();
    });
    pick.onDidHide(() => {
      pick.dispose();
      resolve(chosen);
    });
    pick.show();
    services.questionShown(options.title);
  });
}
