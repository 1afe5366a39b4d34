import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { accountInfo, writeJson, type FileReport } from '../../src/cli/format';
import { runCli } from '../../src/cli/main';
import { readTextFile, scanAccounts } from '../../src/cli/node-host';
import { analyseFile, inOrder } from '../../src/cli/parallel';
import { VERSION_TEXT } from '../../src/cli/version';
import { LineIndex } from '../../src/core/lines';
import { rules } from '../../src/rules';
import { captureIO, goodAccount, removeTree, starr, tempTree } from './cli-helpers';
import { countTotals, formatJson, formatSarif, formatText } from './reference-format';

/** `starr check` as it was before it streamed: every file analysed and held, then the whole document formatted. */
function wholeDocument(inputs: string[], cwd: string, format: 'text' | 'json' | 'sarif', verbose = false): string {
  const problems: { message: string; severity: 'error' | 'warning' }[] = [];
  const collected = scanAccounts(inputs, { cwd, onProblem: (message, severity = 'error') => void problems.push({ message, severity }) });
  const reports: FileReport[] = collected.accounts.map((a) => {
    const read = readTextFile(a.path);
    assert.ok(read.ok);
    const r = analyseFile(collected.resolver, { ...a, text: read.text }, a.config);
    const lines = new LineIndex(read.text);
    const findings = verbose ? r.findings : r.findings.map((f) => (f.detail === undefined ? f : { ...f, detail: undefined }));
    return { uri: a.uri, path: a.path, info: accountInfo(r.account), positionAt: (o) => lines.positionAt(o), findings, fixed: 0 };
  });
  // The exit code, worked out before the summary is written: 2 with an input or settings error, else 1 with an error finding.
  const incomplete = problems.filter((x) => x.severity === 'error').length;
  const exitCode = incomplete ? 2 : reports.some((f) => f.findings.some((x) => x.severity === 'error')) ? 1 : 0;
  const totals = countTotals(reports, { skipped: collected.skipped.length, unreadable: collected.unreadable.length, problems: incomplete - collected.unreadable.length, exitCode });
  if (format === 'json') return formatJson(reports, totals, VERSION_TEXT, problems.map((x) => x.message));
  if (format === 'sarif') return formatSarif(reports, rules, VERSION_TEXT, cwd, problems);
  return formatText(reports, totals, false);
}

describe('starr check streams its output', function () {
  this.timeout(120_000);
  const repo = process.cwd();
  let root: string | undefined;
  afterEach(() => {
    if (root) removeTree(root);
    root = undefined;
  });

  for (const format of ['text', 'json', 'sarif'] as const) {
    it(`writes ${format} byte for byte as the whole-document formatter did, over the examples and the test fixtures`, async () => {
      for (const folder of ['examples/portfolio', 'test/fixtures/accounts', 'test/fixtures/qa', 'test/fixtures/coverage']) {
        const r = await starr(repo, 'check', folder, '--format', format);
        assert.equal(r.stdout, wholeDocument([folder], repo, format), `${folder} as ${format}`);
      }
    });
  }

  for (const format of ['text', 'json'] as const) {
    it(`writes ${format} with --verbose details byte for byte as the whole-document formatter did`, async () => {
      root = tempTree({ 'p/a.md': goodAccount({ frontMatter: 'title: Refund: the courier\nunit: CS3-SP' }), 'p/b.md': goodAccount() });
      const r = await starr(root, 'check', 'p', '--format', format, '--verbose');
      assert.match(r.stdout, format === 'text' ? /\n {4}details: / : /"detail": /, 'the YAML reader\'s words are shown');
      assert.equal(r.stdout, wholeDocument(['p'], root, format, true));
      const quiet = await starr(root, 'check', 'p', '--format', format);
      assert.doesNotMatch(quiet.stdout, /details:|"detail"/);
      assert.equal(quiet.stdout, wholeDocument(['p'], root, format));
    });
  }

  it('writes a summary that is never ✔ on a failing run (a path that matched nothing), as the whole-document formatter did', async () => {
    root = tempTree({ 'p/a.md': goodAccount() });
    const r = await starr(root, 'check', 'p', 'nothing-here.md');
    assert.equal(r.code, 2);
    assert.match(r.stdout, /✖ 1 file checked: 0 errors/);
    assert.equal(r.stdout, wholeDocument(['p', 'nothing-here.md'], root, 'text'));
  });

  it('writes each file before it reads the next: a file removed once the first is written is missed', async () => {
    root = tempTree({ 'p/a.md': goodAccount({ drop: ['Result'] }), 'p/b.md': goodAccount({ drop: ['Task'] }), 'p/c.md': goodAccount({ drop: ['Task'] }) });
    const { io, out, err } = captureIO(root);
    const written: string[] = [];
    io.stdout = (s) => {
      out.push(s);
      // The moment a.md's findings are out, c.md goes: a run holding every file first would never see it go.
      if (s.includes('p/a.md:') && fs.existsSync(path.join(root!, 'p/c.md'))) {
        written.push(s);
        fs.rmSync(path.join(root!, 'p/c.md'));
      }
    };
    const code = await runCli(['check', 'p'], io);
    assert.equal(written.length, 1);
    assert.match(err.join(''), /p\/c\.md: no such file\./);
    assert.match(out.join(''), /p\/b\.md:\d+:\d+ {2}error/);
    assert.doesNotMatch(out.join(''), /p\/c\.md:/);
    assert.equal(code, 2, 'a file that could not be checked makes the run incomplete');
  });

  it('starts the JSON envelope before the first file is analysed', async () => {
    root = tempTree({ 'p/a.md': goodAccount() });
    const { io, out } = captureIO(root);
    io.stdout = (s) => {
      // a.md is analysed after the envelope is out: changing it now changes what is reported.
      if (!out.length) fs.writeFileSync(path.join(root!, 'p/a.md'), goodAccount({ drop: ['Reflection'] }));
      out.push(s);
    };
    await runCli(['check', 'p', '--format', 'json'], io);
    assert.match(out[0], /^\{\n {2}"tool": \{/);
    const doc = JSON.parse(out.join('')) as { files: { findings: { ruleId: string }[] }[] };
    assert.ok(doc.files[0].findings.some((f) => f.ruleId === 'missing-section'));
  });
});

describe('starr check and a slow pipe', () => {
  it('waits for stdout to drain after each chunk it hands over, in every format', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 6; i++) files[`p/a${i}.md`] = goodAccount({ drop: i % 2 ? ['Task'] : [], action: 'We dealt with it, as usual.' });
    const root = tempTree(files);
    try {
      for (const format of ['text', 'json', 'sarif']) {
        const { io, out } = captureIO(root);
        const log: string[] = [];
        io.stdout = (s) => {
          out.push(s);
          log.push('write');
        };
        io.drain = () => {
          log.push('drain');
          return new Promise((resolve) => setImmediate(resolve));
        };
        await runCli(['check', 'p', '--format', format], io);
        assert.ok(log.filter((x) => x === 'write').length > 1, 'written in several chunks');
        assert.ok(log.every((x, i) => x === 'drain' || log[i + 1] === 'drain'), `${format}: every write is followed by a wait: ${log.join(' ')}`);
        assert.equal(out.join(''), (await starr(root, 'check', 'p', '--format', format)).stdout);
      }
    } finally {
      removeTree(root);
    }
  });
});

describe('inOrder', () => {
  it('yields in the items\' order however the work finishes, with at most `window` started ahead', async () => {
    const pending: { n: number; resolve(v: string): void }[] = [];
    let started = 0;
    let yielded = 0;
    let most = 0;
    const start = (n: number) => {
      started++;
      most = Math.max(most, started - yielded);
      return new Promise<string>((resolve) => pending.push({ n, resolve }));
    };
    const got: [number, string][] = [];
    const run = (async () => {
      for await (const [n, r] of inOrder([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], start, 3)) {
        got.push([n, r]);
        yielded++;
      }
    })();
    // Finish the work newest first, each time all that has been started.
    while (got.length < 10) {
      await new Promise((r) => setImmediate(r));
      for (const p of pending.splice(0).reverse()) p.resolve(`r${p.n}`);
    }
    await run;
    assert.deepEqual(got, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => [n, `r${n}`]));
    assert.ok(most <= 3, `at most 3 ahead (was ${most})`);
  });
});

describe('writeJson', () => {
  const indented = (v: unknown, depth: number) => JSON.stringify(v, null, 2).replace(/\n/g, `\n${'  '.repeat(depth)}`);
  const written = (v: unknown, depth: number) => {
    const pieces: string[] = [];
    writeJson((s) => void pieces.push(s), v, depth);
    return { text: pieces.join(''), pieces: pieces.length };
  };

  it('writes what JSON.stringify(value, null, 2) writes, indented to its depth', () => {
    const value = fc.letrec((tie) => ({
      leaf: fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null)),
      node: fc.oneof({ depthSize: 'small' }, tie('leaf'), fc.array(tie('node')), fc.dictionary(fc.string(), fc.oneof(tie('node'), fc.constant(undefined)))),
    })).node;
    fc.assert(fc.property(value, fc.integer({ min: 0, max: 4 }), (v, depth) => assert.equal(written(v, depth).text, indented(v, depth))), { numRuns: 300 });
  });

  it('skips undefined properties, writes null for undefined in arrays, and uses toJSON, as JSON.stringify does', () => {
    const v = { a: undefined, b: [undefined, 1], c: new Date(0), d: {}, e: [] };
    assert.equal(written(v, 1).text, indented(v, 1));
  });

  it('hands a long list on in pieces rather than as one string', () => {
    const edits = Array.from({ length: 20_000 }, (_, i) => ({ span: { start: i, end: i + 1 }, newText: '[phone number]' }));
    const r = written({ edits }, 2);
    assert.equal(r.text, indented({ edits }, 2));
    assert.ok(r.pieces > 20, `${r.pieces} pieces`);
  });
});
