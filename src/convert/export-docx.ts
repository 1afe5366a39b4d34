// A prepared account → a Word document, with the `docx` package (which runs in Node and in the browser alike).
import {
  AlignmentType, BorderStyle, CommentRangeEnd, CommentRangeStart, CommentReference, Document, ExternalHyperlink, HeadingLevel,
  LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType,
  type IParagraphOptions, type ParagraphChild,
} from 'docx';
import type { List, PhrasingContent, RootContent, Table as MdTable } from 'mdast';
import { toString as mdToString } from 'mdast-util-to-string';
import { COMMENT_MARK, authorName, type PreparedAccount } from './prepare';

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];

interface Style {
  bold?: boolean;
  italics?: boolean;
  strike?: boolean;
  code?: boolean;
}

/** Renders one account; keeps count of ordered lists, each of which numbers from 1. */
class DocxWriter {
  private numbered = 0;

  constructor(private readonly commentIds: Set<number>) {}

  blocks(nodes: RootContent[], indent = 0): (Paragraph | Table)[] {
    return nodes.flatMap((n) => this.block(n, indent));
  }

  private block(n: RootContent, indent: number): (Paragraph | Table)[] {
    const at = indent ? { indent: { left: 360 * indent } } : {};
    switch (n.type) {
      case 'heading':
        return [new Paragraph({ heading: HEADINGS[n.depth - 1], children: this.inlines(n.children) })];
      case 'paragraph':
        return [new Paragraph({ ...at, children: this.inlines(n.children) })];
      case 'list':
        return this.list(n, 0);
      case 'blockquote':
        return this.blocks(n.children, indent + 1);
      case 'code':
        return n.value.split('\n').map((line) => new Paragraph({ ...at, children: [new TextRun({ text: line, font: 'Consolas' })] }));
      case 'table':
        return [this.table(n)];
      case 'thematicBreak':
        return [new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '999999', space: 1 } }, children: [] })];
      default:
        // Definitions, footnote definitions, front matter and HTML (prompts, directives) are not part of the submission.
        return [];
    }
  }

  private list(list: List, level: number): (Paragraph | Table)[] {
    const out: (Paragraph | Table)[] = [];
    const numbering: IParagraphOptions['numbering'] = list.ordered ? { reference: 'numbers', level, instance: ++this.numbered } : { reference: 'bullets', level };
    for (const item of list.children) {
      let first = true;
      for (const child of item.children) {
        if (child.type === 'list') out.push(...this.list(child, Math.min(level + 1, 8)));
        else if (child.type === 'paragraph') {
          out.push(new Paragraph({ ...(first ? { numbering } : { indent: { left: 720 * (level + 1) } }), children: this.inlines(child.children) }));
          first = false;
        } else out.push(...this.block(child, level + 1));
      }
    }
    return out;
  }

  private table(t: MdTable): Table {
    return new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: t.children.map((row, i) => new TableRow({
        tableHeader: i === 0,
        children: row.children.map((cell) => new TableCell({ children: [new Paragraph({ children: this.inlines(cell.children, i === 0 ? { bold: true } : {}) })] })),
      })),
    });
  }

  inlines(nodes: PhrasingContent[], style: Style = {}): ParagraphChild[] {
    return nodes.flatMap((n) => this.inline(n, style));
  }

  private inline(n: PhrasingContent, style: Style): ParagraphChild[] {
    switch (n.type) {
      case 'text':
        return this.text(n.value.replace(/\s*\n\s*/g, ' '), style);
      case 'strong':
        return this.inlines(n.children, { ...style, bold: true });
      case 'emphasis':
        return this.inlines(n.children, { ...style, italics: true });
      case 'delete':
        return this.inlines(n.children, { ...style, strike: true });
      case 'inlineCode':
        return this.text(n.value, { ...style, code: true });
      case 'break':
        return [new TextRun({ break: 1 })];
      case 'link':
        return [new ExternalHyperlink({ link: n.url, children: [new TextRun({ text: mdToString(n), style: 'Hyperlink' })] })];
      case 'image':
        return n.alt ? this.text(`[picture: ${n.alt}]`, style) : [];
      default:
        return [];
    }
  }

  /** Text, with the comment markers in it turned into Word's comment ranges. */
  private text(value: string, style: Style): ParagraphChild[] {
    const out: ParagraphChild[] = [];
    const run = (text: string) => text && out.push(new TextRun({ text, bold: style.bold, italics: style.italics, strike: style.strike, ...(style.code ? { font: 'Consolas' } : {}) }));
    let last = 0;
    for (const m of value.matchAll(COMMENT_MARK)) {
      run(value.slice(last, m.index));
      last = m.index! + m[0].length;
      const id = Number(m[2]);
      if (!this.commentIds.has(id)) continue;
      if (m[1] === '\uE000') out.push(new CommentRangeStart(id));
      else out.push(new CommentRangeEnd(id), new TextRun({ children: [new CommentReference(id)] }));
    }
    run(value.slice(last));
    return out;
  }
}

const cell = (text: string, bold = false, shade = false) =>
  new TableCell({
    ...(shade ? { shading: { fill: 'EDEDED' } } : {}),
    children: [new Paragraph({ children: [new TextRun({ text, bold })] })],
  });

/** The Word document of a prepared account. */
export async function renderDocx(a: PreparedAccount, now = new Date()): Promise<Uint8Array> {
  const w = new DocxWriter(new Set(a.comments.map((c) => c.id)));
  const children: (Paragraph | Table)[] = [new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(a.title)] })];
  children.push(new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: a.details.map(([k, v]) => new TableRow({ children: [cell(k, true, true), cell(v)] })) }));
  children.push(new Paragraph({ children: [] }));
  children.push(...w.blocks(a.body));
  if (a.criteria?.length) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('Criteria evidenced')] }));
    children.push(new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, children: ['Criterion', 'What it asks', 'Where in this account', 'Coverage'].map((h) => cell(h, true, true)) }),
        ...a.criteria.map((c) => new TableRow({ children: [cell(c.id), cell(c.text), cell(c.where), cell(c.state)] })),
      ],
    }));
  }
  const level = (i: number, format: (typeof LevelFormat)[keyof typeof LevelFormat], text: string) => ({ level: i, format, text, alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 720 * (i + 1), hanging: 360 } } } });
  const doc = new Document({
    title: a.title,
    creator: 'STARR Reflect',
    comments: { children: a.comments.map((c) => ({ id: c.id, author: authorName(c), initials: c.initials, date: now, children: c.paragraphs.map((p) => new Paragraph(p)) })) },
    numbering: {
      config: [
        { reference: 'bullets', levels: Array.from({ length: 9 }, (_, i) => level(i, LevelFormat.BULLET, ['•', '◦', '▪'][i % 3])) },
        { reference: 'numbers', levels: Array.from({ length: 9 }, (_, i) => level(i, LevelFormat.DECIMAL, `%${i + 1}.`)) },
      ],
    },
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
