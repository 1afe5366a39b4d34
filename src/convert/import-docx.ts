// A Word document (.docx bytes) → a reflective account (Markdown). mammoth reads the document as HTML; unified
// (rehype-parse → rehype-remark → remark-stringify) writes it as Markdown; the core's own structure recognition
// then finds the sections, so Word's heading styles and bold labels become the account's section headings.
import mammoth from 'mammoth';
import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from 'hast';
import type { Root as MdRoot, RootContent, Table } from 'mdast';
import rehypeParse from 'rehype-parse';
import rehypeRemark from 'rehype-remark';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { toString as mdToString } from 'mdast-util-to-string';
import { frameworkOrDefault, getFramework } from '../core/data';
import { buildAccount } from '../core/model';
import type { TextEdit } from '../core/types';
import { applyEdits } from '../core/edits';
import { MAX_DOCX_BYTES, formatSize } from './limits';
import { yamlScalar } from './yaml';

export interface ImportOptions {
  /** The Word file's name (used for the title when the document has none). */
  fileName: string;
  /** Today, YYYY-MM-DD: the account's date. */
  date: string;
  /** The framework to read the sections with (default: STARR). */
  framework?: string;
  /** From the user's settings, when known: put into the front matter. */
  learner?: string;
  unit?: string;
}

export type ImportResult =
  | { ok: true; markdown: string; notes: string[] }
  | { ok: false; problem: string };

/** The first bytes of a zip file (a .docx is one) and of an OLE compound file (a .doc, or an encrypted .docx). */
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);

/** Whether an OLE file holds an `EncryptedPackage` stream: Word's password-protected .docx. */
function isEncryptedPackage(b: Uint8Array): boolean {
  const name = 'EncryptedPackage';
  const utf16 = new Uint8Array(name.length * 2);
  for (let i = 0; i < name.length; i++) utf16[i * 2] = name.charCodeAt(i);
  outer: for (let i = 0; i + utf16.length <= b.length; i++) {
    for (let j = 0; j < utf16.length; j++) if (b[i + j] !== utf16[j]) continue outer;
    return true;
  }
  return false;
}

const PROBLEMS = {
  empty: 'This file is empty (0 bytes), so there is nothing to import. If it was copied or downloaded, try getting it again.',
  tooLarge: (size: number) =>
    `This Word document is ${formatSize(size)}, more than the ${formatSize(MAX_DOCX_BYTES)} I import. A reflective account is usually well under 1 MB; large files are mostly pictures. Save a copy without the pictures (or with them compressed) and import that.`,
  encrypted: 'This Word document is protected with a password, so I can\'t read it. Open it in Word, remove the password (File › Info › Protect Document › Encrypt with Password, then clear it), save it, and import it again.',
  doc: 'This is an older Word document (.doc), which I can\'t read. Open it in Word and choose File › Save As › Word Document (.docx), then import the .docx file.',
  corrupt: 'I can\'t read this file as a Word document: it may be damaged, only partly downloaded, or not a Word file at all. Open it in Word and save it again as a .docx, then import that.',
  noText: 'This Word document has no text in it, so there is nothing to import. Check that it is the right file.',
};

/** Turn the bytes of a .docx file into a reflective account. Never throws for bad input: it says what is wrong. */
export async function importDocx(bytes: Uint8Array, options: ImportOptions): Promise<ImportResult> {
  if (bytes.length === 0) return { ok: false, problem: PROBLEMS.empty };
  if (bytes.length > MAX_DOCX_BYTES) return { ok: false, problem: PROBLEMS.tooLarge(bytes.length) };
  if (startsWith(bytes, OLE)) return { ok: false, problem: isEncryptedPackage(bytes) ? PROBLEMS.encrypted : PROBLEMS.doc };
  if (!startsWith(bytes, ZIP)) return { ok: false, problem: PROBLEMS.corrupt };

  let html: string;
  let images = 0;
  try {
    const result = await mammoth.convertToHtml(
      // The Node build of mammoth reads `buffer`, the browser build `arrayBuffer`: both take the bytes.
      { buffer: bytes, arrayBuffer: bytes } as unknown as { buffer: Buffer },
      {
        styleMap: ['comment-reference => sup', "p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => p:fresh"],
        convertImage: mammoth.images.imgElement(async () => {
          images++;
          return { src: '' };
        }),
      },
    );
    html = result.value;
  } catch {
    return { ok: false, problem: PROBLEMS.corrupt };
  }

  const notes: string[] = [];
  const hast = unified().use(rehypeParse, { fragment: true }).parse(html) as HastRoot;
  const comments = takeComments(hast);
  headerRows(hast);
  unboldHeaders(hast);
  const footnotes = dropBackLinks(hast);
  if (images) notes.push(`${images === 1 ? 'A picture was' : `${images} pictures were`} left out: an account is text. Describe in words anything a picture showed that an assessor needs.`);
  if (comments.length) notes.push(`${comments.length === 1 ? 'A Word comment became' : `${comments.length} Word comments became`} feedback, placed just after the words it was on.`);
  if (footnotes) notes.push('Footnotes and endnotes were put at the end as a numbered list.');

  const mdast = (await unified().use(rehypeRemark, { handlers: { sup: supHandler } }).run(hast)) as MdRoot;
  const details = takeDetailsTable(mdast);
  dropCriteriaTable(mdast);
  const stringify = unified().use(remarkGfm).use(remarkStringify, { bullet: '-', emphasis: '_', strong: '*', rule: '-', listItemIndent: 'one', fences: true });
  let body = stringify.stringify(mdast);
  body = body.replace(/\uE010(\d+)\uE011/g, (_m, i: string) => criticComment(comments[Number(i)]));
  // Written as placeholders so that the Markdown writer does not escape the brackets.
  body = body.replace(/\uE012(\d*)\uE013/g, '[$1]');
  if (!/[\p{L}\p{N}]/u.test(body.replace(/\{>>[\s\S]*?<<\}/g, ''))) return { ok: false, problem: PROBLEMS.noText };

  const framework = frameworkOrDefault(options.framework);
  const shaped = shapeSections(body.trim() + '\n', framework.id, titleFromFileName(options.fileName));
  const fm: [string, string | undefined][] = [
    ['title', shaped.title],
    ['learner', details.learner ?? options.learner],
    ['unit', details.unit ?? options.unit],
    ['criteria', details.criteria],
    ['date', details.date ?? options.date],
    ['framework', framework.id],
    ['status', 'draft'],
  ];
  const lines = ['---'];
  for (const [k, v] of fm) {
    if (v === undefined || v === '') continue;
    lines.push(k === 'criteria' ? `criteria: [${splitList(v).map((c) => JSON.stringify(c)).join(', ')}]` : `${k}: ${yamlScalar(v)}`);
  }
  lines.push('---', '');
  if (!shaped.found) notes.push(`I found no ${framework.name} section headings or labels, so the sections are read from the writing. Add headings such as "## ${framework.sections[0].name}" to be sure.`);
  return { ok: true, markdown: `${lines.join('\n')}\n${shaped.text}`, notes };
}

// ------------------------------------------------------------------------------------------------- comments

interface WordComment {
  initials?: string;
  body: string;
}

const isElement = (n: HastContent | ElementContent | HastRoot): n is Element => n.type === 'element';

function hastText(n: HastContent | ElementContent): string {
  if (n.type === 'text') return n.value;
  if (n.type === 'element') return n.children.map(hastText).join('');
  return '';
}

/**
 * mammoth writes each Word comment as a link in a `sup` where it was anchored (`#comment-N`, labelled with the
 * author's initials and a number) and the comments themselves in a `dl` at the end. Take the `dl` out, and mark
 * each `sup` with the comment's index for `supHandler`.
 */
function takeComments(root: HastRoot): WordComment[] {
  const byId = new Map<string, WordComment>();
  const visit = (parent: HastRoot | Element) => {
    for (let i = parent.children.length - 1; i >= 0; i--) {
      const n = parent.children[i];
      if (!isElement(n)) continue;
      if (n.tagName === 'dl' && n.children.some((c) => isElement(c) && c.tagName === 'dt' && String(c.properties.id ?? '').startsWith('comment-'))) {
        let current: string | undefined;
        for (const c of n.children) {
          if (!isElement(c)) continue;
          if (c.tagName === 'dt') current = String(c.properties.id ?? '');
          else if (c.tagName === 'dd' && current) {
            const dt = n.children.find((d) => isElement(d) && d.properties.id === current)!;
            const label = /\[([^\]]*?)\d*\]\s*$/.exec(hastText(dt as Element))?.[1];
            const body = c.children
              .map((p) => hastText(p).replace(/\s*↑\s*$/, '').trim())
              .filter(Boolean)
              .join(' ');
            byId.set(current, { initials: label || undefined, body });
          }
        }
        parent.children.splice(i, 1);
        continue;
      }
      visit(n);
    }
  };
  visit(root);
  const order: WordComment[] = [];
  const mark = (parent: HastRoot | Element) => {
    for (const n of parent.children) {
      if (!isElement(n)) continue;
      const a = n.tagName === 'sup' ? n.children.find((c): c is Element => isElement(c) && c.tagName === 'a') : undefined;
      const id = a && String(a.properties.href ?? '').startsWith('#comment-') ? String(a.properties.href).slice(1) : undefined;
      const comment = id ? byId.get(id) : undefined;
      if (comment) {
        n.properties = { ...n.properties, dataComment: String(order.length) };
        order.push(comment);
      } else mark(n);
    }
  };
  mark(root);
  return order;
}

/** A `sup` that marks a comment becomes a placeholder (replaced once the Markdown is written); others keep their text. */
function supHandler(state: { all(node: Element): RootContent[] }, node: Element): RootContent | RootContent[] | undefined {
  const i = node.properties.dataComment;
  if (i !== undefined) return { type: 'text', value: `\uE010${String(i)}\uE011` };
  // A footnote or endnote reference ("[1]", linked to the note at the end) keeps its number as plain text.
  const a = node.children.find((c): c is Element => isElement(c) && c.tagName === 'a');
  if (a && /^#(footnote|endnote)-\d/.test(String(a.properties.href ?? ''))) return { type: 'text', value: `\uE012${hastText(a).replace(/[^\d]/g, '')}\uE013` };
  return state.all(node) as RootContent[];
}

/** Word's initials are free text: keep them only when they fit the feedback label's grammar. */
function criticComment(c: WordComment | undefined): string {
  if (!c) return '';
  const initials = c.initials && /^[A-Za-z0-9][\w.-]*$/.test(c.initials) ? `:${c.initials}` : '';
  const body = c.body.replace(/\s+/g, ' ').replace(/<<\}/g, '<< }').trim() || '(no text)';
  return ` {>>[tutor${initials}] ${body}<<}`;
}

/** Word tables have no header row as HTML knows it; a Markdown table needs one, so the first row becomes it. */
function headerRows(root: HastRoot | Element): void {
  for (const n of root.children) {
    if (!isElement(n)) continue;
    if (n.tagName !== 'table') {
      headerRows(n);
      continue;
    }
    const rows: Element[] = [];
    const collect = (e: Element) => {
      for (const c of e.children) {
        if (!isElement(c)) continue;
        if (c.tagName === 'tr') rows.push(c);
        else if (['thead', 'tbody', 'tfoot'].includes(c.tagName)) collect(c);
      }
    };
    collect(n);
    if (!rows.length || rows.some((r) => r.children.some((c) => isElement(c) && c.tagName === 'th'))) continue;
    for (const c of rows[0].children) if (isElement(c) && c.tagName === 'td') c.tagName = 'th';
  }
}

/** A header cell is bold already: a `strong` that holds all of a header cell's text is Word's formatting, not emphasis. */
function unboldHeaders(root: HastRoot | Element): void {
  for (const n of root.children) {
    if (!isElement(n)) continue;
    if (n.tagName !== 'th') {
      unboldHeaders(n);
      continue;
    }
    const unwrap = (e: Element): void => {
      e.children = e.children.flatMap((c) => (isElement(c) && c.tagName === 'strong' ? c.children : [c]));
      for (const c of e.children) if (isElement(c)) unwrap(c);
    };
    unwrap(n);
  }
}

/** mammoth links footnotes and endnotes back to their place with "↑": that arrow means nothing in an account. */
function dropBackLinks(root: HastRoot): boolean {
  let found = false;
  const visit = (parent: HastRoot | Element) => {
    for (let i = parent.children.length - 1; i >= 0; i--) {
      const n = parent.children[i];
      if (!isElement(n)) continue;
      const href = String(n.properties.href ?? '');
      if (n.tagName === 'a' && /^#(footnote|endnote)-ref-/.test(href)) {
        parent.children.splice(i, 1);
        found = true;
      } else if (n.tagName === 'img') parent.children.splice(i, 1);
      else visit(n);
    }
  };
  visit(root);
  return found;
}

// -------------------------------------------------------------------------------------------- details table

const DETAIL_FIELDS: Record<string, 'learner' | 'unit' | 'criteria' | 'date' | 'ignore'> = {
  learner: 'learner',
  'learner id': 'learner',
  unit: 'unit',
  criteria: 'criteria',
  'criteria claimed': 'criteria',
  date: 'date',
  'word count': 'ignore',
  words: 'ignore',
};

interface Details {
  learner?: string;
  unit?: string;
  criteria?: string;
  date?: string;
}

/**
 * An exported account starts with a two-column table of its details (learner, unit, criteria, date, word count).
 * When a document's first table before any heading is such a table, its values go back into the front matter.
 */
function takeDetailsTable(root: MdRoot): Details {
  const i = root.children.findIndex((n) => n.type === 'table' || (n.type === 'heading' && n.depth > 1));
  const table = i >= 0 && root.children[i].type === 'table' ? (root.children[i] as Table) : undefined;
  if (!table || table.children.some((r) => r.children.length !== 2)) return {};
  const rows = table.children.map((r) => [mdToString(r.children[0]).trim(), mdToString(r.children[1]).trim()] as const);
  if (!rows.every(([k]) => DETAIL_FIELDS[k.toLowerCase()])) return {};
  const d: Details = {};
  for (const [k, v] of rows) {
    const field = DETAIL_FIELDS[k.toLowerCase()];
    if (field !== 'ignore' && v && v !== '—') d[field] = field === 'unit' ? v.replace(/\s+[–—-]\s+.*$/, '') : v;
  }
  root.children.splice(i, 1);
  return d;
}

/** An exported account's "Criteria evidenced" table is worked out from the account again, so it is not imported. */
function dropCriteriaTable(root: MdRoot): void {
  const i = root.children.findIndex((n, k) => n.type === 'heading' && mdToString(n).trim() === 'Criteria evidenced' && root.children[k + 1]?.type === 'table');
  if (i < 0) return;
  const header = (root.children[i + 1] as Table).children[0];
  if (header && mdToString(header.children[0]).trim() === 'Criterion') root.children.splice(i, 2);
}

const splitList = (s: string) => s.split(/[,;]\s*|\s+/).map((x) => x.trim()).filter(Boolean);

// ------------------------------------------------------------------------------------------------ sections

function titleFromFileName(name: string): string {
  const base = name.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  const words = base.replace(/[-_]+/g, ' ').replace(/\s+/g, ' ').trim();
  return words ? words[0].toUpperCase() + words.slice(1) : 'Reflective account';
}

const lineStartOf = (text: string, at: number) => text.lastIndexOf('\n', at - 1) + 1;

/**
 * Make the sections the framework's headings: each heading or label the structure recognition finds becomes a
 * level-2 heading (labels take the section's name; headings keep their words), other headings move with them,
 * and the account gets a level-1 title.
 */
function shapeSections(text: string, frameworkId: string, fallbackTitle: string): { text: string; title: string; found: boolean } {
  const framework = getFramework(frameworkId)!;
  const account = buildAccount(text, { framework, resolveFramework: getFramework });
  const marked = account.sections.filter((s) => !s.inferred);
  const edits: TextEdit[] = [];
  const sectionHeadingStarts = new Set(marked.filter((s) => s.heading.style === 'heading').map((s) => lineStartOf(text, s.heading.span.start)));
  const headings = account.tree.children.filter((n) => n.type === 'heading');
  const firstSection = marked.length ? lineStartOf(text, marked[0].heading.span.start) : Infinity;
  const depths = headings.filter((h) => sectionHeadingStarts.has(h.position!.start.offset!)).map((h) => h.depth);
  const shift = depths.length ? 2 - Math.min(...depths) : 0;

  // The title: a heading before the first section, else one made from the file name.
  const titleNode = headings.find((h) => h.position!.start.offset! < firstSection && !sectionHeadingStarts.has(h.position!.start.offset!));
  let title = fallbackTitle;
  // Many drafts have no heading styles at all: a short first paragraph all in bold is then the title.
  const first = account.tree.children[0];
  const boldTitle = !titleNode && first?.type === 'paragraph' && first.position!.start.offset! < firstSection && first.children.length === 1 && first.children[0].type === 'strong' ? first : undefined;
  if (boldTitle && mdToString(boldTitle).split(/\s+/).length <= 15) {
    title = mdToString(boldTitle).trim();
    edits.push({ span: { start: boldTitle.position!.start.offset!, end: boldTitle.position!.end.offset! }, newText: `# ${title}` });
  } else if (titleNode) {
    title = mdToString(titleNode).trim() || fallbackTitle;
    edits.push({ span: { start: titleNode.position!.start.offset!, end: titleNode.position!.end.offset! }, newText: `# ${text.slice(titleNode.position!.start.offset!, titleNode.position!.end.offset!).replace(/^#+\s*/, '')}` });
  } else edits.push({ span: { start: 0, end: 0 }, newText: `# ${title}\n\n` });

  for (const h of headings) {
    const at = h.position!.start.offset!;
    if (h === titleNode || at < firstSection) continue;
    const depth = sectionHeadingStarts.has(at) ? 2 : Math.min(6, Math.max(3, h.depth + shift));
    const raw = text.slice(at, h.position!.end.offset!);
    const words = raw.replace(/^#+\s*/, '').replace(/\s*[:–—-]\s*$/, '');
    if (depth !== h.depth || words !== raw.replace(/^#+\s*/, '')) edits.push({ span: { start: at, end: h.position!.end.offset! }, newText: `${'#'.repeat(depth)} ${words}` });
  }
  for (const s of marked) {
    if (s.heading.style !== 'label') continue;
    const lineStart = lineStartOf(text, s.heading.span.start);
    const before = text.slice(lineStart, s.heading.span.start);
    // A label inside a table row, a quote or a list stays as it is: a heading there would break it.
    const atLineStart = /^\s*$/.test(before);
    if (atLineStart ? /^\s*(?:\||>|[-*+]\s|\d+[.)]\s)/.test(text.slice(lineStart, s.body.start)) : !/[.!?…]["”’)]*\s+$/.test(before)) continue;
    const name = s.heading.text.length === 1 || /\?$/.test(s.heading.text) ? s.def.name : s.heading.text.replace(/[*_]/g, '').trim();
    let end = s.body.start;
    while (text[end] === ' ' || text[end] === '\t') end++;
    edits.push({ span: { start: atLineStart ? lineStart : s.heading.span.start, end }, newText: `${atLineStart ? '' : '\n\n'}## ${name}\n\n` });
  }
  const out = applyEdits(text, edits.sort((a, b) => a.span.start - b.span.start)).replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n');
  return { text: out.replace(/\n*$/, '\n'), title, found: marked.length > 0 };
}
