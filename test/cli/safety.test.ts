// Writes never lose a learner's work, and a path that does not exist never passes a gate.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, lstatSync, writeFileSync, statSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { command as coverage } from '../../src/cli/commands/coverage';
import { command as feedback } from '../../src/cli/commands/feedback';
import { command as report } from '../../src/cli/commands/report';
import { command as sample } from '../../src/cli/commands/sample';
import { writeTextFile } from '../../src/cli/node-host';
import type { CliCommand, CliIO } from '../../src/cli/types';

async function run(cwd: string, cmd: CliCommand, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { stdout: (s) => (out += s), stderr: (s) => (err += s), cwd, isTTY: false, colour: false };
  const code = await cmd.run(args, io);
  return { code, out, err };
}

describe('CLI writes are safe', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'starr-safety-'));
    cpSync(join(process.cwd(), 'test/fixtures/qa'), join(dir, 'qa'), { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('report --out refuses to replace an account it read, and leaves it as it was', async () => {
    const account = join(dir, 'qa/learner-a', 'courier-sla.md');
    const before = readFileSync(account, 'utf8');
    const r = await run(dir, report, 'qa', '--out', account);
    assert.equal(r.code, 2);
    assert.match(r.err, /did not write the report .* one of the accounts being read\. Choose another file name, or add --force/);
    assert.equal(readFileSync(account, 'utf8'), before);
  });

  it('sample --out refuses to replace any existing Markdown file; --force allows it; a new file is fine', async () => {
    const notes = join(dir, 'notes.md');
    writeFileSync(notes, 'My own notes.\n');
    const refused = await run(dir, sample, 'qa', '--size', '2', '--seed', 'x', '--out', notes);
    assert.equal(refused.code, 2);
    assert.equal(readFileSync(notes, 'utf8'), 'My own notes.\n');
    const forced = await run(dir, sample, 'qa', '--size', '2', '--seed', 'x', '--out', notes, '--force');
    assert.equal(forced.code, 0);
    assert.match(readFileSync(notes, 'utf8'), /^Sample of 2 from 10 accounts/);
    const fresh = await run(dir, report, 'qa', '--out', join(dir, 'report.md'));
    assert.equal(fresh.code, 0);
    // An existing non-Markdown output (a previous CSV) may be replaced.
    writeFileSync(join(dir, 'report.csv'), 'old');
    assert.equal((await run(dir, report, 'qa', '--format', 'csv', '--out', 'report.csv')).code, 0);
    assert.match(readFileSync(join(dir, 'report.csv'), 'utf8'), /^learner,unit/);
  });

  it('writing through a symlink changes the real file and keeps the link and the mode', () => {
    const real = join(dir, 'real.md');
    const link = join(dir, 'link.md');
    writeFileSync(real, 'old\n');
    chmodSync(real, 0o640);
    symlinkSync(real, link);
    writeTextFile(link, 'new\n');
    assert.ok(lstatSync(link).isSymbolicLink());
    assert.equal(readFileSync(real, 'utf8'), 'new\n');
    assert.equal(statSync(real).mode & 0o777, 0o640);
  });
});

describe('CLI exit codes for inputs that are not there', () => {
  const cwd = join(process.cwd(), 'test/fixtures/qa');
  for (const [name, cmd, args] of [
    ['coverage --require-full', coverage, ['--require-full']],
    ['report', report, []],
    ['sample', sample, ['--size', '2']],
    ['feedback', feedback, []],
  ] as const) {
    it(`${name} exits 2 on a missing path, and names it`, async () => {
      const r = await run(cwd, cmd, 'no-such-folder', ...args);
      assert.equal(r.code, 2);
      assert.match(r.err, /no-such-folder: no such file or folder/);
    });
  }

  it('a missing path next to a real one still exits 2, after reporting on the real one', async () => {
    const r = await run(cwd, report, '.', 'no-such-folder');
    assert.equal(r.code, 2);
    assert.match(r.out, /# STARR quality report/);
  });
});
