import { Document, isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { normalise } from './text';

export type AllowEdit = { ok: true; text: string; changed: boolean } | { ok: false; problem: string };

const NEW_FILE_HEADER = '# STARR Reflect settings. Phrases under allow: are never reported by the phrase rules.';

/** The phrase as one YAML scalar, quoted only when it must be. */
const scalar = (s: string) => new Document(s).toString({ lineWidth: 0 }).trimEnd();

/**
 * Add a phrase to the `allow:` list of `.starr.yaml` text (empty or undefined: a new file). The YAML
 * document finds where the list is; the new item is then inserted as text, so every other character of the
 * file (comments, spacing, quoting, line endings) stays as written. A phrase already listed (any case or
 * spacing) changes nothing.
 */
export function addAllowedPhrase(text: string | undefined, phrase: string): AllowEdit {
  const wanted = phrase.replace(/\s+/g, ' ').trim();
  if (!wanted) return { ok: false, problem: 'The phrase is empty.' };
  const item = scalar(wanted);
  const source = text ?? '';
  const eol = source.includes('\r\n') ? '\r\n' : '\n';
  if (!source.trim()) return { ok: true, text: `${NEW_FILE_HEADER}${eol}allow:${eol}  - ${item}${eol}`, changed: true };
  const doc = parseDocument(source);
  if (doc.errors.length) return { ok: false, problem: `The settings file has a YAML error (${doc.errors[0].message.split('\n')[0]}); fix it first.` };
  if (doc.contents !== null && !isMap(doc.contents)) return { ok: false, problem: 'The settings file is not a set of "key: value" settings; fix it first.' };
  const splice = (at: number, insert: string): AllowEdit => ({ ok: true, text: source.slice(0, at) + insert + source.slice(at), changed: true });
  const lineEnd = (at: number) => {
    const n = source.indexOf('\n', at);
    return n < 0 ? source.length : source[n - 1] === '\r' ? n - 1 : n;
  };
  const pair = isMap(doc.contents) ? doc.contents.items.find((p) => isScalar(p.key) && p.key.value === 'allow') : undefined;
  if (!pair) {
    const sep = source.endsWith('\n') ? '' : eol;
    return splice(source.length, `${sep}allow:${eol}  - ${item}${eol}`);
  }
  const list = pair.value as Node | null;
  if (list === null || (isScalar(list) && list.value === null)) {
    // "allow:" with nothing after it: the list starts on the next line.
    return splice(lineEnd((pair.key as Node).range![1]), `${eol}  - ${item}`);
  }
  if (!isSeq(list)) return { ok: false, problem: '"allow" in the settings file is not a list; fix it first.' };
  const have = list.items.map((i) => normalise(String(isScalar(i) ? i.value : i)));
  if (have.includes(normalise(wanted))) return { ok: true, text: source, changed: false };
  const last = list.items[list.items.length - 1] as Node | undefined;
  if (list.flow) {
    // [a, b] → [a, b, phrase]; [] → [phrase]
    if (last) return splice(last.range![1], `, ${item}`);
    return splice(source.indexOf('[', list.range![0]) + 1, item);
  }
  const start = list.range![0];
  const indent = start - (source.lastIndexOf('\n', start - 1) + 1);
  return splice(lineEnd(last!.range![1]), `${eol}${' '.repeat(indent)}- ${item}`);
}
