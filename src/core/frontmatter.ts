import { LineCounter, isMap, isScalar, parseDocument, type Node } from 'yaml';
import { fastYamlMap } from './fast-paths';
import type { FrontMatter, FrontMatterFields, Span } from './types';
import { explainYamlError } from './yaml-errors';

// Two or three capitalised words, optionally after a title: a person's name rather than an id like "L-014".
const NAME_WORD = "(?:O['’]|Mc|Mac)?[A-Z][a-z]+(?:-[A-Z][a-z]+)?";
const REAL_NAME = new RegExp(`^(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\\.?\\s+)?${NAME_WORD}(?:\\s+${NAME_WORD}){1,2}$`);

/** Whether a learner field holds a person's name rather than an anonymised id such as "L-014". */
export function looksLikeRealName(value: string): boolean {
  return REAL_NAME.test(value.trim());
}

const STATUSES = ['draft', 'submitted', 'assessed'] as const;

/**
 * Read the YAML front matter block. `start`/`end` span the block including its `---` fences.
 * A syntax error is reported at its exact place and the rest of the document is still analysed.
 */
export function readFrontMatter(text: string, start: number, end: number, raw: string): FrontMatter {
  // The content starts after the opening fence's line break.
  let contentStart = start + 3;
  while (contentStart < end && text[contentStart] !== '\n' && text[contentStart] !== '\r') contentStart++;
  if (text[contentStart] === '\r') contentStart++;
  if (text[contentStart] === '\n') contentStart++;
  const content: Span = { start: contentStart, end: Math.max(contentStart, contentStart + raw.length) };
  const fm: FrontMatter = { span: { start, end }, content, raw, data: {}, fields: {}, fieldSpans: {}, problems: [] };

  // Most front matter is flat `key: value` lines: read those without the full YAML parser (same result).
  const fast = fastYamlMap(raw);
  if (fast) {
    fm.data = fast.data;
    for (const key of Object.keys(fast.ranges)) fm.fieldSpans[key] = { start: content.start + fast.ranges[key][0], end: content.start + fast.ranges[key][1] };
    fm.fields = readFields(fm);
    return fm;
  }

  const lineCounter = new LineCounter();
  // yaml does not treat a lone \r (old Mac line endings) as a line break; \n in its place keeps every offset.
  const yamlText = raw.replace(/\r(?!\n)/g, '\n');
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: false });
  const shift = (a: number, b: number): Span => ({ start: content.start + a, end: content.start + Math.max(a, b) });
  // One finding per line: the parser often reports one slip two ways.
  const lines = new Set<number>();
  for (const e of doc.errors) {
    const x = explainYamlError(yamlText, e, 'the front matter');
    if (lines.has(x.span.start)) continue;
    lines.add(x.span.start);
    const fix = x.fix && { ...x.fix, span: shift(x.fix.span.start, x.fix.span.end) };
    fm.problems.push({ kind: 'syntax', message: x.message, detail: x.detail, span: shift(x.span.start, x.span.end), ...(fix ? { fix } : {}) });
  }
  if (doc.errors.length) return fm;
  const contents = doc.contents;
  if (contents === null || (isScalar(contents) && (contents.value === null || contents.value === ''))) return fm;
  if (!isMap(contents)) {
    const r = (contents as Node).range;
    fm.problems.push({ kind: 'syntax', message: 'Front matter should be a list of fields such as "title: …" and "unit: …", one per line.', span: r ? shift(r[0], r[1]) : content });
    return fm;
  }
  try {
    fm.data = (doc.toJS() ?? {}) as Record<string, unknown>;
  } catch {
    // yaml refuses to expand alias bombs ("billion laughs") by throwing; that is a problem with this file, not a crash.
    fm.problems.push({ kind: 'syntax', message: 'Front matter uses too many YAML aliases (*name) to be read. Write the values out in full.', span: content });
    return fm;
  }
  for (const pair of contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    if (!key) continue;
    const node = (pair.value ?? pair.key) as Node;
    if (node?.range) fm.fieldSpans[key] = shift(node.range[0], node.range[1]);
  }
  fm.fields = readFields(fm);
  return fm;
}

function readFields(fm: FrontMatter): FrontMatterFields {
  const d = fm.data;
  const f: FrontMatterFields = {};
  const problem = (field: string, message: string) =>
    fm.problems.push({ kind: 'field', field, message, span: fm.fieldSpans[field] ?? fm.content });
  const str = (field: 'title' | 'learner' | 'unit' | 'framework') => {
    const v = d[field];
    if (v === undefined || v === null) return;
    if (typeof v === 'string' || typeof v === 'number') f[field] = String(v).trim();
    else problem(field, `"${field}" should be plain text.`);
  };
  str('title');
  str('learner');
  str('unit');
  str('framework');
  if (f.framework) f.framework = f.framework.toLowerCase();

  const date = d.date;
  if (date instanceof Date) f.date = date.toISOString().slice(0, 10);
  else if (typeof date === 'string' || typeof date === 'number') f.date = String(date).trim();
  else if (date !== undefined && date !== null) problem('date', '"date" should be a date written as YYYY-MM-DD.');

  const wt = d.word_target;
  if (typeof wt === 'number' && Number.isFinite(wt) && wt > 0) f.word_target = wt;
  else if (typeof wt === 'string' && /^\d+$/.test(wt.trim())) f.word_target = Number(wt.trim());
  else if (wt !== undefined && wt !== null) problem('word_target', '"word_target" should be a whole number of words, e.g. 900.');

  const status = d.status;
  if (typeof status === 'string' && (STATUSES as readonly string[]).includes(status.trim().toLowerCase())) f.status = status.trim().toLowerCase() as FrontMatterFields['status'];
  else if (status !== undefined && status !== null) problem('status', '"status" should be draft, submitted or assessed.');

  const crit = d.criteria;
  if (crit !== undefined && crit !== null) {
    if (Array.isArray(crit) && crit.every((c) => typeof c === 'string' || typeof c === 'number')) f.criteria = crit.map((c) => String(c).trim());
    else if (typeof crit === 'string' || typeof crit === 'number') f.criteria = String(crit).split(/[,;\s]+/).filter(Boolean);
    else problem('criteria', '"criteria" should be a list of criterion numbers, e.g. [1.1, 2.3].');
  }
  return f;
}

/** Exact spans of each criterion id listed in front matter (flow or block list, or a comma string). */
export function frontMatterCriteriaSpans(fm: FrontMatter, text: string): { id: string; span: Span }[] {
  const out: { id: string; span: Span }[] = [];
  const s = fm.fieldSpans.criteria;
  if (!s || !fm.fields.criteria) return out;
  const slice = text.slice(s.start, s.end);
  const re = /[A-Za-z]*\d+(?:\.\d+)*[a-z]?/g;
  for (let m = re.exec(slice); m; m = re.exec(slice)) out.push({ id: m[0], span: { start: s.start + m.index, end: s.start + m.index + m[0].length } });
  // A quoted or oddly written list: fall back to pointing at the whole field.
  if (out.length !== fm.fields.criteria.length) return fm.fields.criteria.map((id) => ({ id, span: s }));
  return out;
}

const FENCE_LINE = /---[ \t]*(?:\r\n|\r|\n)/y;
const CLOSE_LINE = /^(?:---|\.\.\.)[ \t]*$/m;
const YAML_KEY = /^[A-Za-z_][\w-]*[ \t]*:/;

/**
 * A front matter block that is not at the very top (below an HTML comment or blank lines), so Markdown reads
 * it as text: `lead` is what stands above it, `block` the block from its opening fence to the end of its
 * closing one, `content` the YAML between them. Undefined when the file does not start that way.
 */
export function misplacedFrontMatter(text: string): { lead: Span; block: Span; content: Span } | undefined {
  const from = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let i = from;
  for (;;) {
    while (i < text.length && /\s/.test(text[i])) i++;
    if (!text.startsWith('<!--', i)) break;
    const close = text.indexOf('-->', i + 4);
    if (close === -1) return undefined;
    i = close + 3;
  }
  // Nothing above it (an ordinary front matter, or none), or the fence does not start its line.
  if (i === from || (text[i - 1] !== '\n' && text[i - 1] !== '\r')) return undefined;
  FENCE_LINE.lastIndex = i;
  const open = FENCE_LINE.exec(text);
  if (!open) return undefined;
  const contentStart = i + open[0].length;
  const rest = text.slice(contentStart);
  if (!YAML_KEY.test(rest)) return undefined;
  const close = CLOSE_LINE.exec(rest);
  if (!close) return undefined;
  const closeStart = contentStart + close.index;
  const contentEnd = closeStart > contentStart ? closeStart - (text[closeStart - 2] === '\r' && text[closeStart - 1] === '\n' ? 2 : 1) : closeStart;
  return { lead: { start: from, end: i }, block: { start: i, end: closeStart + close[0].length }, content: { start: contentStart, end: contentEnd } };
}

// A field, an indented line (a list item or a value carried on), or a list item; not a "#", which may be a heading.
const YAML_LINE = /^(?:[A-Za-z_][\w-]*[ \t]*:|[ \t]+\S|-[ \t])/;

/**
 * A front matter block opened with "---" on the first line but never closed, so Markdown reads its fields as
 * text. `fields` runs from the opening fence to the end of the last line that reads as YAML, where the closing
 * fence belongs. Undefined when the file does not start that way.
 */
export function unclosedFrontMatter(text: string): { fence: Span; fields: Span } | undefined {
  const from = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  FENCE_LINE.lastIndex = from;
  const open = FENCE_LINE.exec(text);
  if (!open) return undefined;
  let at = from + open[0].length;
  let end = at;
  if (!YAML_KEY.test(text.slice(at, at + 200))) return undefined;
  while (at < text.length) {
    let next = text.indexOf('\n', at);
    next = next === -1 ? text.length : next + 1;
    const line = text.slice(at, next).replace(/\r?\n$|\r$/, '');
    if (/^(?:---|\.\.\.)[ \t]*$/.test(line)) return undefined; // closed after all
    if (!YAML_LINE.test(line)) break;
    end = next;
    at = next;
  }
  return { fence: { start: from, end: from + 3 }, fields: { start: from, end } };
}
