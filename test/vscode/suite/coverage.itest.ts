// In-host tests of criteria coverage: the tree the extension registers, read through its provider
// (the extension's coverageTree probe), after creating, editing and deleting an account in the workspace.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PlainNode } from '../../../src/extension/probes';
import { activateExtension, fixture, probes } from './helpers';

/** A bound on waiting for the tree to change; reaching it fails the test (it is not a sleep). */
const EVENT_TIMEOUT_MS = 30_000;
const UNIT = 'ITEST-MON';

const coverage = (...segments: string[]) => fixture('coverage', ...segments);
const state = async () => (await probes()).coverageState();
const tree = async (which: 'coverage' | 'accounts' = 'coverage') => (await probes()).coverageTree(which);

function unitNode(roots: PlainNode[]): PlainNode | undefined {
  return roots.find((n) => n.label.startsWith(`${UNIT} — `));
}

/** The criterion nodes of the fixture unit by id. */
function criteria(unit: PlainNode | undefined): Map<string, PlainNode> {
  const out = new Map<string, PlainNode>();
  for (const lo of unit?.children ?? []) for (const c of lo.children) out.set(c.label.split(' ')[0], c);
  return out;
}

function describeUnit(unit: PlainNode | undefined): string {
  if (!unit) return 'no unit node';
  return `${unit.description}: ${[...criteria(unit)].map(([id, c]) => `${id}=${c.icon}`).join(', ')}`;
}

/** Read the tree now and after every recomputation until `accept` holds. */
async function waitForUnit(accept: (unit: PlainNode | undefined) => boolean, what: string): Promise<PlainNode> {
  const deadline = Date.now() + EVENT_TIMEOUT_MS;
  let last: PlainNode | undefined;
  for (;;) {
    const { generation } = await state();
    last = unitNode(await tree());
    if (accept(last)) return last!;
    const left = deadline - Date.now();
    if (left <= 0) throw new Error(`Timed out waiting for ${what}; the tree shows ${describeUnit(last)}`);
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      (await probes()).coverageNextChange(generation),
      new Promise((resolve) => (timer = setTimeout(resolve, left))),
    ]);
    clearTimeout(timer);
  }
}

/** The account's node in the Accounts view, read now and after every recomputation until it is listed. */
async function waitForAccount(uri: vscode.Uri, what: string): Promise<PlainNode> {
  const deadline = Date.now() + EVENT_TIMEOUT_MS;
  for (;;) {
    const { generation } = await state();
    const node = (await tree('accounts')).find((a) => a.open?.uri === uri.toString());
    if (node) return node;
    const left = deadline - Date.now();
    if (left <= 0) throw new Error(`Timed out waiting for ${what} in the Accounts view`);
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      (await probes()).coverageNextChange(generation),
      new Promise((resolve) => (timer = setTimeout(resolve, left))),
    ]);
    clearTimeout(timer);
  }
}

const stateOf = (unit: PlainNode | undefined, id: string) => criteria(unit).get(id)?.icon;

describe('Criteria coverage in a real VS Code', () => {
  const second = coverage('second.md');
  const empty = coverage('empty-result.md');

  before(async () => {
    await activateExtension();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of [second, empty, coverage('out')]) {
      try {
        await vscode.workspace.fs.delete(uri, { recursive: true });
      } catch {
        // Already gone.
      }
    }
  });

  it('loads the centre set and shows the unit with its outcomes and criteria', async () => {
    const s = await state();
    assert.ok(s.units.includes(UNIT), `units: ${s.units.join(', ')}`);
    assert.ok(s.units.includes('CS3-SP'), 'the bundled sets are loaded too');
    const unit = await waitForUnit((u) => u?.description === '1/3 covered', 'the fixture unit at 1/3');
    assert.deepEqual(unit.children.map((o) => o.label), ['LO 1: Be able to monitor service', 'LO 2: Be able to improve service']);
    const c = criteria(unit);
    assert.deepEqual([...c.keys()], ['1.1', '1.2', '2.1']);
    assert.equal(c.get('1.1')!.icon, 'pass');
    assert.equal(c.get('1.1')!.colour, 'testing.iconPassed');
    // The state is the icon and its colour; the description is short enough for the default sidebar width.
    assert.equal(c.get('1.1')!.description, '1 account');
    assert.equal(c.get('1.2')!.icon, 'error');
    assert.equal(c.get('1.2')!.colour, 'list.errorForeground');
    assert.equal(c.get('1.2')!.description, undefined);
    assert.match(c.get('1.2')!.tooltip ?? '', /State: \*\*not covered\*\*/);
    assert.match(c.get('1.2')!.tooltip ?? '', /\(analyse\) Analyse the monitoring data/);
  });

  it('opens the evidencing account at its reference', async () => {
    const unit = await waitForUnit((u) => stateOf(u, '1.1') === 'pass', '1.1 covered');
    const evidence = criteria(unit).get('1.1')!.children;
    assert.equal(evidence.length, 1);
    assert.equal(evidence[0].label, 'Monitoring first contact resolution on the returns line');
    assert.equal(evidence[0].open?.uri, coverage('first.md').toString());
    const doc = await vscode.workspace.openTextDocument(coverage('first.md'));
    assert.match(doc.lineAt(evidence[0].open!.line!).text, /\(AC 1\.1\)/);
  });

  it('updates when an account is created, edited and deleted', async () => {
    const base = new TextDecoder().decode(await vscode.workspace.fs.readFile(coverage('first.md')));
    const text = base
      .replace('criteria: [1.1]', 'criteria: [1.2]')
      .replace('(AC 1.1)', '(AC 1.2)')
      .replace(/Monitoring first contact resolution on the returns line/g, 'Finding why customers rang back');

    // Create: 1.2 becomes covered.
    await vscode.workspace.fs.writeFile(second, new TextEncoder().encode(text));
    let unit = await waitForUnit((u) => stateOf(u, '1.2') === 'pass', '1.2 covered after creating an account');
    assert.equal(unit.description, '2/3 covered');
    assert.deepEqual(criteria(unit).get('1.2')!.children.map((e) => e.label), ['Finding why customers rang back']);

    // Edit in the editor and save: the reference moves from 1.2 to 2.1.
    const doc = await vscode.workspace.openTextDocument(second);
    await vscode.window.showTextDocument(doc, { preview: false });
    const edit = new vscode.WorkspaceEdit();
    for (const [from, to] of [['criteria: [1.2]', 'criteria: [2.1]'], ['(AC 1.2)', '(AC 2.1)']]) {
      const at = doc.getText().indexOf(from);
      assert.ok(at >= 0, from);
      edit.replace(second, new vscode.Range(doc.positionAt(at), doc.positionAt(at + from.length)), to);
    }
    assert.ok(await vscode.workspace.applyEdit(edit));
    await doc.save();
    unit = await waitForUnit((u) => stateOf(u, '2.1') === 'pass' && stateOf(u, '1.2') === 'error', '2.1 covered and 1.2 not, after the edit');
    assert.equal(unit.description, '2/3 covered');

    // Delete: back to one covered criterion.
    await vscode.workspace.fs.delete(second);
    unit = await waitForUnit((u) => stateOf(u, '2.1') === 'error', '2.1 not covered after deleting the account');
    assert.equal(unit.description, '1/3 covered');
  });

  it('shows the number of uncovered criteria as the badge', async () => {
    const s = await state();
    assert.ok(s.counts.uncovered >= 2);
    assert.equal(s.badge, s.counts.uncovered);
  });

  it('shows only gaps when asked, and everything again', async () => {
    await vscode.commands.executeCommand('starr.coverage.showGaps');
    try {
      const c = criteria(unitNode(await tree()));
      assert.deepEqual([...c.keys()], ['1.2', '2.1']);
    } finally {
      await vscode.commands.executeCommand('starr.coverage.showAll');
    }
    assert.equal(criteria(unitNode(await tree())).size, 3);
  });

  it('groups by learner: each learner\'s own coverage', async () => {
    await vscode.commands.executeCommand('starr.coverage.groupByLearner');
    try {
      const roots = await tree();
      const learner = roots.find((n) => n.label === 'Learner L-900');
      assert.ok(learner, roots.map((n) => n.label).join(', '));
      assert.equal(learner.icon, 'person');
      const unit = learner.children.find((u) => u.label === 'ITEST-MON — Monitoring fixture unit');
      assert.ok(unit, learner.children.map((u) => u.label).join(', '));
      assert.equal(unit.description, '1/3 covered');
    } finally {
      await vscode.commands.executeCommand('starr.coverage.ungroup');
    }
    assert.ok(unitNode(await tree()), 'ungrouped again');
  });

  it('exports the matrix as CSV and Markdown', async () => {
    const csvUri = coverage('out', 'coverage.csv');
    const mdUri = coverage('out', 'coverage.md');
    await vscode.workspace.fs.createDirectory(coverage('out'));
    await vscode.commands.executeCommand('starr.coverage.exportCsv', csvUri);
    await vscode.commands.executeCommand('starr.coverage.exportMarkdown', mdUri);
    const csv = new TextDecoder().decode(await vscode.workspace.fs.readFile(csvUri));
    assert.match(csv, /^Unit,Outcome,Criterion,Verb,Criterion text,State,Accounts,/);
    assert.match(csv, /\r\nITEST-MON,1,1\.1,monitor,Monitor service against agreed standards using at least two sources of data\.,covered,1,/);
    const md = new TextDecoder().decode(await vscode.workspace.fs.readFile(mdUri));
    assert.match(md, /## ITEST-MON — Monitoring fixture unit\n\n1\/3 covered/);
  });

  it('lists accounts with their sections, words and findings in the Accounts view', async () => {
    const accounts = await tree('accounts');
    const first = accounts.find((a) => a.open?.uri === coverage('first.md').toString());
    assert.ok(first, accounts.map((a) => a.label).join(', '));
    assert.match(first.description ?? '', /^L-900 · 5\/5 sections · \d+ words · reflection shallow · \d+ issues?$/);
    assert.deepEqual(first.children.map((s) => s.label), ['Situation', 'Task', 'Action', 'Result', 'Reflection'], 'the icon alone shows the state');
    // Every section has words: written, or short of its minimum (a warning that says what to aim for).
    for (const s of first.children) {
      assert.ok(s.icon === 'pass' || s.icon === 'warning', `${s.label}: ${s.icon}`);
      // The Reflection also carries how deep it goes ("· Shallow: …").
      assert.match(s.description ?? '', s.icon === 'pass' ? /^\d+ words( · .+)?$/ : /^\d+ words? · aim for \d+( · .+)?$/);
    }
    assert.equal(first.children[2].icon, 'pass', 'the Action is long enough');
  });

  it('does not show an empty section as done in the Accounts view', async () => {
    const base = new TextDecoder().decode(await vscode.workspace.fs.readFile(coverage('first.md')));
    const text = base.replace(/(## Result\n\n)[^\n]+\n/, '$1').replace(/Monitoring first contact resolution on the returns line/g, 'An account with an empty Result');
    assert.notEqual(text, base);
    await vscode.workspace.fs.writeFile(empty, new TextEncoder().encode(text));
    const account = await waitForAccount(empty, 'the account with an empty Result');
    assert.match(account.description ?? '', /^L-900 · 4\/5 sections · /, 'an empty section is not counted as written');
    const result = account.children.find((s) => s.label === 'Result');
    assert.ok(result, account.children.map((s) => s.label).join(', '));
    assert.notEqual(result.icon, 'pass');
    assert.equal(result.icon, 'circle-large-outline');
    assert.equal(result.colour, 'list.warningForeground');
    assert.match(result.description ?? '', /^empty · aim for \d+$/);
    assert.match(result.tooltip ?? '', /nothing under it yet/);
  });
});
