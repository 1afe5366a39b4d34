import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cacheFile } from '../../src/cli/cache';
import { goodAccount, removeTree, starr, tempTree } from './cli-helpers';

const TAMPERED = 'FROM THE CACHE';

/** A line of the cache file: the header, or an account's entry with its check (`c`) and summary (`s`) parts. */
interface CacheLine {
  version?: string;
  p?: string;
  c?: { d?: string; v: { findings: { message: string }[] } };
  s?: { v: { title: string } };
}

/** Rewrite the cache's entries (and header) in place: how a test tells a result read from the cache from one made afresh. */
function editCache(file: string, edit: (entry: CacheLine, i: number) => void): void {
  const lines = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean);
  const out = lines.map((line, i) => {
    const entry = JSON.parse(line) as CacheLine;
    edit(entry, i);
    return JSON.stringify(entry);
  });
  fs.writeFileSync(file, `${out.join('\n')}\n`);
}

/** Mark every cached finding's message, so a hit shows in the output. */
const tamperFindings = (file: string) =>
  editCache(file, (e, i) => {
    if (i > 0) for (const f of e.c!.v.findings) f.message = TAMPERED;
  });

describe('starr check --cache', function () {
  this.timeout(60_000);
  let root: string;
  let cache: string;
  beforeEach(() => {
    root = tempTree({ 'p/a.md': goodAccount({ drop: ['Result'] }), 'p/b.md': goodAccount({ action: 'We dealt with it.' }) });
    cache = path.join(root, '.starrcache');
  });
  afterEach(() => removeTree(root));

  it('gives the same output from the cache as without it, and reads it on the next run', async () => {
    const plain = await starr(root, 'check', 'p');
    const cold = await starr(root, 'check', 'p', '--cache');
    assert.equal(cold.stdout, plain.stdout);
    assert.equal(cold.code, plain.code);
    assert.ok(fs.existsSync(cache), 'written to .starrcache in the working folder');
    assert.deepEqual(fs.readdirSync(root).filter((f) => f.endsWith('.tmp')), [], 'written through a temporary file, renamed');
    const warm = await starr(root, 'check', 'p', '--cache');
    assert.equal(warm.stdout, plain.stdout);
    tamperFindings(cache);
    const hit = await starr(root, 'check', 'p', '--cache');
    assert.match(hit.stdout, new RegExp(`p/a\\.md:\\d+:\\d+ {2}error\\s+${TAMPERED}`));
    assert.match(hit.stdout, new RegExp(`p/b\\.md:\\d+:\\d+ {2}\\w+\\s+${TAMPERED}`));
  });

  it('checks again a file whose text changed, and only that one', async () => {
    await starr(root, 'check', 'p', '--cache');
    tamperFindings(cache);
    fs.appendFileSync(path.join(root, 'p/a.md'), '\nOne more line.\n');
    const r = await starr(root, 'check', 'p', '--cache');
    assert.doesNotMatch(r.stdout, new RegExp(`p/a\\.md:.*${TAMPERED}`));
    assert.match(r.stdout, /p\/a\.md:\d+:\d+ {2}error .*\[missing-section\]/);
    assert.match(r.stdout, new RegExp(`p/b\\.md:.*${TAMPERED}`));
  });

  it('checks every file again when the settings change', async () => {
    await starr(root, 'check', 'p', '--cache');
    tamperFindings(cache);
    fs.writeFileSync(path.join(root, '.starr.yaml'), 'rules:\n  section-balance: off\n');
    const r = await starr(root, 'check', 'p', '--cache');
    assert.doesNotMatch(r.stdout, new RegExp(TAMPERED));
    assert.match(r.stdout, /\[missing-section\]/);
  });

  it('checks every file again after the tool changes version', async () => {
    await starr(root, 'check', 'p', '--cache');
    tamperFindings(cache);
    editCache(cache, (e, i) => {
      if (i === 0) e.version = '0.0.1-older';
    });
    const r = await starr(root, 'check', 'p', '--cache');
    assert.doesNotMatch(r.stdout, new RegExp(TAMPERED));
    assert.doesNotMatch(fs.readFileSync(cache, 'utf8'), /0\.0\.1-older/, 'rewritten for this version');
  });

  it('keeps a result that depends on the date for that day only', async () => {
    fs.writeFileSync(path.join(root, 'p/a.md'), goodAccount({ frontMatter: 'title: No date\nlearner: L-001\nunit: CS3-SP' }));
    await starr(root, 'check', 'p', '--cache');
    tamperFindings(cache);
    const today = await starr(root, 'check', 'p', '--cache');
    assert.match(today.stdout, new RegExp(`p/a\\.md:.*${TAMPERED}`));
    editCache(cache, (e, i) => {
      if (i > 0 && e.c!.d) e.c!.d = '2000-01-01';
    });
    const later = await starr(root, 'check', 'p', '--cache');
    assert.doesNotMatch(later.stdout, new RegExp(`p/a\\.md:.*${TAMPERED}`), 'a.md has no date: its fix writes today\'s');
    assert.match(later.stdout, new RegExp(`p/b\\.md:.*${TAMPERED}`), 'b.md does not depend on the date');
  });

  it('ignores a damaged cache with one plain note, and writes a good one', async () => {
    const plain = await starr(root, 'check', 'p');
    fs.writeFileSync(cache, '{"starrCache":1,"version"\nnot json at all\n');
    const r = await starr(root, 'check', 'p', '--cache');
    assert.equal(r.stdout, plain.stdout);
    assert.equal(r.code, plain.code);
    const notes = r.stderr.split('\n').filter((l) => /cache/i.test(l));
    assert.equal(notes.length, 1, r.stderr);
    assert.match(notes[0], /could not be read \(it is damaged\), so every file is checked afresh/);
    tamperFindings(cache);
    assert.match((await starr(root, 'check', 'p', '--cache')).stdout, new RegExp(TAMPERED));
  });

  it('ignores a cache damaged part-way through, keeping the entries before the damage', async () => {
    await starr(root, 'check', 'p', '--cache');
    tamperFindings(cache);
    const lines = fs.readFileSync(cache, 'utf8').split('\n');
    fs.writeFileSync(cache, `${lines[0]}\n${lines[1]}\n{"p": broken\n`);
    const r = await starr(root, 'check', 'p', '--cache');
    assert.match(r.stdout, new RegExp(`p/a\\.md:.*${TAMPERED}`));
    assert.doesNotMatch(r.stdout, new RegExp(`p/b\\.md:.*${TAMPERED}`));
    assert.equal(r.stderr.split('\n').filter((l) => /cache/i.test(l)).length, 1);
  });

  it('--cache-location names the file, or a folder to put .starrcache in', async () => {
    fs.mkdirSync(path.join(root, 'caches'));
    await starr(root, 'check', 'p', '--cache', '--cache-location', 'caches');
    assert.ok(fs.existsSync(path.join(root, 'caches', '.starrcache')));
    await starr(root, 'check', 'p', '--cache', '--cache-location', 'mine.cache');
    assert.ok(fs.existsSync(path.join(root, 'mine.cache')));
    assert.equal(cacheFile('new/', root), path.join(root, 'new', '.starrcache'));
    assert.ok(!fs.existsSync(cache));
  });

  it('keeps the entries of files another run checked, and forgets files that are gone', async () => {
    fs.mkdirSync(path.join(root, 'q'));
    fs.writeFileSync(path.join(root, 'q/c.md'), goodAccount());
    await starr(root, 'check', 'p', 'q', '--cache');
    fs.rmSync(path.join(root, 'p/b.md'));
    await starr(root, 'check', 'q', '--cache');
    const paths = fs.readFileSync(cache, 'utf8').split('\n').filter(Boolean).slice(1).map((l) => path.relative(root, (JSON.parse(l) as { p: string }).p));
    assert.deepEqual(paths, [path.join('p', 'a.md'), path.join('q', 'c.md')]);
  });
});

describe('starr report --cache', function () {
  this.timeout(60_000);
  let root: string;
  beforeEach(() => {
    root = tempTree({ 'p/l1/a.md': goodAccount({ drop: ['Result'] }), 'p/l2/b.md': goodAccount() });
  });
  afterEach(() => removeTree(root));

  it('keeps each account\'s summary, and reports the same from it', async () => {
    const withoutDate = (s: string) => s.replace(/"generated": "[^"]*"/, '');
    const plain = await starr(root, 'report', 'p', '--format', 'json');
    const cold = await starr(root, 'report', 'p', '--format', 'json', '--cache');
    const warm = await starr(root, 'report', 'p', '--format', 'json', '--cache');
    assert.equal(withoutDate(cold.stdout), withoutDate(plain.stdout));
    assert.equal(withoutDate(warm.stdout), withoutDate(plain.stdout));
    editCache(path.join(root, '.starrcache'), (e, i) => {
      if (i > 0) e.s!.v.title = TAMPERED;
    });
    assert.match((await starr(root, 'report', 'p', '--format', 'json', '--cache')).stdout, new RegExp(`"title": "${TAMPERED}"`));
  });
});
