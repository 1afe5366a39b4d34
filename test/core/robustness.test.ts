// Bad and strange input: the analysis must never throw, must say something useful about input that is not an
// account, and every range it hands out must lie inside the document.
import assert from 'node:assert/strict';
import { tests as specExamples } from 'commonmark-spec';
import fc from 'fast-check';
import { analyze, applyEdits, defaultConfig, resolveConfig, type AnalysisResult } from '../../src/analysis';
import { assertEdits, assertInvariants, type InvariantOptions } from '../fixtures/invariants';

const NOW = new Date('2026-11-22T09:00:00Z');

function check(text: string, opts: InvariantOptions = { independentPositions: true, sentences: true }): AnalysisResult {
  const r = analyze(text, { now: NOW });
  assertInvariants(text, r, opts);
  return r;
}

const has = (r: AnalysisResult, ruleId: string) => r.findings.some((f) => f.ruleId === ruleId);
const ids = (r: AnalysisResult) => r.findings.map((f) => f.ruleId).join(', ');

const ACCOUNT = [
  '---',
  'title: Late parcels',
  'learner: L-014',
  'unit: CS3-SP',
  'date: 2026-03-04',
  '---',
  '',
  '## Situation',
  '',
  'In March 2026 our courier partner missed its next-day SLA for 212 parcels (AC 1.1).',
  '',
  '## Task',
  '',
  'I had to restore on-time delivery to 98% within four weeks.',
  '',
  '## Action',
  '',
  '- I analysed the tracking data.',
  '- I agreed a second collection with the depot manager.',
  '',
  '## Result',
  '',
  'On-time delivery rose from 86% to 98.6%.',
  '',
  '## Reflection',
  '',
  'Next time I will review collection times with the partner every month.',
  '',
].join('\n');

describe('robustness: bad input', () => {
  it('an empty file gets one clear finding, at offset 0', () => {
    const r = check('');
    assert.ok(has(r, 'unstructured-account'), ids(r));
    for (const f of r.findings) assert.deepEqual(f.span, { start: 0, end: 0 });
  });

  it('a whitespace-only file is treated as empty', () => {
    const r = check('  \n\t\n   \r\n');
    assert.ok(has(r, 'unstructured-account'), ids(r));
    assert.equal(r.account.words, 0);
  });

  it('prose too short to read part by part gets one unstructured finding, not five missing sections', () => {
    const r = check('I rang the courier on 3 March.\n\nDelivery rose to 98%.\n');
    assert.equal(r.account.structure, 'unstructured');
    assert.equal(r.account.sections.length, 0);
    assert.deepEqual(r.findings.filter((f) => f.ruleId === 'unstructured-account').map((f) => f.severity), ['error']);
    assert.ok(!has(r, 'missing-section'), ids(r));
  });

  it('prose read part by part gets a gentle note, and only the parts not found are reported missing', () => {
    const r = check('I rang the courier on 3 March about the late parcels for our shop.\n\nOn-time delivery rose to 98% by the end of the month.\n\nNext time I will check the tracking sooner.\n');
    assert.equal(r.account.structure, 'unstructured');
    assert.ok(r.account.sections.length > 0 && r.account.sections.every((s) => s.inferred));
    assert.deepEqual(r.findings.filter((f) => f.ruleId === 'unstructured-account').map((f) => f.severity), ['info']);
    const missing = r.findings.filter((f) => f.ruleId === 'missing-section').map((f) => f.data?.section);
    assert.deepEqual(missing, r.account.framework.sections.map((d) => d.id).filter((id) => !r.account.sectionById.has(id)));
  });

  it('only front matter: the fields are read and the missing writing is reported', () => {
    const r = check('---\ntitle: Late parcels\nunit: CS3-SP\nlearner: L-014\ndate: 2026-03-04\n---\n');
    assert.equal(r.account.frontMatter?.fields.unit, 'CS3-SP');
    assert.ok(has(r, 'unstructured-account'), ids(r));
  });

  it('unclosed front matter does not swallow the account', () => {
    const r = check('---\ntitle: Late parcels\nunit: CS3-SP\n\n## Situation\n\nI rang the depot.\n');
    assert.equal(r.account.frontMatter, undefined);
    assert.ok(r.account.sectionById.has('situation'));
    assert.ok(has(r, 'front-matter'), ids(r));
  });

  for (const [name, yaml] of [['a list', '- title\n- unit'], ['a scalar', 'just some words'], ['a number', '42']]) {
    it(`front matter that is ${name} is a front-matter error at its place`, () => {
      const text = `---\n${yaml}\n---\n## Situation\n\nI rang the depot.\n`;
      const r = check(text);
      const f = r.findings.find((x) => x.ruleId === 'front-matter' && x.severity === 'error');
      assert.ok(f, ids(r));
      assert.equal(f.start.line, 1);
      assert.ok(r.account.sectionById.has('situation'));
    });
  }

  it('broken YAML is reported at its line and the body is still analysed', () => {
    const r = check('---\ntitle: Late parcels\ncriteria: [1.1, 2.3\ndate: 2026-03-04\n---\n## Situation\n\nI rang the depot.\n');
    const f = r.findings.find((x) => x.ruleId === 'front-matter' && x.severity === 'error');
    assert.ok(f, ids(r));
    assert.ok(f.start.line >= 1 && f.start.line <= 3, `line ${f.start.line}`);
    assert.ok(r.account.sectionById.has('situation'));
  });

  it('CRLF line endings give the same sections, words and lines as LF', () => {
    const lf = check(ACCOUNT);
    const crlf = check(ACCOUNT.replace(/\n/g, '\r\n'));
    assert.deepEqual(crlf.account.sections.map((s) => [s.id, s.words]), lf.account.sections.map((s) => [s.id, s.words]));
    assert.deepEqual(crlf.account.frontMatter?.fields, lf.account.frontMatter?.fields);
    assert.deepEqual(crlf.findings.map((f) => [f.ruleId, f.start.line]), lf.findings.map((f) => [f.ruleId, f.start.line]));
    assert.deepEqual(crlf.account.criteria.map((c) => c.id), lf.account.criteria.map((c) => c.id));
  });

  it('lone CR line endings (old Mac) give the same sections and lines', () => {
    const lf = check(ACCOUNT);
    const cr = check(ACCOUNT.replace(/\n/g, '\r'));
    assert.deepEqual(cr.account.sections.map((s) => [s.id, s.words]), lf.account.sections.map((s) => [s.id, s.words]));
    for (const s of cr.account.sections) {
      assert.equal(cr.account.positionAt(s.heading.span.start).line, lf.account.positionAt(lf.account.sectionById.get(s.id)!.heading.span.start).line);
    }
  });

  it('a byte-order mark is not part of the first heading or the front matter, and offsets stay exact', () => {
    const lf = check(ACCOUNT);
    const bom = check('\uFEFF' + ACCOUNT);
    assert.deepEqual(bom.account.frontMatter?.fields, lf.account.frontMatter?.fields);
    assert.deepEqual(bom.account.sections.map((s) => s.heading.span.start - 1), lf.account.sections.map((s) => s.heading.span.start));
    for (const s of bom.account.sections) assert.ok(bom.account.text.slice(s.heading.span.start).startsWith('## '));
    const noFm = check('\uFEFF## Situation\n\nI rang the depot on 3 March.\n');
    assert.equal(noFm.account.sections[0]?.heading.span.start, 1);
  });

  it('tabs for indentation and between words', () => {
    const r = check('##\tSituation\n\n\tI rang\tthe depot.\n\n\t- a\tlist\n\t\t- nested\n\n**Task:**\tI had to\tfix it.\n');
    assert.deepEqual(r.account.sections.map((s) => s.id), ['situation', 'task']);
  });

  it('a 5 MB account is analysed without error', function () {
    this.timeout(120_000);
    // One account whose Action runs to 5 MB: long paragraphs with a short list now and then.
    const para = 'On 4 March I exported the tracking data for every late parcel (AC 2.1) and rang the depot manager, who agreed a second collection at 3.45 pm. '.repeat(12);
    const chunk = Array.from({ length: 20 }, () => para).join('\n\n') + '\n\n- I agreed the cut-off.\n- I briefed eight advisers.\n\n';
    let body = '';
    while (body.length < 5 * 1024 * 1024) body += chunk;
    const text = ACCOUNT.replace('## Result', `${body}## Result`).replace('learner:', 'word_target: 900\nlearner:');
    assert.ok(text.length >= 5 * 1024 * 1024);
    const r = check(text, { independentPositions: false, sentences: false });
    // Far past what the parser may take, so most of it is read as plain text, with a note; its words still count.
    assert.deepEqual(r.account.sections.slice(0, 3).map((s) => s.id), ['situation', 'task', 'action']);
    assert.ok(has(r, 'complex-formatting'), ids(r));
    assert.ok(r.account.sections.reduce((n, s) => n + s.words, 0) > 700_000);
    assert.ok(has(r, 'word-count'), ids(r));
  });

  it('a binary-looking string with NUL bytes', () => {
    let s = '';
    for (let i = 0; i < 4096; i++) s += String.fromCharCode((i * 7919) % 256);
    const r = check(s + '\u0000\u0000## Situation\u0000\n\n\u0000I rang\u0000 the depot.\n');
    assert.ok(r.findings.length > 0);
  });

  it('invalid UTF-8 decoded with replacement characters', () => {
    const bytes = new Uint8Array([0x23, 0x23, 0x20, 0x53, 0x69, 0x74, 0xff, 0xfe, 0x0a, 0x0a, 0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x90, 0x28, 0xbc, 0x0a]);
    const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
    assert.ok(text.includes('\uFFFD'));
    check(text);
    check(text.repeat(500));
  });

  it('1,000 levels of nested lists and of block quotes', () => {
    check('- '.repeat(1000) + 'I rang the depot (AC 1.1).\n');
    check('> '.repeat(1000) + '## Situation\n\nI rang the depot.\n');
    check('1. '.repeat(1000) + 'Result: it worked.\n');
    check(Array.from({ length: 1000 }, (_, i) => '>'.repeat((i % 30) + 1) + ' - line ' + i).join('\n'));
    // Indentation-nested lists cost the parser O(depth²) input; 150 levels keeps this test fast.
    check(Array.from({ length: 150 }, (_, i) => '  '.repeat(i) + '- level ' + i).join('\n'));
  });

  it('a 10,000-character line, with and without spaces', () => {
    check('## Situation\n\n' + 'word '.repeat(2000) + '\n');
    check('## Situation\n\n' + 'x'.repeat(10_000) + '\n## Result\n\n' + '9'.repeat(10_000));
    check('# ' + 'Situation '.repeat(1000));
  });

  it('lone surrogates', () => {
    check('## Situ\uD800ation\n\n\uDC00 I rang \uD83D the depot \uDE00.\n\n## Result\n\n\uDFFF98%\uD800');
    check('\uD800');
    check('\uDC00\n## Task');
  });

  it('emoji, ZWJ sequences and combining marks', () => {
    const r = check('## Situation 👩‍👩‍👧‍👦\n\nI rang 👨🏽‍💻 the depot 🇬🇧 and Customer A said "thanks 🙏🏼" — café naïve e\u0301.\n\n## Result\n\nCSAT rose 4.1 → 4.6 ⭐️.\n');
    assert.deepEqual(r.account.sections.map((s) => s.id), ['situation', 'result']);
  });

  it('right-to-left text and bidi controls', () => {
    check('## Situation\n\nتواصلت مع شريك التوصيل في 3 مارس. \u202Eevil\u202C שלום עולם\n\n## Result\n\n\u200F98%\u200E\n');
  });

  it('very many headings', () => {
    const names = ['Situation', 'Task', 'Action', 'Result', 'Reflection', 'Notes'];
    const r = check(Array.from({ length: 2000 }, (_, i) => `${'#'.repeat((i % 6) + 1)} ${names[i % names.length]}\n\nI did ${i}.\n`).join('\n'), { independentPositions: false, sentences: true });
    assert.ok(has(r, 'duplicate-section'));
  });

  it('HTML blocks, comments and directives', () => {
    const r = check('<div>\n<table><tr><td>## Situation</td></tr></table>\n</div>\n\n<!-- starr-disable -->\n## Situation\n\n<details><summary>x</summary>\n\nI rang the depot.\n\n</details>\n<!-- starr-enable\n\n## Result <span>98%</span>\n<!--\n');
    assert.ok(r.account.directives.length >= 1);
  });

  it('unclosed and stray CriticMarkup', () => {
    const r = check('## Situation\n\nI rang {>> the depot {== and {++ then {-- and {~~ old ~> new\n\n## Result\n\n<<} ==} ++} --} ~~} {~~ no arrow ~~}\n');
    assert.ok(has(r, 'feedback-markup'), ids(r));
    check('{>>');
    check('{');
    check('x{>>[tutor:AB open]');
  });

  it('front matter variants: empty, duplicate keys, wrong types, deep nesting, aliases', () => {
    check('---\n---\n');
    check('---\n\n---\n## Situation\n');
    check('---\ntitle: a\ntitle: b\n---\n');
    check('---\ndate: 2026-13-45\ncriteria: {a: 1}\nlearner: [1]\nword_target: -5\nstatus: done\nframework: nope\n---\n');
    check('---\n' + Array.from({ length: 500 }, (_, i) => ' '.repeat(i) + 'k:').join('\n') + '\n---\n');
    check('---\na: &a [x, x, x, x]\nb: &b [*a, *a, *a, *a]\nc: &c [*b, *b, *b, *b]\nd: [*c, *c, *c, *c]\n---\n');
    check('---\r\ntitle: x\r\n---\r\n');
    check('---\rtitle: x\r---\r## Situation\r');
    check('\uFEFF---\ntitle: x\n---\n');
    check('---\ntitle: "unclosed\n---\n## Situation\n');
  });
});

describe('robustness: every CommonMark spec example', () => {
  it(`analyses all ${specExamples.length} examples without error, with every range in bounds`, () => {
    assert.ok(specExamples.length > 600);
    for (const ex of specExamples) {
      // The spec writes tabs as →.
      const md = ex.markdown.replace(/→/g, '\t');
      for (const text of [md, md.replace(/\n/g, '\r\n'), `## Situation\n\n${md}\n## Result\n\n${md}`]) {
        try {
          check(text);
        } catch (e) {
          throw new Error(`CommonMark example ${ex.number} (${ex.section}): ${(e as Error).message}`, { cause: e });
        }
      }
    }
  });
});

// A grammar of Markdown-ish fragments that exercises section detection, front matter, criteria, CriticMarkup
// and the rules' patterns, joined with every kind of line break.
const word = fc.constantFrom('I', 'we', 'rang', 'the', 'depot', 'customer', 'SLA', 'CSAT', 'would', 'usually', 'dealt with', 'etc.', 'next time', 'learned', '98%', '3 March', 'improved', 'Mrs Jane Smith', 'team', 'é', '👩‍👩‍👧', 'שלום', '\t', '\u0000', '\uD800', '\uFFFD');
const sentence = fc.array(word, { minLength: 0, maxLength: 12 }).map((w) => w.join(' '));
const sectionName = fc.constantFrom('Situation', 'S – Situation', '1. Task:', 'The action I took', 'Outcome', 'What I learned', 'Reflection', 'Result', 'Action', 'Task', 'Context', 'Learning', 'Description', 'Feelings', 'Action plan', 'Notes', '');
const fragment = fc.oneof(
  { arbitrary: fc.tuple(fc.integer({ min: 1, max: 6 }), sectionName).map(([d, n]) => `${'#'.repeat(d)} ${n}`), weight: 4 },
  { arbitrary: fc.tuple(sectionName, sentence).map(([n, s]) => `**${n}:** ${s}`), weight: 2 },
  { arbitrary: fc.tuple(sectionName, sentence).map(([n, s]) => `${n}: ${s}`), weight: 2 },
  { arbitrary: sentence, weight: 6 },
  { arbitrary: fc.constantFrom('---', '---\ntitle: x\nunit: CS3-SP\ndate: 2026-03-04\ncriteria: [1.1, 2.3]\n---', '---\nframework: carl\nword_target: 50\n---', '---\nframework: gibbs\ndate: 2031-01-01\n---', '---\nframework: star\nstatus: nope\n---', '---\ntitle: [\n---', '---\n- a\n---', '...', '***', '==='), weight: 2 },
  { arbitrary: fc.tuple(fc.integer({ min: 0, max: 8 }), fc.constantFrom('- ', '* ', '1. ', '2) ', '> ', '- [ ] '), sentence).map(([i, m, s]) => `${'  '.repeat(i)}${m}${s}`), weight: 3 },
  { arbitrary: fc.constantFrom('```', '~~~', '```js', '    indented code', '`inline`', '``'), weight: 2 },
  { arbitrary: fc.constantFrom('{>>[tutor:AB open] Say which KPI moved<<}', '{==highlight==}{>>why?<<}', '{++added++}', '{--deleted--}', '{~~old~>new~~}', '{>>', '{==', '<<}', '{~~no arrow~~}', '{>>a{>>b<<}c<<}'), weight: 2 },
  { arbitrary: fc.constantFrom('AC 1.2', '(AC 2.3, 3.1)', 'ACs 1.1 and 1.2', 'AC2.1a', 'AC 99.99'), weight: 2 },
  { arbitrary: fc.constantFrom('jane.smith@example.com', '07700 900123', '+44 7700 900123', 'LS1 4AP', 'QQ 12 34 56 C', '4111 1111 1111 1111', 'Mr John Brown'), weight: 1 },
  { arbitrary: fc.constantFrom('<!-- starr-disable generic-language -->', '<!-- starr-enable -->', '<!-- starr-disable-next-line -->', '<!-- starr-disable-line personal-data -->', '<div>', '</div>', '<!--'), weight: 1 },
  { arbitrary: fc.string({ maxLength: 8 }), weight: 1 },
);
const eol = fc.constantFrom('\n', '\n\n', '\r\n', '\r\n\r\n', '\r', ' ', '');
// The analysis under a few configurations: defaults, a portfolio's, another framework, rules turned off.
const configArb = fc.constantFrom(
  defaultConfig(),
  resolveConfig({ words: { min: 400, max: 1200 }, phrases: { add: ['touch base', { phrase: 'I', suggestion: 'x' }], remove: ['etc.'] }, sections: { action: { minWords: 5 } } }),
  resolveConfig({ framework: 'gibbs', rules: { 'generic-language': 'off', 'personal-data': 'hint', 'missing-section': { severity: 'info' } } }),
  resolveConfig({ framework: 'carl' }),
);
const documentArb = fc
  .tuple(fc.boolean(), fc.array(fc.tuple(fragment, eol), { maxLength: 40 }))
  .map(([bom, parts]) => (bom ? '\uFEFF' : '') + parts.map(([f, e]) => f + e).join(''));

describe('robustness: random documents (fast-check)', () => {
  it('never throw, keep every range in bounds, and offer fixes that apply cleanly', function () {
    // 2,000 documents, each analysed and re-analysed after its fixes: about 18 s of CPU on 2 cores.
    this.timeout(120_000);
    fc.assert(
      fc.property(documentArb, configArb, (text, config) => {
        const r = analyze(text, { now: NOW, config });
        assertInvariants(text, r, { independentPositions: true, sentences: true });
        // Every fix is applied; the result is re-analysed for one fix per rule, which keeps 2,000 runs quick.
        const reanalysed = new Set<string>();
        for (const f of r.findings) {
          for (const fix of f.fixes ?? []) {
            assertEdits(text, fix.edits, `${f.ruleId}: ${fix.title}`);
            const fixed = applyEdits(text, fix.edits);
            if (!reanalysed.has(f.ruleId)) {
              reanalysed.add(f.ruleId);
              assertInvariants(fixed, analyze(fixed, { now: NOW, config }));
            }
          }
        }
      }),
      { numRuns: 2000, seed: 20261122 },
    );
  });
});

// Inputs that make Markdown parsers or bracket matchers go quadratic: long runs of nested emphasis, brackets,
// links, list markers and unclosed feedback marks, alone or mixed with ordinary fragments.
const adversarial = fc.oneof(
  fc.tuple(fc.constantFrom('*a **a ', '_a __a ', '[', '](', '![', '<', '`', '> ', '- ', '1. ', '{>> ', '{== ', '<<} ', '{~~a~>', '***', '\\'), fc.integer({ min: 50, max: 3000 })).map(([piece, n]) => piece.repeat(n)),
  fragment,
);
const adversarialDoc = fc.array(fc.tuple(adversarial, eol), { minLength: 1, maxLength: 6 }).map((parts) => parts.map(([f, e]) => f + e).join(''));

describe('robustness: adversarial documents (fast-check)', () => {
  it('are analysed without hanging: each in well under a few seconds, with every range in bounds', function () {
    // A hang detector, not a speed test: a document here takes milliseconds, the bound is thousands of times that.
    const BOUND_MS = 5_000;
    this.timeout(180_000);
    fc.assert(
      fc.property(adversarialDoc, (text) => {
        const t0 = performance.now();
        const r = analyze(text, { now: NOW });
        const ms = performance.now() - t0;
        assert.ok(ms < BOUND_MS, `took ${Math.round(ms)} ms on a ${text.length}-character document starting ${JSON.stringify(text.slice(0, 40))}`);
        assertInvariants(text, r, {});
      }),
      { numRuns: 150, seed: 20261207 },
    );
  });
});

describe('robustness: shapes once slow', () => {
  // Hang detectors, not speed tests: at these sizes each shape took 10 s or more before its fix (unclosed
  // links in the parser, a run of numbers in personal-data, ICU's sentence segmenter on one long paragraph);
  // now each takes under a second on a busy machine.
  // Nested lists are fixed in the build (see the parser patch test in test/scripts).
  const BOUND_MS = 5_000;
  const shapes: [string, string, number][] = [
    ['unclosed links, 200 KB', '[a](', 200_000],
    ['links in one paragraph, 200 KB', '[x](http://e.com) ', 200_000],
    ['a run of phone numbers, 200 KB', '0712345678 ', 200_000],
    ['numbers after a reference word, 200 KB', 'account number 0712345678 ', 200_000],
    ['short sentences in one paragraph, 200 KB', 'I rang the depot. ', 200_000],
    ['closed feedback marks in one paragraph, 200 KB', '{>>[tutor:AB] why<<} I rang. ', 200_000],
  ];
  for (const [name, unit, size] of shapes) {
    it(name, function () {
      this.timeout(60_000);
      const text = unit.repeat(Math.ceil(size / unit.length));
      const t0 = performance.now();
      const r = analyze(text, { now: NOW });
      const ms = performance.now() - t0;
      assert.ok(ms < BOUND_MS, `took ${Math.round(ms)} ms`);
      assertInvariants(text, r, {});
    });
  }
});
