import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../src/analysis/analyze';
import { getFramework } from '../../src/core/data';
import { removeTree, starr, tempTree } from './cli-helpers';

describe('starr init', () => {
  let root: string;
  beforeEach(() => (root = tempTree({})));
  afterEach(() => removeTree(root));

  it('writes a template with front matter and every section heading with its prompt', async () => {
    const r = await starr(root, 'init', 'accounts/first.md', '--unit', 'CS3-SP', '--title', 'Missed call-back: a repeat complaint');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Created accounts\/first\.md/);
    const text = fs.readFileSync(path.join(root, 'accounts/first.md'), 'utf8');
    for (const field of ['title', 'learner', 'unit', 'criteria', 'date', 'framework', 'word_target', 'status']) assert.match(text, new RegExp(`^${field}:`, 'm'));
    assert.match(text, /^title: "Missed call-back: a repeat complaint"$/m);
    const { account, findings } = analyze(text);
    assert.equal(account.frontMatter?.problems.length, 0, 'the front matter is valid YAML');
    assert.equal(account.frontMatter?.fields.unit, 'CS3-SP');
    assert.deepEqual(account.sections.map((s) => s.id), ['situation', 'task', 'action', 'result', 'reflection']);
    for (const s of getFramework('starr')!.sections) assert.ok(text.includes(`<!-- ${s.prompt} -->`), s.id);
    assert.ok(!findings.some((f) => f.ruleId === 'missing-section'));
    assert.equal(account.words, 0 + account.sections.reduce((n, s) => n + s.words, 0));
  });

  it('uses the framework asked for, and the default file name in a folder', async () => {
    const r = await starr(root, 'init', '.', '--framework', 'carl');
    assert.equal(r.code, 0, r.stderr);
    const text = fs.readFileSync(path.join(root, 'reflective-account.md'), 'utf8');
    assert.match(text, /^framework: carl$/m);
    assert.match(text, /^## Context$/m);
    assert.match(text, /^## Learning$/m);
  });

  it('refuses to overwrite an existing file', async () => {
    fs.writeFileSync(path.join(root, 'mine.md'), 'my precious words');
    const r = await starr(root, 'init', 'mine.md');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /mine\.md already exists, and I never overwrite an account/);
    assert.equal(fs.readFileSync(path.join(root, 'mine.md'), 'utf8'), 'my precious words');
  });

  it('rejects an unknown framework', async () => {
    const r = await starr(root, 'init', '--framework', 'xyz');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--framework xyz: I don't know this framework\. Use starr, star, carl or gibbs\./);
    assert.ok(!fs.existsSync(path.join(root, 'reflective-account.md')));
  });
});
