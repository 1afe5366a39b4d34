// Who is writing feedback: the `starr.feedback.author` setting, asked for once when it is empty and kept.
import * as vscode from 'vscode';
import { parseAuthor, type FeedbackAuthor } from '../../core';
import { pickOne } from '../quick-pick';
import type { Services } from '../services';

const ROLES: (vscode.QuickPickItem & { role: string })[] = [
  { label: 'Tutor', role: 'tutor', detail: 'You give feedback on learners’ accounts.' },
  { label: 'Assessor', role: 'assessor', detail: 'You assess learners’ accounts.' },
  { label: 'Internal quality assurer (IQA)', role: 'iqa', detail: 'You check accounts and assessors’ feedback.' },
  { label: 'Learner', role: 'learner', detail: 'You are replying to feedback on your own account.' },
];

export class AuthorQuestion {
  constructor(private readonly services: Services) {}

  /**
   * Who writes what the user is about to add. From the setting when it is set; otherwise, when the user is at the
   * keyboard (`interactive`), asked once and kept in the setting, so nobody's reply is labelled as someone else's.
   * Without the setting and out of the user's hands (another extension, a test), or when the user dismisses the
   * question, the usual role for the action; the question comes again next time.
   */
  async author(fallback: 'tutor' | 'learner', interactive: boolean): Promise<FeedbackAuthor> {
    const s = this.services.config.feedback().author;
    if (s) {
      const a = parseAuthor(s);
      if (a) return a;
      void vscode.window.showWarningMessage(`The setting starr.feedback.author ("${s}") should look like tutor:AB — a role, then optionally a colon and your initials. Using "${fallback}" for now.`);
      return { role: fallback };
    }
    if (!interactive) return { role: fallback };
    const answer = await this.ask();
    return (answer && parseAuthor(answer)) || { role: fallback };
  }

  /** Ask who is writing, keep the answer in starr.feedback.author and return it (`tutor:AB`), or undefined. */
  async ask(): Promise<string | undefined> {
    const role = await this.pickRole();
    if (!role) return undefined;
    let author = role;
    if (role !== 'learner') {
      const initials = await this.askInitials();
      if (initials === undefined) return undefined;
      if (initials) author = `${role}:${initials}`;
    }
    await this.services.config.setFeedbackAuthor(author);
    void vscode.window.showInformationMessage(`Your feedback and replies will be labelled ${author}. To change it, run “STARR: Set who is writing feedback”.`);
    return author;
  }

  private async pickRole(): Promise<string | undefined> {
    const picked = await pickOne(this.services, {
      title: 'Who is writing feedback?',
      placeholder: 'STARR asks once and labels your comments and replies with it',
      items: ROLES,
      ignoreFocusOut: true,
    });
    return picked?.role;
  }

  private askInitials(): Promise<string | undefined> {
    return new Promise((resolve) => {
      const box = vscode.window.createInputBox();
      box.title = 'Your initials';
      box.prompt = 'Your initials, so the learner knows who wrote the comment (for example AB). Leave empty to use your role alone.';
      box.placeholder = 'e.g. AB';
      box.ignoreFocusOut = true;
      let answer: string | undefined;
      box.onDidChangeValue((v) => {
        box.validationMessage = !v.trim() || /^[A-Za-z0-9][\w.-]*$/.test(v.trim()) ? undefined : 'Use letters and numbers only, for example AB.';
      });
      box.onDidAccept(() => {
        if (box.validationMessage) return;
        answer = box.value.trim();
        box.hide();
      });
      box.onDidHide(() => {
        box.dispose();
        resolve(answer);
      });
      box.show();
      this.services.questionShown(box.title);
    });
  }
}
