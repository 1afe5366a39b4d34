import assert from 'node:assert/strict';
import JSZip from 'jszip';
import { exportAccount, importDocx, type ExportOptions } from '../../src/convert';
import { analyze } from '../../src/analysis';
import { CriteriaCatalog, defaultConfig } from '../../src/core';
import { goodAccount } from '../cli/cli-helpers';

const catalog = new CriteriaCatalog();
const base = (more: Partial<ExportOptions> = {}): ExportOptions => ({ format: 'docx', config: defaultConfig(), catalog, path: 'fridge.md', now: new Date('2026-12-07T10:00:00Z'), ...more });

async function exported(text: string, more: Partial<ExportOptions> = {}): Promise<Uint8Array> {
  const r = await exportAccount(text, base(more));
  assert.ok(r.ok, r.ok ? '' : `${r.why}: ${r.reasons.join('\n')}`);
  return r.bytes;
}

/** The parts of a .docx, read back as text. */
async function parts(bytes: Uint8Array): Promise<{ document: string; comments?: string; text: string; paragraphs: { style?: string; text: string }[] }> {
  const zip = await JSZip.loadAsync(bytes);
  const document = await zip.file('word/document.xml')!.async('string');
  const comments = await zip.file('word/comments.xml')?.async('string');
  const paragraphs = [...document.matchAll(/<w:p>([\s\S]*?)<\/w:p>|<w:p [^>]*>([\s\S]*?)<\/w:p>/g)].map((m) => {
    const inner = m[1] ?? m[2];
    return { style: /<w:pStyle w:val="([^"]+)"/.exec(inner)?.[1], text: [...inner.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('') };
  });
  return { document, comments, text: paragraphs.map((p) => p.text).join('\n'), paragraphs };
}

const decode = (b: Uint8Array) => new TextDecoder().decode(b);

describe('convert: exporting an account for submission', () => {
  it('docx: a title, a details table, the sections as Heading 2, and the text, read back from word/document.xml', async () => {
    const { paragraphs, text, document } = await parts(await exported(goodAccount()));
    assert.deepEqual(paragraphs[0], { style: 'Title', text: 'Missed fridge delivery' });
    const headings = paragraphs.filter((p) => p.style === 'Heading2').map((p) => p.text);
    assert.deepEqual(headings, ['Situation', 'Task', 'Action', 'Result', 'Reflection']);
    const after = (h: string) => paragraphs[paragraphs.findIndex((p) => p.style === 'Heading2' && p.text === h) + 1].text;
    assert.match(after('Situation'), /^On 4 March 2026 a customer rang our contact centre/);
    assert.match(after('Result'), /^The fridge was delivered on 6 March inside the agreed slot/);
    // The details table: label and value cells in order.
    assert.match(text, /Learner\nL-001\nUnit\nCS3-SP – [^\n]+\nCriteria claimed\n2\.1\nDate\n2026-03-10\nWord count\n\d+/);
    const words = analyze(goodAccount()).account.words;
    assert.ok(text.includes(`Word count\n${words.toLocaleString('en-GB')}`), `word count ${words}`);
    // No Markdown or front matter in the submission.
    assert.doesNotMatch(text, /##|^---|title:|\*\*/m);
    assert.ok(document.includes('<w:tbl>'));
  });

  it('an account whose sections are level-1 headings keeps them all, with the title from the front matter', async () => {
    const text = goodAccount().replace('# Missed fridge delivery\n\n', '').replace(/^## /gm, '# ');
    const { paragraphs } = await parts(await exported(text));
    assert.deepEqual(paragraphs[0], { style: 'Title', text: 'Missed fridge delivery' });
    assert.deepEqual(paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text), ['Situation', 'Task', 'Action', 'Result', 'Reflection']);
  });

  it('refuses an account with errors (a missing section, personal data), listing them; --force exports it with a note', async () => {
    const text = goodAccount({ drop: ['Result'], action: 'I emailed the customer at jane.smith@example.com to confirm.' });
    const r = await exportAccount(text, base());
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.equal(r.why, 'errors');
    assert.ok(r.reasons.some((x) => /^line \d+: .*Result/.test(x)), r.reasons.join('\n'));
    assert.ok(r.reasons.some((x) => /email/i.test(x)), r.reasons.join('\n'));
    const forced = await exportAccount(text, base({ force: true }));
    assert.ok(forced.ok && forced.notes.some((n) => /errors? still in the account/.test(n)));
  });

  const withFeedback = (state: string) =>
    goodAccount({ action: `I {==logged every call==}{>>[tutor:AB${state}] Which system?<<} and {++also ++}sent {--two --}a {~~short~>brief~~} summary.` });

  it('refuses while tutor comments are open, listing each with its line', async () => {
    const r = await exportAccount(withFeedback(''), base());
    assert.equal(r.ok, false);
    assert.ok(!r.ok && r.why === 'feedback');
    assert.deepEqual(!r.ok && r.reasons, ['line 22: tutor:AB: Which system?']);
  });

  it('by default accepts suggested changes and removes resolved comments', async () => {
    const { text, comments } = await parts(await exported(withFeedback(' resolved')));
    assert.ok(text.includes('I logged every call and also sent a brief summary.'), text);
    assert.doesNotMatch(text, /Which system|\{|~>/);
    assert.ok(!comments || !comments.includes('Which system'));
  });

  it('--include-feedback: comments become Word comments on the words they were about', async () => {
    const { document, comments, text } = await parts(await exported(withFeedback(''), { includeFeedback: true }));
    assert.ok(comments, 'word/comments.xml');
    assert.match(comments, /w:author="Tutor AB"[^>]*w:initials="AB"|w:initials="AB"[^>]*w:author="Tutor AB"/);
    assert.ok(comments.includes('Which system?'));
    assert.match(document, /<w:commentRangeStart w:id="0"\/>(?:<w:r>.*?<\/w:r>)*?<w:commentRangeEnd w:id="0"\/>/);
    assert.match(document, /<w:commentRangeStart w:id="0"\/><w:r>(?:(?!<\/w:r>).)*<w:t xml:space="preserve">logged every call<\/w:t>/);
    assert.ok(text.includes('I logged every call and also sent a brief summary.'));
  });

  it('html: a standalone, print-friendly page with the details, the sections and no markup', async () => {
    const html = decode(await exported(withFeedback(' resolved'), { format: 'html' }));
    assert.match(html, /^<!DOCTYPE html>\n<html lang="en-GB">/);
    assert.match(html, /@media print/);
    assert.match(html, /<h1>Missed fridge delivery<\/h1>/);
    assert.match(html, /<tr><th scope="row">Learner<\/th><td>L-001<\/td><\/tr>/);
    for (const s of ['Situation', 'Task', 'Action', 'Result', 'Reflection']) assert.ok(html.includes(`<h2>${s}</h2>`), s);
    assert.ok(html.includes('I logged every call and also sent a brief summary.'));
    assert.doesNotMatch(html, /\{>>|\{==|<script|https?:\/\//);
  });

  it('links keep their words; only web and email addresses stay links', async () => {
    const text = goodAccount({ action: 'I followed [the returns policy](https://example.org/returns) and [this note](javascript:alert(1)) and [that page](notes/page.md).' });
    const html = decode(await exported(text, { format: 'html' }));
    assert.ok(html.includes('<a href="https://example.org/returns">the returns policy</a>'));
    assert.ok(html.includes(' and this note and that page.'), html);
    assert.doesNotMatch(html, /javascript:|notes\/page\.md/);
    const { document } = await parts(await exported(text));
    assert.doesNotMatch(document, /javascript:/);
  });

  it('html with --include-feedback shows each comment in brackets after its words', async () => {
    const html = decode(await exported(withFeedback(''), { format: 'html', includeFeedback: true }));
    assert.ok(html.includes('logged every call <span class="feedback">[Tutor AB: Which system?]</span> and also sent'), html);
  });

  it('txt: clean text to paste, with plain section titles', async () => {
    const txt = decode(await exported(withFeedback(' resolved'), { format: 'txt' }));
    assert.match(txt, /^Missed fridge delivery\n\nLearner: L-001\nUnit: CS3-SP – .+\nCriteria claimed: 2\.1\nDate: 2026-03-10\nWord count: \d+\n\nSituation\n\nOn 4 March 2026/);
    assert.match(txt, /\n\nReflection\n\nLooking back, the call-back worked/);
    assert.doesNotMatch(txt, /#|\*\*|\{|---|<!--/);
  });

  it('the criteria table says where in the account each criterion claimed is evidenced', async () => {
    const text = goodAccount({ action: 'I agreed with the depot manager who would do what (AC 2.1).' });
    const { text: docText } = await parts(await exported(text, { criteriaTable: true }));
    assert.match(docText, /Criteria evidenced\nCriterion\nWhat it asks\nWhere in this account\nCoverage\n2\.1\n[^\n]+\nAction\n(covered|weak)/);
    const txt = decode(await exported(text, { format: 'txt', criteriaTable: true }));
    assert.match(txt, /\nCriteria evidenced\n\n2\.1 .+ — Action \((covered|weak)\)/);
    const none = await exportAccount(goodAccount({ frontMatter: 'title: Missed fridge delivery\nlearner: L-001\nunit: NO-SUCH-UNIT\ndate: 2026-03-10' }), base({ criteriaTable: true, force: true }));
    assert.ok(none.ok && none.notes.some((n) => /No criteria table: I have no criteria set for unit NO-SUCH-UNIT/.test(n)));
  });

  describe('round trip: export to .docx, then import', () => {
    const sectionTexts = (md: string) => {
      const { account } = analyze(md);
      // Tables are compared by their cells: column padding is the writer's choice.
      const cells = (t: string) => t.replace(/[ \t]*\|[ \t]*/g, '|').replace(/\|-+(?=\|)/g, '|---');
      return account.sections.map((s) => [s.def.name, cells(md.slice(s.body.start, s.body.end)).replace(/\s+/g, ' ').trim()]);
    };

    for (const [name, text] of [
      ['a plain account', goodAccount()],
      ['an account with lists, emphasis and a table', goodAccount({ action: 'I did three things:\n\n- rang the _depot_;\n- asked for a **named** driver;\n- wrote to the customer.\n\n| Before | After |\n| --- | --- |\n| 3 days | 1 day |\n\n' })],
    ] as const) {
      it(`${name}: the same sections, text and details come back`, async () => {
        const back = await importDocx(await exported(text), { fileName: 'fridge.docx', date: '2026-12-07' });
        assert.ok(back.ok, back.ok ? '' : back.problem);
        assert.deepEqual(sectionTexts(back.markdown), sectionTexts(text));
        const fm = (md: string) => {
          const f = analyze(md).account.frontMatter!.fields;
          return { title: f.title, learner: f.learner, unit: f.unit, criteria: f.criteria, date: f.date };
        };
        assert.deepEqual(fm(back.markdown), fm(text));
      });
    }

    it('feedback kept as Word comments comes back as feedback', async () => {
      const back = await importDocx(await exported(withFeedback(''), { includeFeedback: true }), { fileName: 'fridge.docx', date: '2026-12-07' });
      assert.ok(back.ok);
      assert.ok(back.markdown.includes('I logged every call {>>[tutor:AB] Which system?<<} and also sent a brief summary.'), back.markdown);
    });
  });
});
