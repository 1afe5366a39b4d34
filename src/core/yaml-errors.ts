// The YAML parser's errors say what broke its grammar ("Nested mappings are not allowed in compact mappings");
// a learner needs the likely cause in their own line and what to type instead. The parser's words are kept as
// `detail`, for `starr check --verbose`.
import type { Span } from './types';

export interface YamlErrorIn {
  code: string;
  message: string;
  /** Offsets into the YAML text. */
  pos: [number, number];
}

export interface YamlExplained {
  message: string;
  /** Where to point: the offending line (without its line break), or the parser's place. */
  span: Span;
  /** The parser's own first line, for those who ask for it. */
  detail: string;
  /** An edit that makes the line readable, when the cause is clear; `preferred` when it cannot change what was meant. */
  fix?: { title: string; span: Span; newText: string; preferred?: boolean };
}

const FIELD = /^([ \t]*)([A-Za-z_][\w-]*)([ \t]*:[ \t]+)(.*?)[ \t]*$/;

/** The line of `text` around `at`: its span (no line break) and text. */
function lineAt(text: string, at: number): { span: Span; text: string } {
  let start = Math.min(at, text.length);
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  let end = start;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  return { span: { start, end }, text: text.slice(start, end) };
}

const shown = (line: string) => {
  const t = line.trim();
  return `‘${t.length > 60 ? `${t.slice(0, 57)}…` : t}’`;
};

/** A value in quotes YAML reads back as the same text. */
function quoted(value: string): string {
  return value.includes('"') && !value.includes("'") ? `'${value}'` : `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

const isQuoted = (v: string) => /^(["']).*\1$/.test(v);

/** Where the first field whose value opens one of `openers` (a quote, a bracket) and does not close it on its line starts. */
function openLine(text: string, openers: string): number | undefined {
  const re = /^[ \t]*[A-Za-z_][\w-]*[ \t]*:[ \t]+(\S)(.*)$/gm;
  const closer: Record<string, string> = { '"': '"', "'": "'", '[': ']', '{': '}' };
  for (let m = re.exec(text); m; m = re.exec(text)) if (openers.includes(m[1]) && !m[2].trimEnd().endsWith(closer[m[1]])) return m.index;
  return undefined;
}

/**
 * The likely cause of a YAML error in plain words, with the line it is on (`what` names the place: "the front
 * matter", "this settings file"). Errors the parser puts on the same line should be explained once.
 */
export function explainYamlError(text: string, e: YamlErrorIn, what: string): YamlExplained {
  const detail = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  // A quote or list left open is found where the text runs out or the next field starts: the line to show is
  // the one that opened it.
  const opener = e.code === 'MISSING_CHAR' ? `"'` : /end with an? [\]}]/.test(detail) ? '[{' : '';
  const at = (opener ? openLine(text, opener) : undefined) ?? e.pos[0];
  const line = lineAt(text, at);
  const field = FIELD.exec(line.text);
  const valueSpan = field ? { start: line.span.start + field[1].length + field[2].length + field[3].length, end: line.span.start + line.text.trimEnd().length } : undefined;
  const base = { span: line.span, detail };

  if (e.code === 'TAB_AS_INDENT' || /^[ ]*\t/.test(line.text)) {
    const indent = /^[ \t]*/.exec(line.text)![0];
    return {
      ...base,
      message: `This line of ${what} is indented with a tab: ${shown(line.text)}. YAML only reads spaces as indenting: replace the tab with two spaces.`,
      fix: { title: 'Indent with spaces', span: { start: line.span.start, end: line.span.start + indent.length }, newText: indent.replace(/\t/g, '  '), preferred: true },
    };
  }
  if (field && valueSpan && !isQuoted(field[4])) {
    const value = field[4];
    const fix = { title: `Put the value of "${field[2]}" in quotes`, span: valueSpan, newText: quoted(value), preferred: true };
    // An unclosed list first: its items may well hold colons.
    if (/^[[{]/.test(value) && !/[\]}]$/.test(value)) {
      const close = value[0] === '[' ? ']' : '}';
      return { ...base, message: `The value of "${field[2]}" opens a list with "${value[0]}" but does not close it: ${shown(line.text)}. Add "${close}" at the end of the list, or put the value in quotes if it is not a list.`, fix: { title: `Close the list with "${close}"`, span: { start: valueSpan.end, end: valueSpan.end }, newText: close } };
    }
    if (/:(\s|$)/.test(value)) {
      return { ...base, message: `The value of "${field[2]}" has a colon in it: ${shown(line.text)}. YAML reads a colon followed by a space as the start of another field. Put the value in quotes: ${field[2]}: ${quoted(value)}`, fix };
    }
    if (/^[@`%|>*&!]/.test(value)) {
      return { ...base, message: `The value of "${field[2]}" starts with "${value[0]}", which YAML keeps for its own use: ${shown(line.text)}. Put the value in quotes: ${field[2]}: ${quoted(value)}`, fix };
    }
    if (/^["']/.test(value)) {
      return { ...base, message: `The value of "${field[2]}" opens a quote that is never closed: ${shown(line.text)}. Add the closing quote (${value[0]}) at the end of the value.`, fix: { title: 'Close the quote', span: { start: valueSpan.end, end: valueSpan.end }, newText: value[0] } };
    }
  }
  if (e.code === 'DUPLICATE_KEY') {
    const key = /^[ \t]*([^:\s]+)/.exec(line.text)?.[1] ?? '';
    return { ...base, message: `"${key}" is written twice in ${what}. Keep one of them, with the value you mean.` };
  }
  if (e.code === 'BLOCK_AS_IMPLICIT_KEY' || e.code === 'MULTILINE_IMPLICIT_KEY' || e.code === 'BAD_INDENT') {
    // The line below is indented under a field that already has a value.
    const next = lineAt(text, line.span.end + (text[line.span.end] === '\r' && text[line.span.end + 1] === '\n' ? 2 : 1));
    if (field && next.span.start > line.span.end && /^[ \t]+\S/.test(next.text)) {
      return { span: next.span, detail, message: `This line of ${what} starts with spaces: ${shown(next.text)}. YAML reads it as part of the field above. Start each field at the beginning of its line.`, fix: { title: 'Remove the spaces', span: { start: next.span.start, end: next.span.start + /^[ \t]*/.exec(next.text)![0].length }, newText: '' } };
    }
  }
  if (line.text.trim() && !line.text.includes(':') && !/^\s*(?:-|#)/.test(line.text)) {
    return { ...base, message: `This line of ${what} has no colon: ${shown(line.text)}. Write each field as "name: value", with a colon and a space after the name.` };
  }
  return {
    ...base,
    span: line.text.trim() ? line.span : { start: e.pos[0], end: Math.max(e.pos[0], e.pos[1]) },
    message: `This line of ${what} cannot be read as YAML: ${shown(line.text)}. Write each field as "name: value" on its own line, with a space after the colon, and put quotes round a value that has a colon, a "#" or a bracket in it.`,
  };
}
