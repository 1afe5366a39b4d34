import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { goodAccount, removeTree, starr, tempTree } from './cli-helpers';

const LINE = /^(\S+):(\d+):(\d+) {2}(error|warning|info|hint)\s+(.+) {2}\[([a-z-]+)\]$/;

interface JsonOut {
  tool: { name: string; version: string };
  files: { path: string; words: number; reflection: { depth: string; moves: string[]; missing: string[] }; counts: Record<string, number>; fixed: number; findings: { ruleId: string; severity: string; message: string; line: number; column: number; endLine: number; endColumn: number; docsUrl: string; fixes?: unknown[] }[] }[];
  summary: { files: number; errors: number; warnings: number; info: number; hints: number; skipped: number; unreadable: number; fixed: number };
  problems: string[];
}

describe('starr check', () => {
  let root: string;
  afterEach(() => root && removeTree(root));

  it('prints path:line:col  severity  message  [rule] per finding, grouped by file, and a summary', async () => {
    root = tempTree({
      'a/good.md': goodAccount(),
      'a/no-result.md': goodAccount({ drop: ['Result', 'Reflection'] }),
      'b/vague.md': goodAccount({ action: 'We dealt with it and gave good customer service.' }),
    });
    const r = await starr(root, 'check', '.');
    assert.equal(r.code, 1, r.stderr);
    const lines = r.stdout.split('\n');
    const findings = lines.filter((l) => LINE.test(l));
    assert.ok(findings.length >= 3, r.stdout);
    const missing = findings.map((l) => LINE.exec(l)!).filter((m) => m[6] === 'missing-section');
    assert.equal(missing.length, 2);
    assert.equal(missing[0][1], 'a/no-result.md');
    assert.equal(missing[0][4], 'error');
    assert.match(missing[0][5], /Result/);
    // Grouped: all of one file's lines together, files separated by a blank line.
    const order = findings.map((l) => LINE.exec(l)![1]);
    assert.deepEqual(order, [...order].sort());
    assert.ok(lines.some((l, i) => l === '' && i > 0 && LINE.test(lines[i - 1])));
    const vague = findings.map((l) => LINE.exec(l)!).find((m) => m[6] === 'generic-language')!;
    const text = fs.readFileSync(path.join(root, 'b/vague.md'), 'utf8').split('\n');
    // One-based line and column point at the phrase itself.
    assert.ok(text[Number(vague[2]) - 1].slice(Number(vague[3]) - 1).toLowerCase().startsWith('dealt with') || text[Number(vague[2]) - 1].slice(Number(vague[3]) - 1).toLowerCase().startsWith('good customer service'));
    assert.match(lines.filter(Boolean).at(-1) ?? '', /3 files checked: \d+ errors?, \d+ warnings?, \d+ info/);
  });

  it('exits 0 when there are no errors, and never colours output that is not a terminal', async () => {
    root = tempTree({ 'good.md': goodAccount() });
    const r = await starr(root, 'check', 'good.md');
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.ok(!r.stdout.includes(String.fromCharCode(27)));
    assert.match(r.stdout, /1 file checked: 0 errors/);
  });

  it('--max-warnings fails the run when warnings exceed N, like ESLint', async () => {
    root = tempTree({ 'vague.md': goodAccount({ action: 'We dealt with it and gave good customer service, as usual.' }) });
    const plain = await starr(root, 'check', 'vague.md', '--format', 'json');
    const warnings = (JSON.parse(plain.stdout) as JsonOut).summary.warnings;
    assert.ok(warnings >= 2, plain.stdout);
    assert.equal(plain.code, 0);
    const under = await starr(root, 'check', 'vague.md', '--max-warnings', String(warnings));
    assert.equal(under.code, 0);
    const over = await starr(root, 'check', 'vague.md', '--max-warnings', String(warnings - 1));
    assert.equal(over.code, 1);
    assert.match(over.stderr, new RegExp(`Too many warnings: ${warnings}, and --max-warnings allows ${warnings - 1}`));
    const bad = await starr(root, 'check', 'vague.md', '--max-warnings', 'lots');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--max-warnings needs a whole number/);
  });

  it('--quiet shows errors only', async () => {
    root = tempTree({ 'x.md': goodAccount({ drop: ['Reflection'], action: 'We dealt with it, as usual.' }) });
    const r = await starr(root, 'check', 'x.md', '--quiet');
    const found = r.stdout.split('\n').filter((l) => LINE.test(l));
    assert.ok(found.length >= 1);
    assert.ok(found.every((l) => LINE.exec(l)![4] === 'error'), r.stdout);
  });

  it('--format json gives one-based positions, counts and the summary', async () => {
    root = tempTree({ 'pd.md': goodAccount({ action: 'I emailed the customer at jane.smith@example.com to confirm.' }) });
    const r = await starr(root, 'check', 'pd.md', '--format', 'json');
    assert.equal(r.code, 1);
    const doc = JSON.parse(r.stdout) as JsonOut;
    assert.equal(doc.tool.name, 'starr');
    assert.equal(doc.files.length, 1);
    const f = doc.files[0];
    assert.equal(f.path, 'pd.md');
    assert.ok(f.words > 300);
    const email = f.findings.find((x) => x.ruleId === 'personal-data')!;
    assert.ok(email, JSON.stringify(f.findings));
    const lines = fs.readFileSync(path.join(root, 'pd.md'), 'utf8').split('\n');
    assert.ok(lines[email.line - 1].slice(email.column - 1).startsWith('jane.smith@example.com'));
    assert.equal(email.endLine, email.line);
    assert.equal(email.endColumn - email.column, 'jane.smith@example.com'.length);
    assert.match(email.docsUrl, /docs\/rules\/personal-data\.md$/);
    const total = (s: string) => doc.files.reduce((n, x) => n + x.findings.filter((y) => y.severity === s).length, 0);
    assert.equal(doc.summary.errors, total('error'));
    assert.equal(doc.summary.warnings, total('warning'));
    assert.equal(doc.summary.files, 1);
    // How deep the reflection goes, per file, as the core judges it.
    assert.deepEqual(Object.keys(f.reflection), ['depth', 'moves', 'missing']);
    assert.ok(['none', 'descriptive', 'shallow', 'deep'].includes(f.reflection.depth));
  });

  it('--format json gives each file\'s reflection depth with its moves and what is missing', async () => {
    const reflection = 'I learned that communication is really important. Next time I will try to communicate better.';
    root = tempTree({ 'a.md': `## Situation\n\nA repair slipped.\n\n## Reflection\n\n${reflection}\n`, 'b.md': '## Situation\n\nA repair slipped.\n\n## Result\n\nIt was fixed.\n' });
    const doc = JSON.parse((await starr(root, 'check', '.', '--format', 'json')).stdout) as JsonOut;
    const by = Object.fromEntries(doc.files.map((f) => [f.path, f.reflection]));
    assert.deepEqual(by['a.md'], { depth: 'shallow', moves: ['learning', 'intention'], missing: ['evaluation', 'change'] });
    assert.equal(by['b.md'].depth, 'none');
  });

  it('--format sarif is SARIF 2.1.0 with rule metadata, regions and fixes', async () => {
    root = tempTree({ 'sub dir/pd.md': goodAccount({ action: 'I called Mrs Jane Smith on 07700 900123.', drop: ['Reflection'] }) });
    const r = await starr(root, 'check', '.', '--format', 'sarif');
    assert.equal(r.code, 1, r.stderr);
    const sarif = JSON.parse(r.stdout);
    assert.equal(sarif.version, '2.1.0');
    assert.match(sarif.$schema, /sarif-2\.1\.0/);
    assert.equal(sarif.runs.length, 1);
    const run = sarif.runs[0];
    const driver = run.tool.driver;
    assert.equal(driver.name, 'starr');
    assert.ok(driver.rules.length >= 10);
    for (const rule of driver.rules) {
      assert.match(rule.id, /^[a-z-]+$/);
      assert.equal(typeof rule.shortDescription.text, 'string');
      assert.ok(rule.fullDescription.text.length > 20, rule.id);
      assert.match(rule.helpUri, new RegExp(`docs/rules/${rule.id}\\.md$`));
      assert.ok(['error', 'warning', 'note'].includes(rule.defaultConfiguration.level));
    }
    assert.equal(run.originalUriBaseIds.SRCROOT.uri, `file://${root}/`);
    assert.ok(run.results.length >= 2);
    for (const res of run.results) {
      assert.equal(driver.rules[res.ruleIndex].id, res.ruleId);
      assert.ok(['error', 'warning', 'note'].includes(res.level));
      assert.equal(typeof res.message.text, 'string');
      const loc = res.locations[0].physicalLocation;
      assert.equal(loc.artifactLocation.uri, 'sub%20dir/pd.md');
      assert.equal(loc.artifactLocation.uriBaseId, 'SRCROOT');
      for (const k of ['startLine', 'startColumn', 'endLine', 'endColumn']) assert.ok(Number.isInteger(loc.region[k]) && loc.region[k] >= 1, k);
    }
    // Named by an absolute path inside the working folder: still relative; outside it: an absolute file: URI.
    const inside = JSON.parse((await starr(path.join(root, 'sub dir'), 'check', path.join(root, 'sub dir/pd.md'), '--format', 'sarif')).stdout);
    assert.equal(inside.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'pd.md');
    const elsewhere = tempTree({ 'x.md': goodAccount({ drop: ['Task'] }) });
    try {
      const abs = JSON.parse((await starr(root, 'check', path.join(elsewhere, 'x.md'), '--format', 'sarif')).stdout);
      const loc = abs.runs[0].results[0].locations[0].physicalLocation.artifactLocation;
      assert.equal(loc.uri, `file://${elsewhere}/x.md`);
      assert.equal(loc.uriBaseId, undefined);
    } finally {
      removeTree(elsewhere);
    }
    const missing = run.results.find((x: { ruleId: string }) => x.ruleId === 'missing-section');
    assert.equal(missing.level, 'error');
    const withFix = run.results.find((x: { fixes?: unknown[] }) => x.fixes?.length);
    assert.ok(withFix, 'some result carries a fix');
    const change = withFix.fixes[0].artifactChanges[0];
    assert.equal(change.artifactLocation.uri, 'sub%20dir/pd.md');
    assert.ok(change.replacements[0].deletedRegion.startLine >= 1);
    assert.equal(typeof change.replacements[0].insertedContent.text, 'string');
  });

  it('--fix applies the preferred fixes, re-checks, and writes the file only when it changed', async () => {
    const original = goodAccount({ drop: ['Result', 'Reflection'], action: 'I rang Mrs Jane Smith back the same day.' });
    root = tempTree({ 'fix.md': original, 'good.md': goodAccount() });
    const goodBefore = fs.statSync(path.join(root, 'good.md')).mtimeMs;
    const r = await starr(root, 'check', '.', '--fix', '--format', 'json');
    const fixed = fs.readFileSync(path.join(root, 'fix.md'), 'utf8');
    // Both missing sections at the same place: the second is added on the next pass.
    assert.match(fixed, /\n## Result\n\n<!-- What changed as a result\?/);
    assert.match(fixed, /\n## Reflection\n\n<!-- /);
    assert.ok(fixed.indexOf('## Result') < fixed.indexOf('## Reflection'));
    assert.match(fixed, /I rang Mrs S back the same day\./);
    // Nothing else changed: the original text is all still there, in order.
    assert.ok(fixed.startsWith(original.slice(0, original.indexOf('Mrs Jane Smith'))));
    const doc = JSON.parse(r.stdout) as JsonOut;
    const f = doc.files.find((x) => x.path === 'fix.md')!;
    assert.ok(f.fixed >= 3, `fixed ${f.fixed}`);
    assert.ok(!f.findings.some((x) => x.ruleId === 'personal-data'));
    assert.equal(fs.statSync(path.join(root, 'good.md')).mtimeMs, goodBefore);
    // Running it again changes nothing.
    await starr(root, 'check', '.', '--fix');
    assert.equal(fs.readFileSync(path.join(root, 'fix.md'), 'utf8'), fixed);
  });

  it('--format json marks the sections read from unlabelled writing as inferred', async () => {
    const prose = [
      '---', 'unit: CS3-SP', '---', '',
      'I work as a customer adviser at a furniture shop in Leeds. Last April a customer rang because her sofa had arrived in the wrong size.', '',
      'My task was to get the right sofa to her within our five-day exchange standard.', '',
      'I checked the order, I rang the warehouse and then I booked a collection with the courier. I emailed her the new date.', '',
      'As a result the sofa arrived two days later, and she rated the call 5 out of 5.', '',
    ].join('\n');
    root = tempTree({ 'prose.md': prose });
    const r = await starr(root, 'check', 'prose.md', '--format', 'json');
    const f = (JSON.parse(r.stdout) as { files: { structure: string; sections: { id: string; present: boolean; inferred: boolean }[]; findings: { ruleId: string; severity: string }[] }[] }).files[0];
    assert.equal(f.structure, 'unstructured');
    assert.deepEqual(f.sections.map((s) => `${s.id}:${s.present}:${s.inferred}`), ['situation:true:true', 'task:true:true', 'action:true:true', 'result:true:true', 'reflection:false:false']);
    assert.deepEqual(f.findings.filter((x) => x.ruleId === 'unstructured-account').map((x) => x.severity), ['info']);
    assert.deepEqual(f.findings.filter((x) => x.ruleId === 'missing-section').map((x) => x.severity), ['error']);
  });

  it('--fix leaves labels on consecutive lines alone: it adds no second, empty label', async () => {
    const t = ['---', 'unit: CS3-SP', '---', '', 'Situation: a customer rang on 3 March because her sofa had arrived in the wrong size.', 'Task: I had to get the right sofa to her within five days.', 'Action: I rang the warehouse and booked a collection with the courier.', 'Result: the sofa arrived two days later and she rated the call 5 out of 5.', ''].join('\n');
    root = tempTree({ 'lines.md': t });
    await starr(root, 'check', 'lines.md', '--fix');
    const fixed = fs.readFileSync(path.join(root, 'lines.md'), 'utf8');
    for (const label of ['Situation', 'Task', 'Action', 'Result']) assert.equal(fixed.split(`${label}:`).length - 1, 1, `${label} once:\n${fixed}`);
    // Only the missing Reflection is added, once, at the end.
    assert.equal(fixed.match(/Reflection/g)?.length, 1);
    assert.ok(fixed.startsWith(t.trimEnd()));
  });

  it('--fix never inserts inside a tutor\'s comment, and a heading inside one is not a section', async () => {
    const comment = '{>>[tutor:AB open] why\n## Reflection\nthis<<}';
    const t = `## Situation\n\nI was on the desk.\n\n## Action\n\nI rang the depot ${comment} done.\n`;
    root = tempTree({ 'h.md': t });
    await starr(root, 'check', 'h.md', '--fix');
    const fixed = fs.readFileSync(path.join(root, 'h.md'), 'utf8');
    assert.ok(fixed.includes(`I rang the depot ${comment} done.\n`), fixed);
    // The real Result and Reflection are added after the comment, in order, once each.
    const after = fixed.slice(fixed.indexOf('<<} done.'));
    assert.match(after, /\n## Result\n[\s\S]*\n## Reflection\n/);
    assert.equal(fixed.match(/^## Result$/gm)?.length, 1);
  });

  it('--fix moves a comment above the front matter below it, and adds no second block', async () => {
    const t = '<!-- a note -->\n---\ntitle: Refund\nlearner: L-014\nunit: CS3-SP\ndate: 2026-03-04\n---\n## Situation\n\nI was on the desk.\n';
    root = tempTree({ 'fm.md': t });
    const r = await starr(root, 'check', 'fm.md', '--fix', '--format', 'json');
    const fixed = fs.readFileSync(path.join(root, 'fm.md'), 'utf8');
    assert.ok(fixed.startsWith('---\ntitle: Refund\nlearner: L-014\nunit: CS3-SP\ndate: 2026-03-04\n---\n<!-- a note -->\n## Situation\n'), fixed);
    assert.equal(fixed.match(/^---$/gm)?.length, 2);
    // The fields are read: nothing is missing from the front matter any more.
    const doc = JSON.parse(r.stdout) as JsonOut;
    assert.deepEqual(doc.files[0].findings.filter((x) => x.ruleId === 'front-matter'), []);
  });

  it('explains a YAML error in plain words; --verbose adds the YAML reader\'s own, in text and JSON', async () => {
    root = tempTree({ 'y.md': '---\ntitle: Refund: the courier\nunit: CS3-SP\n---\n## Situation\n\nText.\n' });
    const plain = await starr(root, 'check', 'y.md');
    assert.match(plain.stdout, /y\.md:2:1 {2}error {4}The value of "title" has a colon in it: ‘title: Refund: the courier’\. .+Put the value in quotes: title: "Refund: the courier"\./);
    assert.doesNotMatch(plain.stdout, /Nested mappings/);
    const verbose = await starr(root, 'check', 'y.md', '--verbose');
    assert.match(verbose.stdout, /\[front-matter\]\n {4}details: Nested mappings are not allowed in compact mappings\n/);
    const json = JSON.parse((await starr(root, 'check', 'y.md', '--format', 'json')).stdout) as { files: { findings: { detail?: string }[] }[] };
    assert.ok(json.files[0].findings.every((f) => f.detail === undefined));
    const jsonVerbose = JSON.parse((await starr(root, 'check', 'y.md', '--format', 'json', '--verbose')).stdout) as { files: { findings: { ruleId: string; detail?: string }[] }[] };
    assert.equal(jsonVerbose.files[0].findings.find((f) => f.ruleId === 'front-matter')?.detail, 'Nested mappings are not allowed in compact mappings');
  });

  it('--fix keeps a byte-order mark and CRLF line endings', async () => {
    const crlf = goodAccount({ action: 'I emailed jane.smith@example.com.' }).replace(/\n/g, '\r\n');
    root = tempTree({ 'bom.md': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(crlf)]) });
    await starr(root, 'check', 'bom.md', '--fix');
    const bytes = fs.readFileSync(path.join(root, 'bom.md'));
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    assert.doesNotMatch(text, /jane\.smith@example\.com/);
    assert.equal(text.replace(/\[customer email\]/, 'jane.smith@example.com'), crlf);
  });

  it('reports a binary file, invalid UTF-8 and a huge file on stderr and still checks the others', async () => {
    const bad = Buffer.from('---\ntitle: x\n---\n\n## Situation\n\nCaf\xe9 au lait\n', 'latin1');
    root = tempTree({
      'binary.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
      'latin1.md': bad,
      'good.md': goodAccount({ drop: ['Reflection'] }),
    });
    fs.writeFileSync(path.join(root, 'huge.md'), Buffer.alloc(10 * 1024 * 1024 + 10, 'a'));
    const r = await starr(root, 'check', 'binary.md', 'latin1.md', 'huge.md', 'good.md');
    assert.equal(r.code, 2, 'a file that could not be read makes the run incomplete');
    assert.match(r.stderr, /binary\.md: skipped: this looks like a binary file/);
    assert.match(r.stderr, /latin1\.md: skipped: the file is not valid UTF-8 text \(the first bad byte is at line 7, column 4\)\. .*UTF-8/);
    assert.match(r.stderr, /huge\.md: skipped: the file is 10 MB, more than the 10 MB STARR checks/);
    assert.match(r.stdout, /good\.md:\d+:\d+ {2}error\s+.*\[missing-section\]/);
    assert.match(r.stdout, /1 file checked/);
    assert.match(r.stdout, /3 files could not be read/);
  });

  it('a broken .starr.yaml is reported at file:line:col, the defaults are used, and the other files are checked', async () => {
    root = tempTree({
      'portfolio/.starr.yaml': 'framework: starr\nwords:\n  min: lots\n',
      'portfolio/learner/x.md': goodAccount({ drop: ['Task'] }),
    });
    const r = await starr(root, 'check', 'portfolio');
    assert.match(r.stderr, /portfolio\/\.starr\.yaml:3:\d+ {2}error {2}"words\.min" should be a whole number, not "lots"\. STARR ignores this setting until it is fixed\.\n/);
    assert.equal(r.stderr.split('\n').filter((l) => l.includes('.starr.yaml')).length, 1, 'one message for one mistake');
    assert.match(r.stdout, /portfolio\/learner\/x\.md:\d+:\d+ {2}error\s+.*Task.*\[missing-section\]/);
    assert.equal(r.code, 2);

    fs.writeFileSync(path.join(root, 'portfolio/.starr.yaml'), 'framework: starr\nrules: [oops\n');
    const syntax = await starr(root, 'check', 'portfolio', '--format', 'json');
    assert.match(syntax.stderr, /portfolio\/\.starr\.yaml:2:\d+ {2}error {2}The value of "rules" opens a list with "\[" but does not close it/);
    assert.doesNotMatch(syntax.stderr, /details:/);
    const verbose = await starr(root, 'check', 'portfolio', '--verbose');
    assert.match(verbose.stderr, /opens a list with "\[" but does not close it.*\n {4}details: \S/);
    assert.equal((JSON.parse(syntax.stdout) as JsonOut).summary.files, 1);
  });

  it('uses the nearest .starr.yaml (rules, exclude) and --config / --framework', async () => {
    root = tempTree({
      'p/.starr.yaml': 'rules:\n  missing-section: warning\nexclude:\n  - drafts/**\n',
      'p/a.md': goodAccount({ drop: ['Reflection'] }),
      'p/drafts/b.md': goodAccount({ drop: ['Reflection'] }),
      'other.yaml': 'rules:\n  missing-section: off\n',
    });
    const r = await starr(root, 'check', 'p', '--format', 'json');
    const doc = JSON.parse(r.stdout) as JsonOut;
    assert.deepEqual(doc.files.map((f) => f.path), ['p/a.md']);
    assert.equal(doc.summary.skipped, 1);
    assert.equal(doc.files[0].findings.find((f) => f.ruleId === 'missing-section')?.severity, 'warning');
    assert.equal(r.code, 0);
    // A file named on the command line is checked even when excluded.
    const named = await starr(root, 'check', 'p/drafts/b.md', '--format', 'json');
    assert.equal((JSON.parse(named.stdout) as JsonOut).summary.files, 1);
    const off = await starr(root, 'check', 'p/a.md', '--config', 'other.yaml', '--format', 'json');
    assert.ok(!(JSON.parse(off.stdout) as JsonOut).files[0].findings.some((f) => f.ruleId === 'missing-section'));
    const star = await starr(root, 'check', 'p/a.md', '--framework', 'star', '--format', 'json');
    assert.ok(!(JSON.parse(star.stdout) as JsonOut).files[0].findings.some((f) => f.ruleId === 'missing-section'), 'STAR has no Reflection');
    const missing = await starr(root, 'check', 'p', '--config', 'nope.yaml');
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /nope\.yaml: no such file/);
  });

  it('expands folders and globs, skipping node_modules, dot-folders and Markdown that is not an account', async () => {
    root = tempTree({
      'port/a.md': goodAccount(),
      'port/deep/er/b.markdown': goodAccount(),
      'port/README.md': '# Read me\n\nHow to use this folder.\n',
      'port/notes.txt': 'not markdown',
      'port/node_modules/pkg/c.md': goodAccount(),
      'port/.git/d.md': goodAccount(),
      'port/.hidden/e.md': goodAccount(),
    });
    const json = async (...args: string[]) => JSON.parse((await starr(root, 'check', ...args, '--format', 'json')).stdout) as JsonOut;
    const folder = await json('port');
    assert.deepEqual(folder.files.map((f) => f.path), ['port/a.md', 'port/deep/er/b.markdown']);
    assert.equal(folder.summary.skipped, 1);
    const all = await json('port', '--all-files');
    assert.deepEqual(all.files.map((f) => f.path), ['port/README.md', 'port/a.md', 'port/deep/er/b.markdown']);
    const glob = await json('port/**/*.markdown');
    assert.deepEqual(glob.files.map((f) => f.path), ['port/deep/er/b.markdown']);
    const star = await json('port/*.md', 'port/a.md');
    assert.deepEqual(star.files.map((f) => f.path), ['port/a.md']);
    const none = await starr(root, 'check', 'port/**/*.mdx', 'missing-folder');
    assert.equal(none.code, 2);
    assert.match(none.stderr, /port\/\*\*\/\*\.mdx: no files match this pattern/);
    assert.match(none.stderr, /missing-folder: no such file or folder/);
  });

  it('gives clear usage errors', async () => {
    root = tempTree({});
    const noArgs = await starr(root, 'check');
    assert.equal(noArgs.code, 2);
    assert.match(noArgs.stderr, /Name at least one file, folder or glob/);
    const badFormat = await starr(root, 'check', '.', '--format', 'xml');
    assert.equal(badFormat.code, 2);
    assert.match(badFormat.stderr, /--format must be one of text, json, sarif/);
    const unknown = await starr(root, 'check', '.', '--frobnicate');
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /frobnicate/);
    assert.match(unknown.stderr, /starr check --help/);
  });
});
