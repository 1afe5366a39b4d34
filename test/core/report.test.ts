import assert from 'node:assert/strict';
import {
  CriteriaCatalog, buildReport, csvField, filterReport, gapsFromCatalog, escapeHtml, renderCsv, renderHtml, renderHtmlBody, renderJson, renderMarkdown, renderReport,
  renderSummaryHtml, sectionsCell, summaryLines,
  type AccountSummary,
} from '../../src/core';
import { compactSummary } from '../../src/core/portfolio';
import { reportSource, type QualityReport } from '../../src/core/report';
import { QA_ROOT, loadQa } from './qa-fixture';

const rel = (u: string) => u.slice(QA_ROOT.length + 1);
const NOW = new Date('2026-07-01T09:00:00Z');

/** A hand-made summary, so the renderers' output can be written out exactly. */
function summary(over: Partial<AccountSummary>): AccountSummary {
  const names = ['Situation', 'Task', 'Action', 'Result', 'Reflection'];
  return {
    uri: 'x.md', title: 'X', learner: 'L-1', unit: 'U1', date: '2026-01-02', status: 'submitted', framework: 'starr',
    sections: names.map((n) => ({ id: n.toLowerCase(), name: n, present: true, words: 10 })),
    words: 50, findings: [], counts: { error: 0, warning: 0, info: 0, hint: 0 }, criteria: [], feedback: [], fingerprint: '0',
    ...over,
  };
}

describe('quality report: reflection depth', () => {
  const shallow = { depth: 'shallow' as const, moves: ['learning' as const], missing: ['evaluation' as const, 'change' as const] };
  const deep = { depth: 'deep' as const, moves: ['evaluation' as const, 'change' as const], missing: [] };
  const r = buildReport([summary({ uri: 'a.md', reflection: shallow }), summary({ uri: 'b.md', learner: 'L-2', reflection: deep }), summary({ uri: 'c.md', learner: 'L-3' })], { now: NOW });

  it('gives each row its depth and what a shallow one needs, and counts each depth', () => {
    assert.deepEqual(r.rows.map((x) => [x.reflection, x.reflectionMissing]), [['shallow', ['evaluation', 'change']], ['deep', []], ['', []]]);
    assert.deepEqual(r.summary.reflectionDepths, { none: 0, descriptive: 0, shallow: 1, deep: 1 });
    assert.ok(renderMarkdown(r).includes('- Reflection depth: 1 deep, 1 shallow, 0 descriptive, 0 with no reflection.'));
  });

  it('shows it in the Markdown, CSV and HTML tables', () => {
    const md = renderMarkdown(r);
    assert.ok(md.includes('| Learner | Unit | Date | Status | Sections | Reflection | Words |'));
    assert.ok(md.includes('| S T A R R | Shallow: needs reasons and a concrete change | 50 |'), md);
    assert.ok(md.includes('| S T A R R | Deep | 50 |'));
    const csv = renderCsv(r).split('\r\n');
    assert.equal(csv[0], 'learner,unit,date,status,sections,reflection,reflection_missing,words,errors,warnings,info,criteria,open_feedback,title,path');
    assert.ok(csv[1].startsWith('L-1,U1,2026-01-02,submitted,S T A R R,shallow,evaluation change,50,'), csv[1]);
    const html = renderHtml(r);
    assert.match(html, /<th scope="col" data-col="5">Reflection<\/th>/);
    assert.match(html, /<td class="depth depth-shallow" data-sort="2" title="Shallow: It states a lesson or an intention, but without reasons or a concrete change\.">Shallow: needs reasons and a concrete change<\/td>/);
  });
});

describe('quality report', () => {
  // Built before each test, not while the file loads, so a mutation run knows which tests use this code.
  let all: AccountSummary[];
  let report: QualityReport;
  beforeEach(() => {
    all = loadQa();
    report = buildReport(all, { relative: rel, now: NOW });
  });

  it('has one row per account with learner, unit, sections, criteria and open feedback', () => {
    assert.equal(report.rows.length, 10);
    const draft = report.rows.find((r) => r.path === 'learner-b/fcr-draft.md')!;
    assert.deepEqual([draft.learner, draft.unit, draft.date, draft.status], ['L-102', 'CS3-MON', '2026-03-15', 'draft']);
    assert.equal(sectionsCell(draft), 'S T A – –');
    assert.ok(draft.errors >= 2);
    assert.equal(draft.openFeedback, 1);
    // A learner named by folder when the front matter has none.
    assert.deepEqual(report.rows.filter((r) => r.learner === 'learner-c').map((r) => r.path), ['learner-c/complaints-log.md', 'learner-c/nps-dip.md']);
    const handover = report.rows.find((r) => r.path === 'learner-b/chain-handover.md')!;
    assert.equal(handover.openFeedback, 1, 'a learner reply is not open feedback');
    assert.deepEqual(handover.criteria, ['2.3', '2.4']);
    assert.equal(report.rows.find((r) => r.path === 'learner-a/repair-partner.md')!.openFeedback, 0, 'resolved feedback is not open');
    assert.equal(report.rows.find((r) => r.path === 'learner-c/complaints-log.md')!.openFeedback, 0, 'a note is not open');
    // Ordered by learner, then unit, then path.
    assert.deepEqual([...new Set(report.rows.map((r) => r.learner))], ['L-101', 'L-102', 'L-104', 'learner-c']);
  });

  it('summarises totals, errors, common findings and missing sections', () => {
    const s = report.summary;
    assert.deepEqual([s.accounts, s.learners, s.units], [10, 4, 2]);
    assert.equal(s.openFeedback, 5);
    assert.equal(s.accountsWithOpenFeedback, 5);
    assert.ok(s.accountsWithErrors >= 1);
    const missing = s.commonFindings.find((c) => c.ruleId === 'missing-section')!;
    assert.ok(missing.accounts >= 1 && missing.findings >= 2);
    assert.deepEqual(s.missingSections, [{ name: 'Reflection', accounts: 1 }, { name: 'Result', accounts: 1 }]);
    assert.equal(s.gaps, undefined, 'no gaps without criteria sets');
    assert.equal(s.words, all.reduce((n, a) => n + a.words, 0));
  });

  it('lists criteria gaps per learner when a criteria provider is given', () => {
    const unit = ['1.1', '1.2', '2.1', '2.2', '3.1'];
    const r = buildReport(all, {
      now: NOW,
      gaps: (learner, accounts) => {
        const claimed = new Set(accounts.flatMap((a) => a.criteria.map((c) => c.id)));
        return [{ learner, unit: 'U', total: unit.length, missing: unit.filter((c) => !claimed.has(c)) }];
      },
    });
    assert.deepEqual(r.summary.gaps!.map((g) => [g.learner, g.missing.join(' ')]), [
      ['L-101', '1.1'], ['L-102', '1.2 2.1 2.2'], ['L-104', '1.2 2.1 3.1'], ['learner-c', '1.1 1.2 2.1'],
    ]);
    assert.match(renderMarkdown(r), /\| L-102 \| U \| 3 of 5 not yet evidenced: 1\.2, 2\.1, 2\.2 \|/);
    assert.doesNotMatch(renderMarkdown(report), /Criteria gaps/);
  });

  it('finds gaps from the bundled criteria sets', () => {
    const r = buildReport(all, { now: NOW, gaps: gapsFromCatalog(new CriteriaCatalog()) });
    const g = r.summary.gaps!.find((x) => x.learner === 'L-104' && x.unit === 'CS3-SP')!;
    assert.ok(g.total > 4);
    assert.ok(!g.missing.includes('1.1') && !g.missing.includes('3.3') && g.missing.includes('2.1'));
    // Claimed in the front matter but never referenced in the text: weak, as in the Coverage view.
    assert.ok(g.weak!.includes('1.1') && g.weak!.includes('3.3'), JSON.stringify(g));
    assert.match(renderMarkdown(r), /\| L-104 \| CS3-SP \| \d+ of \d+ not yet evidenced: [^|]*; \d+ weak: [^|]*1\.1/);
    assert.deepEqual(r.summary.gaps!.map((x) => `${x.learner} ${x.unit}`), ['L-101 CS3-MON', 'L-101 CS3-SP', 'L-102 CS3-MON', 'L-102 CS3-SP', 'L-104 CS3-SP', 'learner-c CS3-MON']);
  });

  it('finds the same gaps one unit at a time, loading no account whose unit has no criteria set', () => {
    const catalog = new CriteriaCatalog();
    const accounts = [...all, summary({ uri: 'z/unknown-unit.md', learner: 'L-101', unit: 'No such unit' })];
    const whole = buildReport(accounts, { now: NOW, gaps: gapsFromCatalog(catalog) });
    const loaded: string[] = [];
    const source = reportSource(accounts, (s) => {
      loaded.push(s.uri);
      return s;
    }, { now: NOW, gaps: gapsFromCatalog(catalog), unitKey: (u) => catalog.unit(u)?.set.id ?? '' });
    assert.deepEqual(source.head.summary.gaps, whole.summary.gaps);
    // Besides the one pass every report makes over the accounts, gaps load only those with a known unit.
    const known = accounts.filter((s) => catalog.unit(s.unit) && s.learner && !s.template);
    assert.ok(known.length > 0 && known.length < accounts.length, 'some accounts have a unit no set has');
    assert.equal(loaded.length, accounts.length + known.length);
  });

  describe('renderers', () => {
    const tricky = buildReport([
      summary({ uri: 'a/one.md', title: 'Commas, "quotes"\nand <script>alert(1)</script>', learner: 'L|1', criteria: [{ id: '1.10', span: { start: 0, end: 0 }, source: 'inline' }, { id: '1.2', span: { start: 0, end: 0 }, source: 'front-matter' }] }),
      summary({ uri: 'b/two.md', title: 'Two', learner: 'L-2', unit: undefined, date: undefined, status: undefined, counts: { error: 1, warning: 2, info: 3, hint: 1 }, sections: summary({}).sections.map((s, i) => ({ ...s, present: i < 3 })) }),
    ], { now: NOW });

    it('writes RFC 4180 CSV: quoted fields, doubled quotes, CRLF records', () => {
      assert.equal(renderCsv(tricky), [
        'learner,unit,date,status,sections,reflection,reflection_missing,words,errors,warnings,info,criteria,open_feedback,title,path',
        'L-2,,,,S T A – –,,,50,1,2,4,,0,Two,b/two.md',
        'L|1,U1,2026-01-02,submitted,S T A R R,,,50,0,0,0,1.2 1.10,0,"Commas, ""quotes""\nand <script>alert(1)</script>",a/one.md',
        '',
      ].join('\r\n'));
      assert.equal(csvField('plain'), 'plain');
      assert.equal(csvField('a\rb'), '"a\rb"');
    });

    it('writes Markdown with escaped cells', () => {
      const md = renderMarkdown(tricky);
      assert.ok(md.startsWith('# STARR quality report\n\nGenerated 2026-07-01T09:00:00.000Z.\n\n- 2 accounts from 2 learners across 2 units; 100 words in all.\n- 1 account has errors.'));
      assert.ok(md.includes('| L\\|1 | U1 | 2026-01-02 | submitted | S T A R R |  | 50 | 0 | 0 | 0 | 1.2, 1.10 | 0 | a/one.md |'));
    });

    it('writes a standalone, escaped, accessible HTML page with no scripts or remote resources', () => {
      const html = renderHtml(tricky);
      assert.ok(html.startsWith('<!DOCTYPE html>\n<html lang="en-GB">'));
      assert.ok(html.includes(`content="default-src 'none'; style-src 'unsafe-inline'"`));
      assert.ok(!html.includes('<script'), 'no script element, and the title is escaped');
      assert.ok(html.includes('Commas, &quot;quotes&quot;\nand &lt;script&gt;alert(1)&lt;/script&gt;'));
      assert.doesNotMatch(html, /\b(src|href)=|https?:\/\/|@import|url\(/);
      assert.ok(html.includes('<caption>2 accounts, one per row</caption>'));
      assert.equal((html.match(/<th scope="col"/g) ?? []).length, 13);
      assert.equal((html.match(/<th scope="row">/g) ?? []).length, 2);
      assert.ok(html.includes('aria-label="Missing: Result, Reflection"'));
      assert.equal(escapeHtml(`<a href='x'>&`), '&lt;a href=&#39;x&#39;&gt;&amp;');
    });

    it('writes JSON that reads back to the same report', () => {
      assert.deepEqual(JSON.parse(renderJson(tricky)), tricky);
      assert.equal(renderReport(tricky, 'json'), renderJson(tricky));
    });
  });
});

describe('quality report: a filter', () => {
  const all = [
    summary({ uri: 'a.md', learner: 'L-1', title: 'Late van', words: 100, counts: { error: 2, warning: 0, info: 0, hint: 0 } }),
    summary({ uri: 'b.md', learner: 'L-2', title: 'Refund', words: 300 }),
    summary({ uri: 'c.md', learner: 'L-2', title: 'Complaint', unit: 'U2', words: 500, status: 'draft' }),
  ];
  const r = buildReport(all, { now: NOW });

  it('recounts the summary over the accounts shown, not every account', () => {
    const f = filterReport(r, all, 'l-2');
    assert.deepEqual(f.rows.map((x) => x.uri), ['b.md', 'c.md']);
    assert.deepEqual([f.summary.accounts, f.summary.learners, f.summary.units, f.summary.words, f.summary.accountsWithErrors], [2, 1, 2, 800, 0]);
    assert.deepEqual(f.filter, { text: 'l-2', total: 3 });
    assert.equal(summaryLines(f)[0], 'Showing 2 of 3 accounts: those matching "l-2".');
    assert.match(renderSummaryHtml(f), /<li>2 accounts from 1 learner across 2 units; 800 words in all\.<\/li>/);
  });

  it('needs every word to match, in any cell, and leaves the report whole when empty', () => {
    assert.deepEqual(filterReport(r, all, '  L-2   DRAFT ').rows.map((x) => x.uri), ['c.md']);
    assert.equal(filterReport(r, all, ' '), r);
    assert.equal(filterReport(r, all, 'nobody').summary.accounts, 0);
  });

  it('shows every row in the page, hiding those the filter leaves out, under the recounted summary', () => {
    const html = renderHtmlBody(r, { filtered: filterReport(r, all, 'refund') });
    assert.match(html, /<tr data-uri="a\.md" class="has-errors" hidden>/);
    assert.match(html, /<tr data-uri="b\.md">/);
    assert.match(html, /<section id="summary" aria-labelledby="summary-h"><h2 id="summary-h">Summary<\/h2><ul><li>Showing 1 of 3 accounts/);
  });
});

describe('quality report from compact summaries', () => {
  it('is the same report whether each summary holds its findings or only their count per rule', () => {
    const full = loadQa();
    assert.ok(full.some((s) => s.findings.length > 1), 'the fixture has findings to count');
    const compact = full.map(compactSummary);
    assert.ok(compact.every((s) => s.findings.length === 0 && s.findingsByRule));
    assert.deepEqual(buildReport(compact, { now: NOW }), buildReport(full, { now: NOW }));
    const one = compact.find((s) => Object.keys(s.findingsByRule!).length > 0)!;
    const source = full.find((s) => s.uri === one.uri)!;
    for (const [ruleId, n] of Object.entries(one.findingsByRule!)) assert.equal(n, source.findings.filter((f) => f.ruleId === ruleId).length);
  });
});
