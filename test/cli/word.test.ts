import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import JSZip from 'jszip';
import { analyze } from '../../src/analysis';
import { goodAccount, removeTree, starr, tempTree } from './cli-helpers';
import { boldLabels, emptyDocument, headingStyles, notWord, oleFile } from '../convert/word-fixtures';

describe('cli: starr import and starr export', () => {
  let root: string | undefined;
  afterEach(() => {
    if (root) removeTree(root);
    root = undefined;
  });
  const read = (rel: string) => fs.readFileSync(path.join(root!, rel), 'utf8');
  const files = () => fs.readdirSync(root!, { recursive: true }).map(String).sort();

  it('import writes the account beside the Word document, with the learner and unit given, and says what to do next', async () => {
    root = tempTree({ 'drafts/lift.docx': await boldLabels() });
    const r = await starr(root, 'import', 'drafts/lift.docx', '--learner', 'L-014', '--unit', 'CS3-SP');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /ℹ A Word comment became feedback/);
    assert.match(r.stdout, /Created drafts\/lift\.md from drafts\/lift\.docx\. Read it through, then run: starr check drafts\/lift\.md/);
    const md = read('drafts/lift.md');
    assert.match(md, /^---\ntitle: "My reflective account: the broken lift"\nlearner: L-014\nunit: CS3-SP\ndate: \d{4}-\d\d-\d\d\nframework: starr\nstatus: draft\n---\n/);
    // The account it made has every section the checks look for.
    assert.deepEqual(analyze(md).account.sections.map((s) => s.def.name), ['Situation', 'Task', 'Action', 'Result', 'Reflection']);
    const check = await starr(root, 'check', 'drafts/lift.md');
    assert.doesNotMatch(check.stdout, /missing-section/);
  });

  it('import never replaces an account without --force, and --force does', async () => {
    root = tempTree({ 'a.docx': await headingStyles(), 'a.md': 'my own work\n' });
    const r = await starr(root, 'import', 'a.docx');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /a\.md already exists, and I never replace an account without being asked\. Choose another name with --out, or add --force/);
    assert.equal(read('a.md'), 'my own work\n');
    const forced = await starr(root, 'import', 'a.docx', '--force');
    assert.equal(forced.code, 0, forced.stderr);
    assert.match(read('a.md'), /^---\ntitle: Calming a customer/);
  });

  it('bad input leaves no file behind, not even half of one', async () => {
    const { truncated } = await notWord();
    root = tempTree({ 'locked.docx': oleFile(true), 'old.doc': oleFile(false), 'broken.docx': truncated, 'blank.docx': await emptyDocument(), 'zero.docx': new Uint8Array(0) });
    const before = files();
    for (const [file, says] of [
      ['locked.docx', /protected with a password/],
      ['old.doc', /older Word document/],
      ['broken.docx', /may be damaged/],
      ['blank.docx', /no text in it/],
      ['zero.docx', /empty \(0 bytes\)/],
    ] as const) {
      const r = await starr(root, 'import', file);
      assert.equal(r.code, 2, file);
      assert.match(r.stderr, says, file);
      assert.match(r.stderr, new RegExp(`^starr import: ${file.replace('.', '\\.')}: `));
    }
    assert.deepEqual(files(), before);
  });

  it('export writes a .docx beside each account of a folder, and the text is in word/document.xml', async () => {
    root = tempTree({ 'p/a.md': goodAccount(), 'p/sub/b.md': goodAccount(), 'p/notes.md': 'Shopping list\n' });
    const r = await starr(root, 'export', 'p');
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(files().filter((f) => f.endsWith('.docx')), ['p/a.docx', 'p/sub/b.docx']);
    const xml = await (await JSZip.loadAsync(fs.readFileSync(path.join(root, 'p/a.docx')))).file('word/document.xml')!.async('string');
    assert.ok(xml.includes('>Missed fridge delivery<'));
    assert.ok(xml.includes('>Reflection<'));
  });

  it('export refuses open feedback with the list, writes nothing, and --include-feedback exports it', async () => {
    root = tempTree({ 'a.md': goodAccount({ action: 'I {==logged it==}{>>[tutor:AB] Where?<<} then.' }) });
    const r = await starr(root, 'export', 'a.md', '--format', 'html');
    assert.equal(r.code, 1);
    assert.match(r.stderr, /✖ a\.md was not exported: it has open tutor feedback\. Reply to it and resolve it first, or add --include-feedback/);
    assert.match(r.stderr, /\n {4}line 22: tutor:AB: Where\?\n/);
    assert.ok(!fs.existsSync(path.join(root, 'a.html')));
    const ok = await starr(root, 'export', 'a.md', '--format', 'html', '--include-feedback');
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(read('a.html'), /logged it <span class="feedback">\[Tutor AB: Where\?\]<\/span> then\./);
  });

  it('the built CLI (dist/cli.js) loads the converters from dist/convert.js beside it, for import and export', async function () {
    this.timeout(60_000);
    root = tempTree({ 'lift.docx': await boldLabels() });
    const cli = path.resolve('dist/cli.js');
    assert.ok(!fs.readFileSync(cli, 'utf8').includes('wordprocessingml'), 'the CLI bundle leaves the converters out');
    const imported = spawnSync(process.execPath, [cli, 'import', 'lift.docx'], { cwd: root, encoding: 'utf8' });
    assert.equal(imported.status, 0, imported.stderr);
    const exported = spawnSync(process.execPath, [cli, 'export', 'lift.md', '--format', 'txt', '--include-feedback'], { cwd: root, encoding: 'utf8' });
    assert.equal(exported.status, 0, exported.stderr);
    assert.match(read('lift.txt'), /^My reflective account: the broken lift\n\n/);
  });

  it('export --out writes where asked, and replaces an earlier export', async () => {
    root = tempTree({ 'a.md': goodAccount(), 'out/A.txt': 'old export' });
    const r = await starr(root, 'export', 'a.md', '--format', 'txt', '--out', 'out/A.txt');
    assert.equal(r.code, 0, r.stderr);
    assert.match(read('out/A.txt'), /^Missed fridge delivery\n\nLearner: L-001/);
  });
});
