// Word documents for the import tests, built here from their XML as Word itself writes it (styles named
// "heading 1", bold runs, numbering definitions, w:tbl tables, comments in word/comments.xml), zipped with JSZip.
// All the account text is written for these tests.
import JSZip from 'jszip';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A run of text; `bold` as Word writes it (w:b in the run properties). */
export const run = (text: string, o: { bold?: boolean; italic?: boolean } = {}) =>
  `<w:r>${o.bold || o.italic ? `<w:rPr>${o.bold ? '<w:b/>' : ''}${o.italic ? '<w:i/>' : ''}</w:rPr>` : ''}<w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;

/** A paragraph of runs (or of text), with a style id and list numbering if given. */
export function para(content: string | string[], o: { style?: string; list?: { numId: number; level?: number } } = {}): string {
  const runs = typeof content === 'string' ? run(content) : content.join('');
  const props = [o.style ? `<w:pStyle w:val="${o.style}"/>` : '', o.list ? `<w:numPr><w:ilvl w:val="${o.list.level ?? 0}"/><w:numId w:val="${o.list.numId}"/></w:numPr>` : ''].join('');
  return `<w:p>${props ? `<w:pPr>${props}</w:pPr>` : ''}${runs}</w:p>`;
}

/** A table of plain-text cells. */
export const table = (rows: string[][]) =>
  `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>${rows[0].map(() => '<w:gridCol w:w="4500"/>').join('')}</w:tblGrid>${rows
    .map((r) => `<w:tr>${r.map((c) => `<w:tc><w:tcPr><w:tcW w:w="4500" w:type="dxa"/></w:tcPr>${para(c)}</w:tc>`).join('')}</w:tr>`)
    .join('')}</w:tbl>`;

/** Runs of text with a comment on `commented` (Word's range start and end, then the reference run). */
export const commented = (before: string, commentedText: string, after: string, id: number) =>
  [run(before), `<w:commentRangeStart w:id="${id}"/>`, run(commentedText), `<w:commentRangeEnd w:id="${id}"/>`, `<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="${id}"/></w:r>`, run(after)];

export interface WordComment {
  id: number;
  author: string;
  initials: string;
  text: string;
}

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles ${W}>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="character" w:styleId="CommentReference"><w:name w:val="annotation reference"/></w:style>
<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/></w:style>
</w:styles>`;

// numId 1: bullets; numId 2: a numbered list.
const NUMBERING = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering ${W}>
<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>`;

/** A .docx as Word writes it: the body's paragraphs and tables, and its comments. */
export async function wordDocument(body: string[], comments: WordComment[] = []): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>
</Types>`);
  zip.file('_rels/.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>`);
  zip.file('word/_rels/document.xml.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>
</Relationships>`);
  zip.file('word/styles.xml', STYLES);
  zip.file('word/numbering.xml', NUMBERING);
  zip.file('word/comments.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:comments ${W}>${comments.map((c) => `<w:comment w:id="${c.id}" w:author="${esc(c.author)}" w:date="2026-03-02T10:00:00Z" w:initials="${esc(c.initials)}">${para(c.text)}</w:comment>`).join('')}</w:comments>`);
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document ${W}><w:body>${body.join('')}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`);
  return zip.generateAsync({ type: 'uint8array' });
}

// ------------------------------------------------------------------------------------------- the fixtures

/** Word's heading styles for the title and each section; a bullet list, smart quotes and a comment. */
export function headingStyles(): Promise<Uint8Array> {
  return wordDocument(
    [
      para('Calming a customer whose refund went missing', { style: 'Title' }),
      para('Situation', { style: 'Heading1' }),
      para(commented('In May 2026 a customer rang because her ', 'refund of £48', ' had not reached her bank after ten working days. She said, “I’ve been promised this twice already.”', 0)),
      para('Task', { style: 'Heading1' }),
      para('I had to find where the refund was and give her a date she could rely on, within our 48-hour callback standard.'),
      para('Action', { style: 'Heading1' }),
      para('I did three things:'),
      para('checked the payments log and found the refund held for a card mismatch;', { list: { numId: 1 } }),
      para('asked the finance team to release it to the new card that day;', { list: { numId: 1 } }),
      para('rang her back by 3pm with the reference number.', { list: { numId: 1 } }),
      para('Result', { style: 'Heading1' }),
      para('The refund arrived two days later and she closed the complaint with a score of 9 out of 10.'),
      para('Reflection', { style: 'Heading1' }),
      para('I learned to check the payment record before I promise anything. Next time I will ask finance for the status at the first call.'),
    ],
    [{ id: 0, author: 'Amira Begum', initials: 'AB', text: 'Say how the customer felt.' }],
  );
}

/** Bold labels at the start of paragraphs instead of headings; a numbered list and a comment. */
export function boldLabels(): Promise<Uint8Array> {
  return wordDocument(
    [
      para([run('My reflective account: the broken lift', { bold: true })]),
      para([run('Situation:', { bold: true }), run(' On a Monday in June the lift at our care home broke down with two residents on the first floor who could not use the stairs.')]),
      para([run('Task:', { bold: true }), run(' As the senior on shift I had to keep both residents safe and fed until the engineer came.')]),
      para([run('Action:', { bold: true }), run(' I followed the home’s plan in order:')]),
      para('moved the morning activities upstairs;', { list: { numId: 2 } }),
      para('arranged for meals to be carried up on trays;', { list: { numId: 2 } }),
      para(commented('called the engineer and logged the ', 'fault', ' at 8:40.', 3), { list: { numId: 2 } }),
      para([run('Result:', { bold: true }), run(' The engineer fixed the lift by 2pm and neither resident missed a meal or their medication.')]),
      para([run('Reflection:', { bold: true }), run(' I felt calm because I knew the plan. I would now keep a printed copy of the engineer’s number by the lift.')]),
    ],
    [{ id: 3, author: 'Tom Reid', initials: 'TR', text: 'Which fault code?' }],
  );
}

/** A details table, heading styles, a two-column before/after table, smart quotes and a picture-free list. */
export function withTables(): Promise<Uint8Array> {
  return wordDocument([
    para('Cutting repeat calls about delivery slots', { style: 'Title' }),
    table([
      ['Learner', 'L-207'],
      ['Unit', 'CS3-SP'],
      ['Criteria claimed', '2.1, 3.2'],
      ['Date', '2026-06-18'],
    ]),
    para('Situation', { style: 'Heading2' }),
    para('Customers kept ringing to ask when their delivery would arrive, because the text message gave only the day.'),
    para('Task', { style: 'Heading2' }),
    para('My team leader asked me to cut these “where is my order” calls within a month.'),
    para('Action', { style: 'Heading2' }),
    para('I asked the courier to add a two-hour window to the text message, and I wrote a short script for the team.'),
    para('Result', { style: 'Heading2' }),
    para('Calls about delivery slots fell, as this table shows:'),
    table([
      ['Week', 'Calls about slots'],
      ['Before', '212'],
      ['After', '64'],
    ]),
    para('Reflection', { style: 'Heading2' }),
    para('Sharing the figures with the courier made them act quickly. I’d use the same approach again.'),
  ]);
}

/** A document with no text at all (one empty paragraph, as Word saves a blank page). */
export function emptyDocument(): Promise<Uint8Array> {
  return wordDocument([para([])]);
}

/** The first bytes of an old binary .doc (an OLE compound file) and of a password-protected .docx (the same, holding an EncryptedPackage). */
export function oleFile(encrypted: boolean): Uint8Array {
  const b = new Uint8Array(4096);
  b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const name = encrypted ? 'EncryptedPackage' : 'WordDocument';
  for (let i = 0; i < name.length; i++) b[1024 + i * 2] = name.charCodeAt(i);
  return b;
}

/** A zip that is not a Word document, and bytes that start like a zip and then stop. */
export async function notWord(): Promise<{ zipWithoutDocument: Uint8Array; truncated: Uint8Array }> {
  const zip = new JSZip();
  zip.file('hello.txt', 'not a Word document');
  const real = await headingStyles();
  return { zipWithoutDocument: await zip.generateAsync({ type: 'uint8array' }), truncated: real.slice(0, Math.floor(real.length / 2)) };
}

/** A document of `size` bytes that starts like a zip: its size alone must refuse it, before it is read. */
export function hugeFile(size: number): Uint8Array {
  const b = new Uint8Array(size);
  b.set([0x50, 0x4b, 0x03, 0x04]);
  return b;
}
