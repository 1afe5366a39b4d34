// One exit-code contract for every command: 0 clean · 1 findings or a gate failed · 2 usage, settings or input problems.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { goodAccount, lockPaths, removeTree, starr, tempTree } from './cli-helpers';
import { headingStyles, hugeFile, oleFile } from '../convert/word-fixtures';

interface Case {
  /** What the case shows. */
  name: string;
  args: string[];
  code: 0 | 1 | 2;
  /** Files besides the portfolio every case gets (a good account and one with errors, in `p/`). */
  files?: Record<string, string | Uint8Array>;
  /** Paths (relative to the folder) that fail to read as a locked file or folder does. */
  locked?: string[];
  /** Something stdout or stderr must say. */
  says?: RegExp;
}

// Word documents, made before the tests run (zipping is asynchronous).
const WORD: Record<string, Uint8Array> = {};

const BAD_SETTINGS = { 'p/.starr.yaml': 'words:\n  min: lots\n' };
const LOCKED_FILE = { files: { 'p/locked.md': goodAccount() }, locked: ['p/locked.md'] };

const CASES: Record<string, Case[]> = {
  check: [
    { name: 'no errors', args: ['p/good.md'], code: 0 },
    { name: 'errors found', args: ['p'], code: 1 },
    { name: 'more warnings than --max-warnings, even with --quiet', args: ['p/vague.md', '--quiet', '--max-warnings', '0'], code: 1, says: /Too many warnings/ },
    { name: 'a path that does not exist', args: ['p/good.md', 'nosuch.md'], code: 2, says: /nosuch\.md: no such file or folder/ },
    { name: 'a file that cannot be read', args: ['p/good.md', 'p/locked.md'], code: 2, ...LOCKED_FILE, says: /I can't read p\/locked\.md: permission denied\. Ask whoever manages the folder/ },
    { name: 'a folder that cannot be opened', args: ['p', 'q'], code: 2, files: { 'q/a.md': goodAccount() }, locked: ['q'], says: /I can't open the folder q: permission denied/ },
    { name: 'a binary file', args: ['p/good.md', 'p/word.md'], code: 2, files: { 'p/word.md': new Uint8Array([0x50, 0x4b, 0, 0]) } },
    { name: 'a settings file with a mistake', args: ['p/good.md'], code: 2, files: BAD_SETTINGS },
    { name: 'an unknown --framework', args: ['p/good.md', '--framework', 'foo'], code: 2, says: /--framework foo: I don't know this framework\. Use starr, star, carl or gibbs/ },
    { name: 'an unknown option', args: ['p/good.md', '--colour'], code: 2 },
    { name: 'no files named', args: [], code: 2 },
  ],
  coverage: [
    { name: 'a report', args: ['p'], code: 0 },
    { name: '--require-full with criteria not covered', args: ['p', '--require-full'], code: 1 },
    { name: 'a folder that does not exist, with --require-full', args: ['nosuchdir', '--require-full'], code: 2, says: /nosuchdir: no such file or folder/ },
    { name: 'a file that cannot be read', args: ['p'], code: 2, ...LOCKED_FILE },
    { name: 'a settings file with a mistake', args: ['p'], code: 2, files: BAD_SETTINGS },
    { name: 'an unknown --unit', args: ['p', '--unit', 'NOPE'], code: 2 },
  ],
  report: [
    { name: 'a report', args: ['p'], code: 0 },
    { name: 'a path that does not exist', args: ['nosuch'], code: 2 },
    { name: 'a file that cannot be read', args: ['p'], code: 2, ...LOCKED_FILE, says: /I can't read p\/locked\.md: permission denied/ },
    { name: 'a settings file with a mistake', args: ['p'], code: 2, files: BAD_SETTINGS },
    { name: 'an --out file in a folder that does not exist', args: ['p', '--out', 'missing-folder/r.csv', '--format', 'csv'], code: 2, says: /I can't write missing-folder\/r\.csv: it does not exist\. Check that the folder exists/ },
    { name: 'an unknown --format', args: ['p', '--format', 'pdf'], code: 2 },
  ],
  sample: [
    { name: 'a sample', args: ['p', '--size', '1', '--seed', 'x'], code: 0 },
    { name: 'a path that does not exist', args: ['nosuch', '--size', '1'], code: 2 },
    { name: 'a file that cannot be read', args: ['p', '--size', '1'], code: 2, ...LOCKED_FILE },
    { name: 'a settings file with a mistake', args: ['p', '--size', '1'], code: 2, files: BAD_SETTINGS },
    { name: 'no --size', args: ['p'], code: 2 },
  ],
  feedback: [
    { name: 'the list', args: ['p'], code: 0 },
    { name: 'a path that does not exist', args: ['nosuch'], code: 2 },
    { name: 'a file that cannot be read', args: ['p'], code: 2, ...LOCKED_FILE },
    { name: 'a settings file with a mistake', args: ['p'], code: 2, files: BAD_SETTINGS },
  ],
  init: [
    { name: 'a new account', args: ['new.md'], code: 0 },
    { name: 'a file that exists', args: ['p/good.md'], code: 2, says: /already exists/ },
    { name: 'an unknown --framework', args: ['new.md', '--framework', 'foo'], code: 2, says: /--framework foo/ },
  ],
  import: [
    { name: 'a Word document imported', args: ['d/draft.docx'], code: 0, files: WORD, says: /Created d\/draft\.md/ },
    { name: 'an account that exists already', args: ['d/draft.docx', '--out', 'p/good.md'], code: 2, files: WORD, says: /p\/good\.md already exists/ },
    { name: 'a file that does not exist', args: ['nosuch.docx'], code: 2, says: /nosuch\.docx: no such file/ },
    { name: 'a file that cannot be read', args: ['d/locked.docx'], code: 2, files: { 'd/locked.docx': new Uint8Array([0x50, 0x4b, 3, 4]) }, locked: ['d/locked.docx'], says: /I can't read d\/locked\.docx: permission denied/ },
    { name: 'an old .doc file', args: ['d/old.doc'], code: 2, files: { 'd/old.doc': oleFile(false) }, says: /older Word document/ },
    { name: 'a document over the size limit', args: ['d/big.docx'], code: 2, files: { 'd/big.docx': hugeFile(21 * 1024 * 1024) }, says: /is 21 MB, more than the 20 MB I import/ },
    { name: 'no file named', args: [], code: 2 },
  ],
  export: [
    { name: 'an account exported', args: ['p/good.md'], code: 0, says: /Exported p\/good\.md to p\/good\.docx/ },
    { name: 'an account with errors', args: ['p/no-result.md', '--format', 'txt'], code: 1, says: /not exported: it still has/ },
    { name: 'a folder with an account with errors', args: ['p', '--format', 'html'], code: 1, says: /1 not exported/ },
    { name: 'an account with errors, with --force', args: ['p/no-result.md', '--force'], code: 0 },
    { name: 'a path that does not exist', args: ['nosuch.md'], code: 2, says: /nosuch\.md: no such file or folder/ },
    { name: 'a file that cannot be read', args: ['p/locked.md'], code: 2, ...LOCKED_FILE },
    { name: 'an unknown --format', args: ['p/good.md', '--format', 'pdf'], code: 2, says: /--format must be one of docx, html, txt/ },
    { name: '--out with more than one account', args: ['p/good.md', 'p/vague.md', '--out', 'x.docx'], code: 2, says: /--out names one file/ },
    { name: '--out over a Markdown file', args: ['p/good.md', '--out', 'p/vague.md'], code: 2, says: /is a Markdown file/ },
    { name: 'no files named', args: [], code: 2 },
  ],
  allow: [
    { name: 'a phrase allowed', args: ['best practice'], code: 0 },
    { name: 'a settings file that cannot be read', args: ['best practice', '--config', 'p/.starr.yaml'], code: 2, files: { 'p/.starr.yaml': 'allow: []\n' }, locked: ['p/.starr.yaml'], says: /I can't read p\/\.starr\.yaml: permission denied/ },
    { name: 'no phrase', args: [], code: 2 },
  ],
};

describe('exit codes: 0 clean, 1 findings or a gate failed, 2 usage, settings or input problems', () => {
  let root: string | undefined;
  let unlock: (() => void) | undefined;
  before(async () => {
    WORD['d/draft.docx'] = await headingStyles();
  });
  afterEach(() => {
    unlock?.();
    unlock = undefined;
    if (root) removeTree(root);
    root = undefined;
  });

  for (const [command, cases] of Object.entries(CASES)) {
    for (const c of cases) {
      it(`${command}: ${c.name} → ${c.code}`, async () => {
        root = tempTree({
          'p/good.md': goodAccount(),
          'p/vague.md': goodAccount({ action: 'We dealt with it and gave good customer service, as usual.' }),
          'p/no-result.md': goodAccount({ drop: ['Result'] }),
          ...c.files,
        });
        if (c.locked) unlock = lockPaths(c.locked.map((p) => path.join(root!, p)));
        const r = await starr(root, command, ...c.args);
        const all = r.stdout + r.stderr;
        assert.equal(r.code, c.code, all);
        if (c.says) assert.match(all, c.says);
        // The summary never looks like a pass when the run fails, and system error codes are put in words.
        if (c.code !== 0) assert.ok(!all.includes('✔'), all);
        assert.doesNotMatch(all, /\bE[A-Z]{3,}\b/);
      });
    }
  }

  it('a file locked for real is named in plain words (when not running as root, who can read anything)', async function () {
    if (process.getuid?.() === 0 || process.platform === 'win32') this.skip();
    root = tempTree({ 'p/good.md': goodAccount() });
    fs.chmodSync(path.join(root, 'p/good.md'), 0);
    const r = await starr(root, 'report', 'p');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /I can't read p\/good\.md: permission denied/);
  });

  it('a write that fails is put in plain words and exits 2', async () => {
    root = tempTree({ 'p/good.md': goodAccount(), 'p/out': 'a file, not a folder' });
    const r = await starr(root, 'report', 'p', '--out', 'p/out/report.csv', '--format', 'csv');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /I can't write p\/out\/report\.csv: part of the path is a file, not a folder/);
  });

  it('--framework foo is blamed on the option, not on the settings file beside the account', async () => {
    root = tempTree({ 'p/good.md': goodAccount(), 'p/.starr.yaml': 'framework: starr\n' });
    const r = await starr(root, 'check', 'p/good.md', '--framework', 'foo');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^starr check: --framework foo/m);
    assert.doesNotMatch(r.stderr, /\.starr\.yaml/);
  });

  it('the command-line reference states the contract with every command', () => {
    const readme = fs.readFileSync(path.join(process.cwd(), 'docs/cli.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Exit codes'), readme.indexOf('## Examples', readme.indexOf('## Exit codes')));
    for (const command of Object.keys(CASES)) assert.ok(section.includes(`starr ${command}`), command);
  });
});
