// Adds (or updates) the feedback and report contributions in package.json: read, modify, write at once.
// Idempotent: run it again after changing the lists below. Other keys are left as they are.
import { readFileSync, writeFileSync } from 'node:fs';

const path = 'package.json';
const pkg = JSON.parse(readFileSync(path, 'utf8'));
const c = (pkg.contributes ??= {});

const commands = [
  { command: 'starr.feedback.add', title: 'Add feedback', category: 'STARR', icon: '$(comment-add)' },
  { command: 'starr.feedback.create', title: 'Add feedback', category: 'STARR' },
  { command: 'starr.feedback.reply', title: 'Reply', category: 'STARR' },
  { command: 'starr.feedback.resolve', title: 'Resolve', category: 'STARR', icon: '$(check)' },
  { command: 'starr.feedback.reopen', title: 'Reopen', category: 'STARR', icon: '$(issue-reopened)' },
  { command: 'starr.feedback.acceptSuggestion', title: 'Accept suggestion', category: 'STARR' },
  { command: 'starr.feedback.rejectSuggestion', title: 'Reject suggestion', category: 'STARR' },
  { command: 'starr.feedback.acceptAll', title: 'Accept all suggestions in file', category: 'STARR' },
  { command: 'starr.feedback.rejectAll', title: 'Reject all suggestions in file', category: 'STARR' },
  { command: 'starr.feedback.refreshView', title: 'Refresh feedback', category: 'STARR', icon: '$(refresh)' },
  { command: 'starr.report.show', title: 'Quality report', category: 'STARR', icon: '$(checklist)' },
  { command: 'starr.report.sample', title: 'Sample accounts for spot check', category: 'STARR' },
  { command: 'starr.report.exportCsv', title: 'Export quality report as CSV', category: 'STARR' },
  { command: 'starr.report.exportHtml', title: 'Export quality report as HTML', category: 'STARR' },
];
const ours = new Set(commands.map((x) => x.command));
/** Replace our entries where they already are (so re-running does not reorder the file), append new ones. */
const merge = (list, items, same) => {
  const out = [];
  for (const x of list ?? []) {
    const y = items.find((i) => same(x, i));
    if (y) {
      if (!out.includes(y)) out.push(y);
    } else if (!(x.command && ours.has(x.command))) out.push(x); // theirs stay; our stale entries go
  }
  for (const y of items) if (!out.includes(y)) out.push(y);
  return out;
};
c.commands = merge(c.commands, commands, (x, y) => x.command === y.command);

const thread = 'commentController == starr-feedback';
const menus = (c.menus ??= {});
const put = (menu, items) => {
  menus[menu] = merge(menus[menu], items, (x, y) => x.command === y.command && (x.group ?? '') === (y.group ?? '') && x.when === y.when);
};
put('commandPalette', [
  { command: 'starr.feedback.create', when: 'false' },
  { command: 'starr.feedback.add', when: 'editorLangId == markdown' },
  { command: 'starr.feedback.reply', when: 'editorLangId == markdown' },
  { command: 'starr.feedback.resolve', when: 'editorLangId == markdown' },
  { command: 'starr.feedback.reopen', when: 'editorLangId == markdown' },
  { command: 'starr.feedback.acceptSuggestion', when: 'editorLangId == markdown' },
  { command: 'starr.feedback.rejectSuggestion', when: 'editorLangId == markdown' },
  { command: 'starr.feedback.acceptAll', when: 'editorLangId == markdown' },
  { command: 'starr.feedback.rejectAll', when: 'editorLangId == markdown' },
  { command: 'starr.feedback.refreshView', when: 'false' },
]);
put('comments/commentThread/context', [
  { command: 'starr.feedback.create', group: 'inline@1', when: `${thread} && commentThreadIsEmpty` },
  { command: 'starr.feedback.reply', group: 'inline@1', when: `${thread} && !commentThreadIsEmpty` },
]);
put('comments/commentThread/title', [
  { command: 'starr.feedback.resolve', group: 'inline@1', when: `${thread} && commentThread == starr-thread:open` },
  { command: 'starr.feedback.reopen', group: 'inline@1', when: `${thread} && commentThread == starr-thread:resolved` },
]);
put('editor/context', [
  { command: 'starr.feedback.add', group: '9_starr@1', when: 'editorLangId == markdown && editorHasSelection' },
]);
put('view/title', [
  { command: 'starr.feedback.refreshView', group: 'navigation@1', when: 'view == starr.feedback' },
  { command: 'starr.report.show', group: 'navigation@2', when: 'view == starr.feedback' },
]);

// The Feedback view goes in the STARR activity-bar container when there is one, else the Explorer.
const views = (c.views ??= {});
for (const k of Object.keys(views)) {
  views[k] = views[k].filter((v) => v.id !== 'starr.feedback');
  if (!views[k].length) delete views[k];
}
const container = (c.viewsContainers?.activitybar ?? []).find((x) => String(x.id).startsWith('starr'))?.id ?? 'explorer';
views[container] = [...(views[container] ?? []), { id: 'starr.feedback', name: 'Feedback', icon: '$(comment-discussion)', contextualTitle: 'STARR feedback' }];
const welcome = { view: 'starr.feedback', contents: 'No open feedback in this workspace.\nTutors add feedback by selecting words in an account and running [STARR: Add feedback](command:starr.feedback.add).\n[Open the quality report](command:starr.report.show)' };
c.viewsWelcome = (c.viewsWelcome ?? []).some((w) => w.view === welcome.view) ? c.viewsWelcome.map((w) => (w.view === welcome.view ? welcome : w)) : [...(c.viewsWelcome ?? []), welcome];

const props = (c.configuration ??= { title: 'STARR Reflect', properties: {} }).properties ??= {};
props['starr.feedback.author'] = {
  type: 'string',
  default: '',
  scope: 'application',
  pattern: '^$|^\\s*[A-Za-z][\\w-]*(:[A-Za-z0-9][\\w.-]*)?\\s*$',
  patternErrorMessage: 'A role, then optionally a colon and your initials, for example tutor:AB.',
  markdownDescription: 'Who you are when you add feedback or reply, written as `role:initials` (for example `tutor:AB` or `iqa:MK`). It goes into the label of each comment: `{>>[tutor:AB open] …<<}`. Leave empty to write new feedback as `tutor` and replies as `learner`.',
};
props['starr.feedback.resolve'] = {
  type: 'string',
  enum: ['mark', 'remove'],
  enumDescriptions: ['Keep the feedback in the file, labelled resolved.', 'Remove the feedback markup, keeping the learner\'s text exactly as it is.'],
  default: 'mark',
  scope: 'resource',
  markdownDescription: 'What **STARR: Resolve** does with a feedback comment: mark it `resolved` in its label, or remove the comment, its replies and the highlight around the words.',
};

const events = new Set(pkg.activationEvents ?? []);
for (const e of ['onCommand:starr.report.show', 'onCommand:starr.report.sample', 'onCommand:starr.feedback.add', 'onView:starr.feedback']) events.add(e);
pkg.activationEvents = [...events];

writeFileSync(path, JSON.stringify(pkg, null, 2) + '\n');
console.log(`package.json: ${commands.length} feedback/report commands, Feedback view in "${container}".`);
