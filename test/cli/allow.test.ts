import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { removeTree, starr, tempTree } from './cli-helpers';

const ACCOUNT = '## Action\n\nI dealt with it, going forward, and used best practice.\n';

describe('starr allow', () => {
  let root: string;
  afterEach(() => removeTree(root));

  it('creates .starr.yaml when there is none, and check then leaves the phrase alone', async () => {
    root = tempTree({ 'a.md': ACCOUNT });
    const before = await starr(root, 'check', 'a.md', '--format', 'json');
    assert.ok(before.stdout.includes('best practice'), before.stdout);
    const r = await starr(root, 'allow', 'Best  Practice');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Allowed "Best {2}Practice" in \.starr\.yaml/);
    assert.match(fs.readFileSync(path.join(root, '.starr.yaml'), 'utf8'), /^allow:\n {2}- Best Practice\n$/m);
    const after = await starr(root, 'check', 'a.md', '--format', 'json');
    assert.ok(!after.stdout.includes('best practice'), after.stdout);
    assert.ok(after.stdout.includes('going forward'), after.stdout);
  });

  it('adds to the nearest .starr.yaml above, keeping its comments and layout, and says when nothing changes', async () => {
    const config = '# Centre settings\nframework: starr   # the default\nallow:\n  - going forward   # we teach it\n';
    root = tempTree({ '.starr.yaml': config, 'accounts/a.md': ACCOUNT });
    const r = await starr(path.join(root, 'accounts'), 'allow', 'best practice', 'dealt with');
    assert.equal(r.code, 0, r.stderr);
    assert.equal(fs.readFileSync(path.join(root, '.starr.yaml'), 'utf8'), `${config}  - best practice\n  - dealt with\n`);
    const again = await starr(path.join(root, 'accounts'), 'allow', 'Going forward');
    assert.equal(again.code, 0);
    assert.match(again.stdout, /already allows "Going forward"; nothing to change/);
  });

  it('writes to --config, and refuses a settings file it cannot safely edit', async () => {
    root = tempTree({ 'conf/mine.yaml': 'words: { min: 300 }\n', 'bad.yaml': 'allow: yes\n' });
    const r = await starr(root, 'allow', 'synergy', '--config', 'conf/mine.yaml');
    assert.equal(r.code, 0, r.stderr);
    assert.equal(fs.readFileSync(path.join(root, 'conf/mine.yaml'), 'utf8'), 'words: { min: 300 }\nallow:\n  - synergy\n');
    const bad = await starr(root, 'allow', 'synergy', '--config', 'bad.yaml');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /"allow" in the settings file is not a list/);
    assert.equal(fs.readFileSync(path.join(root, 'bad.yaml'), 'utf8'), 'allow: yes\n');
    const none = await starr(root, 'allow');
    assert.equal(none.code, 2);
    assert.match(none.stderr, /Give the phrase to allow/);
  });
});
