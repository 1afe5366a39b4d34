import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { COMMANDS, wantsColour } from '../../src/cli/main';
import { removeTree, starr, tempTree } from './cli-helpers';

describe('starr (main)', () => {
  let root: string;
  before(() => (root = tempTree({})));
  after(() => removeTree(root));

  it('--help lists every command and the exit codes', async () => {
    const r = await starr(root, '--help');
    assert.equal(r.code, 0);
    for (const c of COMMANDS) assert.match(r.stdout, new RegExp(`\\n  ${c.name}\\s+${c.summary.slice(0, 20).replace(/[()]/g, '.')}`));
    assert.match(r.stdout, /Exit codes: 0/);
  });

  it('<command> --help prints that command\'s usage', async () => {
    const r = await starr(root, 'check', '--help');
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^Usage: starr check/);
    assert.match(r.stdout, /--max-warnings N/);
    const h = await starr(root, 'help', 'init');
    assert.match(h.stdout, /^Usage: starr init/);
  });

  it('--version prints the package version', async () => {
    const r = await starr(root, '--version');
    const pkg = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'package.json'), 'utf8')) as { version: string };
    assert.equal(r.stdout.trim(), pkg.version);
  });

  it('an unknown command is a usage error (exit 2) that says what to do', async () => {
    const r = await starr(root, 'chek', 'x.md');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /"chek" is not a command I know\. Did you mean "starr check"\?/);
    assert.match(r.stderr, /starr --help/);
    assert.equal(r.stdout, '');
  });

  it('colours only on a terminal, honouring NO_COLOR and FORCE_COLOR', () => {
    assert.equal(wantsColour({}, true), true);
    assert.equal(wantsColour({}, false), false);
    assert.equal(wantsColour({ NO_COLOR: '1' }, true), false);
    assert.equal(wantsColour({ NO_COLOR: '' }, true), true);
    assert.equal(wantsColour({ FORCE_COLOR: '1' }, false), true);
    assert.equal(wantsColour({ FORCE_COLOR: '0' }, true), false);
    assert.equal(wantsColour({ TERM: 'dumb' }, true), false);
  });
});
