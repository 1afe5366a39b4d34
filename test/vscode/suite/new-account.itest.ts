// In-host tests of New reflective account: the learner id goes into the front matter and is remembered for the
// workspace; an account still a template is listed apart in coverage, the quality report and the sample.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PlainNode } from '../../../src/extension/probes';
import { activateExtension, fixture, probes } from './helpers';

const EVENT_TIMEOUT_MS = 30_000;
const folder = () => fixture('coverage');
const read = async (uri: vscode.Uri) => new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));

/** The coverage tree, read now and after every recomputation until `accept` holds. */
async function waitForTree(accept: (roots: PlainNode[]) => boolean, what: string): Promise<PlainNode[]> {
  const deadline = Date.now() + EVENT_TIMEOUT_MS;
  for (;;) {
    const p = await probes();
    const { generation } = await p.coverageState();
    const roots = await p.coverageTree('coverage');
    if (accept(roots)) return roots;
    const left = deadline - Date.now();
    if (left <= 0) throw new Error(`Timed out waiting for ${what}; the tree shows ${roots.map((r) => `${r.label} (${r.description ?? ''})`).join(', ')}`);
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([p.coverageNextChange(generation), new Promise((resolve) => (timer = setTimeout(resolve, left)))]);
    clearTimeout(timer);
  }
}

describe('New reflective account in a real VS Code', () => {
  const made: vscode.Uri[] = [];

  before(async () => {
    await activateExtension();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of made) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
    await vscode.workspace.getConfiguration('starr', folder()).update('learner', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
  });

  it('writes the learner id it is given and remembers it for the workspace', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('starr.newAccount', { folder: folder(), title: 'Calling back a customer about a refund', learner: 'L-901', framework: 'starr', unit: 'ITEST-MON', criteria: ['1.2'] });
    assert.ok(uri instanceof vscode.Uri, 'the command returns the new account');
    made.push(uri);
    const text = await read(uri);
    assert.match(text, /^---\ntitle: Calling back a customer about a refund\nlearner: L-901\nunit: ITEST-MON\ncriteria: \["1\.2"\]\n/);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString(), 'the new account is open');
    assert.equal(vscode.workspace.getConfiguration('starr', folder()).get('learner'), 'L-901');
  });

  it('lists an account that is still a template apart, in coverage, the report and the sample', async () => {
    const before = await waitForTree((r) => r.some((n) => n.label.startsWith('ITEST-MON')), 'the fixture unit');
    const unitBefore = before.find((n) => n.label.startsWith('ITEST-MON'))!.description;
    // An empty learner id, criteria claimed, nothing written: the first test's template is one too.
    const uri = await vscode.commands.executeCommand<vscode.Uri>('starr.newAccount', { folder: folder(), title: 'Not written yet', learner: '', framework: 'starr', unit: 'ITEST-MON', criteria: ['1.2', '2.1'] });
    made.push(uri);
    assert.match(await read(uri), /\nlearner: ""\n/);
    assert.equal(vscode.workspace.getConfiguration('starr', folder()).get('learner'), 'L-901', 'an empty answer does not replace the remembered id');

    const roots = await waitForTree((r) => !!r.find((n) => n.label === 'Not counted yet')?.children.some((c) => c.open?.uri === uri.toString()), 'the template under Not counted yet');
    const apart = roots.find((n) => n.label === 'Not counted yet')!;
    const node = apart.children.find((c) => c.open?.uri === uri.toString())!;
    assert.equal(node.label, 'Not written yet');
    assert.equal(node.description, 'no learner id in the front matter · no writing yet');
    assert.equal(roots.find((n) => n.label.startsWith('ITEST-MON'))!.description, unitBefore, 'its claims do not count as evidence');

    await vscode.commands.executeCommand('starr.report.show');
    const report = (await probes()).reportModel()!.report;
    assert.ok(!report.rows.some((r) => r.uri === uri.toString()), 'not a row of the report');
    assert.ok(report.rows.every((r) => r.learner !== ''), 'no nameless learner');
    assert.ok(report.templates.some((t) => t.uri === uri.toString() && t.reasons.join() === 'no learner id in the front matter,no writing yet'));
    assert.equal(report.summary.templates, report.templates.length);
    assert.match((await probes()).reportModel()!.html, /<h2 id="templates-h">Not counted yet<\/h2>/);

    await vscode.commands.executeCommand('starr.report.sample', 50, 'itest');
    const sample = (await probes()).reportModel()!.report;
    assert.ok(sample.rows.length > 0);
    assert.ok(!sample.rows.some((r) => report.templates.some((t) => t.uri === r.uri)), 'no template is sampled');
    assert.equal(sample.sample?.templates, report.templates.length);
  });
});
