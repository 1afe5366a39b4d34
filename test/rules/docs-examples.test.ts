// The rule docs are tests: every ```markdown bad expect=N / ```markdown good block in docs/rules/<id>.md is
// analysed with that rule alone, and must give exactly N findings (0 for good).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, ruleById, rules } from '../../src/analysis';
import { CriteriaCatalog, bundledCriteriaSources } from '../../src/core/criteria';

const DOCS = join(process.cwd(), 'docs/rules');
const NOW = new Date('2026-06-01T12:00:00Z');
const criteria = new CriteriaCatalog({ bundled: bundledCriteriaSources() });

interface Example {
  kind: 'good' | 'bad';
  expect: number;
  text: string;
  line: number;
}

/** Fenced examples, with CRLF kept out: the docs are LF files. */
function examples(md: string): Example[] {
  const out: Example[] = [];
  const re = /^```markdown (good|bad)(?: expect=(\d+))?[^\n]*\n([\s\S]*?)^```$/gm;
  for (let m = re.exec(md); m; m = re.exec(md)) {
    out.push({ kind: m[1] as 'good' | 'bad', expect: m[1] === 'good' ? 0 : Number(m[2] ?? 1), text: m[3], line: md.slice(0, m.index).split('\n').length });
  }
  return out;
}

const pages = readdirSync(DOCS).filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3)).sort();

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
        assert.ok(examples(md).some((e) => e.kind === 'bad'), 'at least one bad example');
        assert.ok(examples(md).some((e) => e.kind === 'good'), 'at least one good example');
      });

      for (const ex of examples(md)) {
        it(`${ex.kind} example at line ${ex.line} gives ${ex.expect} finding(s)`, () => {
          const { findings } = analyze(ex.text, { rules: [rule!], now: NOW, criteria });
          const own = findings.filter((f) => f.ruleId === id);
          assert.equal(own.length, ex.expect, own.map((f) => `${f.start.line + 1}:${f.start.column + 1} ${f.message}`).join('\n') || 'no findings');
          for (const f of own) {
            assert.ok(f.span.start >= 0 && f.span.end <= ex.text.length && f.span.start <= f.span.end, 'span in bounds');
            assert.ok(f.message.length > 20, 'a message that says what to do');
          }
        });
      }
    });
  }
});
