import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeText, findConfigFile, firstInvalidUtf8, looksLikeAccount, readTextFile, writeTextFile } from '../../src/cli/node-host';
import { loadPortfolio } from '../../src/cli/load';
import { goodAccount, removeTree, tempTree } from './cli-helpers';

describe('CLI node host', () => {
  let root: string;
  afterEach(() => root && removeTree(root));

  it('reads UTF-8 with and without a BOM, and UTF-16 with a BOM', () => {
    const bom = decodeText(Buffer.from([0xef, 0xbb, 0xbf, 0x68, 0x69]));
    assert.ok(bom.ok && bom.text === 'hi' && bom.bom && bom.encoding === 'utf-8');
    const le = decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('héllo', 'utf16le')]));
    assert.ok(le.ok && le.text === 'héllo' && le.encoding === 'utf-16le');
    const plain = decodeText(Buffer.from('£5 — “quoted”'));
    assert.ok(plain.ok && plain.text === '£5 — “quoted”' && !plain.bom);
  });

  it('finds the first invalid UTF-8 byte (overlong, surrogate, truncated, stray continuation)', () => {
    assert.equal(firstInvalidUtf8(Buffer.from('ok £ € 😀')), -1);
    assert.equal(firstInvalidUtf8(Buffer.from([0x61, 0xc0, 0x80])), 1);
    assert.equal(firstInvalidUtf8(Buffer.from([0x61, 0x62, 0xed, 0xa0, 0x80])), 2);
    assert.equal(firstInvalidUtf8(Buffer.from([0x61, 0xe2, 0x82])), 1);
    assert.equal(firstInvalidUtf8(Buffer.from([0x80])), 0);
    assert.equal(firstInvalidUtf8(Buffer.from([0xf4, 0x90, 0x80, 0x80])), 0);
  });

  it('refuses files over the size limit before reading them', () => {
    root = tempTree({ 'big.md': 'x'.repeat(5000) });
    const r = readTextFile(path.join(root, 'big.md'), 4096);
    assert.ok(!r.ok && r.reason === 'too-large');
    assert.match(r.message, /5 KB, more than the 4 KB/);
    const missing = readTextFile(path.join(root, 'nope.md'));
    assert.ok(!missing.ok && missing.reason === 'missing');
  });

  it('writes back atomically, keeping the BOM and UTF-16 encoding', () => {
    root = tempTree({});
    const f = path.join(root, 'a.md');
    writeTextFile(f, 'héllo', { bom: true, encoding: 'utf-16be' });
    const back = readTextFile(f);
    assert.ok(back.ok && back.text === 'héllo' && back.encoding === 'utf-16be' && back.bom);
    assert.deepEqual(fs.readdirSync(root), ['a.md'], 'no temporary file left behind');
  });

  it('finds .starr.yaml or .starr.yml by walking up', () => {
    root = tempTree({ 'p/.starr.yml': 'framework: star\n', 'p/a/b/c.md': 'x' });
    assert.equal(findConfigFile(path.join(root, 'p/a/b')), path.join(root, 'p/.starr.yml'));
  });

  it('tells accounts from other Markdown without parsing', () => {
    assert.ok(looksLikeAccount('---\nunit: CS3-SP\n---\ntext', 'starr'));
    assert.ok(looksLikeAccount('# x\n\n## Situation\n\nA\n\n## What I did\n\nB\n', 'starr'));
    assert.ok(looksLikeAccount('**Situation:** a\n\n**Task:** b\n', 'starr'));
    assert.ok(!looksLikeAccount('# Read me\n\n## Install\n\nnpm i\n', 'starr'));
    assert.ok(!looksLikeAccount('---\ntitle: Notes\n---\n\n## Situation\n', 'starr'));
  });

  it('loadPortfolio indexes every account with per-file config, problems reported not thrown', async () => {
    root = tempTree({
      'p/.starr.yaml': 'framework: star\n',
      'p/l1/a.md': goodAccount(),
      'p/l2/b.md': goodAccount({ drop: ['Task'], frontMatter: 'title: B\nunit: CS3-SP\ndate: 2026-01-01' }),
      'p/l2/bin.md': Buffer.from([1, 0, 2]),
      'p/README.md': '# about\n',
    });
    const problems: string[] = [];
    const p = await loadPortfolio(['p'], { cwd: root, onProblem: (m) => void problems.push(m), now: new Date('2026-11-22') });
    assert.deepEqual(p.index.all().map((s) => s.uri), ['p/l1/a.md', 'p/l2/b.md']);
    const b = p.index.get('p/l2/b.md')!;
    assert.equal(b.framework, 'star');
    assert.equal(b.learner, 'l2', 'the folder name when front matter has no learner');
    assert.ok(b.findingsByRule?.['missing-section'], 'findings kept as counts by rule');
    assert.deepEqual(b.findings, [], 'and not whole');
    assert.ok(p.catalog.hasUnit('CS3-SP'));
    assert.deepEqual(p.unreadable, ['p/l2/bin.md']);
    assert.equal(p.skipped.length, 1);
    assert.ok(problems.some((m) => /bin\.md: skipped: this looks like a binary file/.test(m)));
  });
});
