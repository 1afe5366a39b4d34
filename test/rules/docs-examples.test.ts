// The rule docs are tests: every ```markdown bad / ```markdown good block in docs/rules/<id>.md is analysed
// with that rule alone. A bad example gives exactly the findings its caret lines mark, each where it is marked
// (see doc-examples.ts); a good one gives none.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, ruleById, rules, type Finding } from '../../src/analysis';
import { CriteriaCatalog, bundledCriteriaSources } from '../../src/core/criteria';
import { HOVER_EXAMPLE_LINES } from '../../src/extension/hover-text';
import { docExamples, drawMarkers, unmatched } from './doc-examples';

const DOCS = join(process.cwd(), 'docs/rules');
const NOW = new Date('2026-06-01T12:00:00Z');
const criteria = new CriteriaCatalog({ bundled: bundledCriteriaSources() });

const pages = readdirSync(DOCS).filter((f) => f.endsWith('.md') && f !== 'README.md').map((f) => f.slice(0, -3)).sort();

describe('rule docs are tests', () => {
  it('rule ids are lower-case words joined by hyphens (findings sort by id in code-unit order)', () => {
    for (const r of rules) assert.match(r.meta.id, /^[a-z]+(?:-[a-z]+)*$/);
  });

  it('every registered rule has a docs page, and every page a rule', () => {
    assert.deepEqual(pages, rules.map((r) => r.meta.id).sort());
  });

  for (const id of pages) {
    describe(`docs/rules/${id}.md`, () => {
      const md = readFileSync(join(DOCS, `${id}.md`), 'utf8');
      const rule = ruleById.get(id);

      it('has a title, default severity, rationale and configuration section', () => {
        assert.match(md, new RegExp(`^# ${id}\\n`));
        assert.ok(rule, `no rule registered as ${id}`);
        assert.match(md, new RegExp(`\\*\\*Default severity:\\*\\* ${rule.meta.defaultSeverity}\\b`));
        assert.match(md, /^## (Why assessors care|Why it matters)/m);
        assert.ok(docExamples(md).some((e) => e.kind === 'bad'), 'at least one bad example');
        assert.ok(docExamples(md).some((e) => e.kind === 'good'), 'at least one good example');
      });

      it('has at most one example for the hover, short enough not to scroll', () => {
        const hover = docExamples(md).filter((e) => e.hover);
        assert.ok(hover.length <= 1, `${hover.length} examples marked good hover`);
        for (const e of hover) assert.ok(e.text.split('\n').length <= HOVER_EXAMPLE_LINES, `line ${e.line}: ${e.text.split('\n').length} lines`);
      });

      for (const ex of docExamples(md)) {
        const n = ex.markers.length;
        it(`${ex.kind} example at line ${ex.line} gives ${n ? `the ${n} marked finding${n === 1 ? '' : 's'}` : 'no finding'}`, () => {
          assert.ok(ex.kind === 'good' ? n === 0 : n > 0, ex.kind === 'good' ? 'a good example marks no finding' : 'a bad example marks each finding with a caret line');
          const { findings } = analyze(ex.text, { rules: [rule!], now: NOW, criteria });
          const own = findings.filter((f) => f.ruleId === id);
          const { missing, extra } = unmatched(ex.markers, own);
          const where = (l: number, c: number) => `line ${ex.docLines[l]}, column ${c + 1}`;
          assert.ok(
            !missing.length && !extra.length,
            [
              ...missing.map((m) => `no finding at ${where(m.line, m.column)}${m.length ? ` over ${m.length} characters` : ''} (${m.note || 'marked'})`),
              ...extra.map((f) => `unmarked finding at ${where(f.start.line, f.start.column)}: ${f.message}`),
              'The example with its findings marked:',
              drawMarkers(ex.text, own),
            ].join('\n'),
          );
          for (const f of own) {
            assert.ok(f.span.start >= 0 && f.span.end <= ex.text.length && f.span.start <= f.span.end, 'span in bounds');
            assert.ok(f.message.length > 20, 'a message that says what to do');
          }
        });
      }
    });
  }
});

describe('caret markers in rule examples', () => {
  const text = '## Task\n\nI dealt with it.\n';
  const finding = (line: number, column: number, endColumn: number) =>
    ({ ruleId: 'x', severity: 'warning', message: 'm', span: { start: 0, end: 0 }, start: { line, column }, end: { line, column: endColumn }, docsUrl: '' }) as Finding;

  it('removes caret lines before analysis and pins each to the line above it', () => {
    const [ex] = docExamples('```markdown bad\n## Task\n^^^^^^^ thin\n\nI dealt with it.\n  ^^^^^^^^^^ vague\n  ^ again\n```\n');
    assert.equal(ex.text, text);
    assert.deepEqual(ex.markers, [
      { line: 0, column: 0, length: 7, note: 'thin' },
      { line: 2, column: 2, length: 10, note: 'vague' },
      { line: 2, column: 2, length: undefined, note: 'again' },
    ]);
    assert.deepEqual(ex.docLines, [2, 4, 5, 8]);
  });

  it('a marker a column out, or too long, does not match; a single caret pins only the start', () => {
    const [m] = docExamples('```markdown bad\nI dealt with it.\n  ^^^^^^^^^^ vague\n```\n')[0].markers;
    assert.deepEqual(unmatched([m], [finding(0, 2, 12)]), { missing: [], extra: [] });
    assert.equal(unmatched([m], [finding(0, 3, 13)]).missing.length, 1);
    assert.equal(unmatched([m], [finding(0, 2, 13)]).extra.length, 1);
    assert.equal(unmatched([{ ...m, length: undefined }], [finding(0, 2, 40)]).missing.length, 0);
    assert.equal(unmatched([m, m], [finding(0, 2, 12)]).missing.length, 1, 'one finding answers one marker');
  });

  it('refuses a caret line with nothing above it, and an example that is neither good nor bad', () => {
    assert.throws(() => docExamples('```markdown bad\n^^ here\n```\n'), /must come under the line/);
    assert.throws(() => docExamples('```markdown bad expect=2\nx\n```\n'), /not "bad expect=2"/);
  });

  it('draws the markers a failing example should have', () => {
    assert.equal(drawMarkers(text, [{ ...finding(2, 2, 12), message: 'Vague: say what you did.' }]), '## Task\n\nI dealt with it.\n  ^^^^^^^^^^ Vague\n');
  });
});
