import assert from 'node:assert/strict';
import { Document, FootnoteReferenceRun, HeadingLevel, ImageRun, Packer, Paragraph, TextRun } from 'docx';
import { importDocx, MAX_DOCX_BYTES, type ImportResult } from '../../src/convert';
import { analyze } from '../../src/analysis';
import { scanCritic } from '../../src/core';
import { boldLabels, emptyDocument, headingStyles, hugeFile, notWord, oleFile, para, run, withTables, wordDocument } from './word-fixtures';

const OPTIONS = { fileName: 'my-draft.docx', date: '2026-12-07' };

function markdown(r: ImportResult): string {
  assert.ok(r.ok, r.ok ? '' : r.problem);
  return r.markdown;
}

/** The account's sections as the checks read them, by name, with their words. */
function sections(md: string): string[] {
  return analyze(md).account.sections.map((s) => `${s.def.name}${s.inferred ? ' (inferred)' : ''}`);
}

describe('convert: importing a Word document', () => {
  it('heading styles: Title becomes the title, Heading 1 sections become ## headings, a bullet list stays a list', async () => {
    const md = markdown(await importDocx(await headingStyles(), OPTIONS));
    assert.match(md, /^---\ntitle: Calming a customer whose refund went missing\ndate: 2026-12-07\nframework: starr\nstatus: draft\n---\n\n# Calming a customer whose refund went missing\n\n## Situation\n/);
    assert.deepEqual(sections(md), ['Situation', 'Task', 'Action', 'Result', 'Reflection']);
    assert.match(md, /\n- checked the payments log and found the refund held for a card mismatch;\n- asked the finance team/);
    // Smart quotes and the pound sign are kept as typed.
    assert.ok(md.includes('She said, “I’ve been promised this twice already.”'), md);
  });

  it('a Word comment becomes tutor feedback in CriticMarkup, with the author\'s initials, after the words it was on', async () => {
    const r = await importDocx(await headingStyles(), OPTIONS);
    const md = markdown(r);
    assert.ok(md.includes('refund of £48 {>>[tutor:AB] Say how the customer felt.<<} had not reached'), md);
    const marks = scanCritic(md).marks;
    assert.equal(marks.length, 1);
    assert.equal(marks[0].role, 'tutor');
    assert.equal(marks[0].initials, 'AB');
    assert.ok(r.ok && r.notes.some((n) => /Word comment became feedback/.test(n)));
  });

  it('bold labels at the start of paragraphs become section headings, and a bold first line the title', async () => {
    const md = markdown(await importDocx(await boldLabels(), OPTIONS));
    assert.deepEqual(sections(md), ['Situation', 'Task', 'Action', 'Result', 'Reflection']);
    assert.match(md, /\n# My reflective account: the broken lift\n\n## Situation\n\nOn a Monday in June/);
    assert.match(md, /## Task\n\nAs the senior on shift/);
    assert.match(md, /title: "My reflective account: the broken lift"/);
    assert.doesNotMatch(md, /\*\*(Situation|Task|Action|Result|Reflection):?\*\*/);
    assert.match(md, /\n1\. moved the morning activities upstairs;\n2\. arranged/);
    assert.ok(md.includes('logged the fault {>>[tutor:TR] Which fault code?<<} at 8:40.'), md);
  });

  it('tables stay Markdown tables; a leading details table fills the front matter', async () => {
    const md = markdown(await importDocx(await withTables(), { ...OPTIONS, learner: 'L-999', unit: 'CS4-SP' }));
    assert.match(md, /\nlearner: L-207\nunit: CS3-SP\ncriteria: \["2\.1", "3\.2"\]\ndate: 2026-06-18\n/);
    assert.doesNotMatch(md, /\| Learner/);
    assert.match(md, /\| Week {3}\| Calls about slots \|\n\| -+ \| -+ \|\n\| Before \| 212 {15}\|\n\| After {2}\| 64 {16}\|/);
    assert.deepEqual(sections(md), ['Situation', 'Task', 'Action', 'Result', 'Reflection']);
    assert.ok(md.includes('these “where is my order” calls'));
  });

  it('learner and unit come from the settings when the document does not give them', async () => {
    const md = markdown(await importDocx(await headingStyles(), { ...OPTIONS, learner: 'L-014', unit: 'CS3-SP', framework: 'star' }));
    assert.match(md, /\nlearner: L-014\nunit: CS3-SP\n/);
    assert.match(md, /\nframework: star\n/);
  });

  it('a document made with the docx package: title from the file name when it has none, pictures left out with a note', async () => {
    // A 1×1 PNG.
    const png = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));
    const doc = new Document({
      sections: [{
        children: [
          new Paragraph({ text: 'Situation', heading: HeadingLevel.HEADING_2 }),
          new Paragraph('A parcel went to the wrong branch.'),
          new Paragraph({ children: [new ImageRun({ type: 'png', data: png, transformation: { width: 10, height: 10 } })] }),
          new Paragraph({ text: 'Action', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ children: [new TextRun('I '), new TextRun({ text: 'rang', italics: true }), new TextRun(' the branch.')] }),
        ],
      }],
    });
    const r = await importDocx(new Uint8Array(await Packer.toArrayBuffer(doc)), { ...OPTIONS, fileName: 'wrong_branch-parcel.docx' });
    const md = markdown(r);
    assert.match(md, /\n# Wrong branch parcel\n\n## Situation\n\nA parcel went to the wrong branch\.\n\n## Action\n\nI _rang_ the branch\.\n$/);
    assert.ok(r.ok && r.notes.some((n) => /A picture was left out/.test(n)), String(r.ok && r.notes));
    assert.doesNotMatch(md, /!\[|<img/);
  });

  it('a footnote keeps its number in the text and comes in as a numbered list at the end', async () => {
    const doc = new Document({
      footnotes: { 1: { children: [new Paragraph('The callback standard is two working hours.')] } },
      sections: [{ children: [new Paragraph({ text: 'Situation', heading: HeadingLevel.HEADING_2 }), new Paragraph({ children: [new TextRun('We missed the callback standard'), new FootnoteReferenceRun(1), new TextRun(' twice.')] })] }],
    });
    const r = await importDocx(new Uint8Array(await Packer.toArrayBuffer(doc)), OPTIONS);
    const md = markdown(r);
    assert.ok(md.includes('We missed the callback standard[1] twice.'), md);
    assert.match(md, /\n1\. The callback standard is two working hours\.\n$/);
    assert.doesNotMatch(md, /#footnote|↑/);
    assert.ok(r.ok && r.notes.some((n) => /Footnotes and endnotes were put at the end/.test(n)));
  });

  it('tracked changes come in as if accepted: insertions kept, deletions gone', async () => {
    const ins = `<w:ins w:id="9" w:author="Tom Reid" w:date="2026-03-02T10:00:00Z">${run('within two hours ')}</w:ins>`;
    const del = `<w:del w:id="10" w:author="Tom Reid" w:date="2026-03-02T10:00:00Z"><w:r><w:delText>the next day </w:delText></w:r></w:del>`;
    const md = markdown(await importDocx(await wordDocument([para('Action', { style: 'Heading1' }), para([run('I rang her back '), ins, del, run('as promised.')])]), OPTIONS));
    assert.ok(md.includes('I rang her back within two hours as promised.'), md);
    assert.doesNotMatch(md, /next day/);
  });

  it('a document with no section headings or labels says its sections will be read from the writing', async () => {
    const doc = new Document({ sections: [{ children: [new Paragraph('We had a fire drill at work. I led the floor out and counted everyone at the assembly point.')] }] });
    const r = await importDocx(new Uint8Array(await Packer.toArrayBuffer(doc)), OPTIONS);
    assert.ok(r.ok && r.notes.some((n) => /no STARR section headings or labels/.test(n)), String(r.ok && r.notes));
  });

  describe('bad input is refused with a plain message', () => {
    const cases: [string, () => Promise<Uint8Array> | Uint8Array, RegExp][] = [
      ['a password-protected .docx', () => oleFile(true), /protected with a password.*remove the password/],
      ['an old binary .doc', () => oleFile(false), /older Word document \(\.doc\).*Save As › Word Document \(\.docx\)/],
      ['a corrupt file (half a .docx)', async () => (await notWord()).truncated, /can't read this file as a Word document: it may be damaged/],
      ['a zip that is not a Word document', async () => (await notWord()).zipWithoutDocument, /can't read this file as a Word document/],
      ['plain text named .docx', () => new TextEncoder().encode('Situation: this is not Word'), /can't read this file as a Word document/],
      ['an empty file', () => new Uint8Array(0), /empty \(0 bytes\)/],
      ['a document with no text', emptyDocument, /has no text in it/],
      ['a 50 MB document', () => hugeFile(50 * 1024 * 1024), /is 50 MB, more than the 20 MB I import/],
    ];
    for (const [name, make, says] of cases) {
      it(name, async () => {
        const r = await importDocx(await make(), OPTIONS);
        assert.equal(r.ok, false);
        assert.match(r.ok ? '' : r.problem, says);
      });
    }

    it('the limit is 20 MB: one byte more is refused before it is read', async () => {
      assert.equal(MAX_DOCX_BYTES, 20 * 1024 * 1024);
      const r = await importDocx(hugeFile(MAX_DOCX_BYTES + 1), OPTIONS);
      assert.match(r.ok ? '' : r.problem, /more than the 20 MB/);
    });
  });
});
