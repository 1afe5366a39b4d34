import type { AccountModel, Fix, FrameworkSection, Section, TextEdit } from '../../core/types';

/** The line break style the document already uses. */
export function eolOf(text: string): string {
  const i = text.indexOf('\n');
  return i > 0 && text[i - 1] === '\r' ? '\r\n' : '\n';
}

/**
 * Edits that give every section read from the writing (inferred) a heading where it starts, and add the given
 * missing sections, each with its prompt, in framework order. In an account written with labels the headings
 * are labels (`**Task:** `), which may sit inside a paragraph; otherwise each heading starts a block of its own.
 */
export function headingEdits(account: AccountModel, missing: FrameworkSection[]): TextEdit[] {
  const { text } = account;
  const eol = eolOf(text);
  const defs = account.framework.sections;
  const useLabel = account.structure === 'labels';
  const depth = account.sections.find((s) => s.heading.style === 'heading' && !s.inferred)?.heading.depth ?? 2;
  const heading = (d: FrameworkSection) => (useLabel ? `**${d.name}:** ` : `${'#'.repeat(depth)} ${d.name}${eol}${eol}`);
  const prompted = (d: FrameworkSection) => `${useLabel ? `**${d.name}:**` : `${'#'.repeat(depth)} ${d.name}`}${eol}${eol}<!-- ${d.prompt} -->${eol}${eol}`;
  const want = new Set(missing.map((d) => d.id));
  const edits: TextEdit[] = [];
  let pending = '';
  for (const d of defs) {
    const s = account.sectionById.get(d.id);
    if (!s) {
      if (want.has(d.id)) pending += prompted(d);
      continue;
    }
    if (!s.inferred && !pending) continue;
    const at = s.span.start;
    const block = pending + (s.inferred ? heading(d) : '');
    pending = '';
    if ((useLabel && !block.includes(eol)) || at === 0 || text[at - 1] === '\n' || text.charCodeAt(at - 1) === 0xfeff) {
      edits.push({ span: { start: at, end: at }, newText: block });
    } else {
      // Inside a paragraph: the heading starts a new block, replacing the space between the sentences.
      let from = at;
      while (from > 0 && (text[from - 1] === ' ' || text[from - 1] === '\t')) from--;
      edits.push({ span: { start: from, end: at }, newText: `${eol}${eol}${block}` });
    }
  }
  if (pending) {
    let at = text.length;
    while (at > 0 && (text[at - 1] === '\n' || text[at - 1] === '\r')) at--;
    edits.push({ span: { start: at, end: text.length }, newText: `${eol}${eol}${pending.slice(0, -eol.length)}` });
  }
  return edits;
}

/** A fix that inserts a missing section's heading, in framework order, with its prompt as a comment. */
export function insertSectionFix(account: AccountModel, def: FrameworkSection): Fix {
  // Where some sections were read from the writing, give them their headings too, so the account's parts are
  // all marked at once (a guess, so never applied without asking).
  if (account.sections.some((s) => s.inferred)) {
    return { title: `Add the ${def.name} section, and headings where the other parts seem to start (check each one)`, edits: headingEdits(account, [def]) };
  }
  const eol = eolOf(account.text);
  const defs = account.framework.sections;
  const index = defs.findIndex((d) => d.id === def.id);
  const next = defs.slice(index + 1).map((d) => account.sectionById.get(d.id)).find(Boolean) as Section | undefined;
  const sample = account.sections.find((s) => s.heading.style === 'heading');
  const useLabel = account.structure === 'labels';
  const heading = useLabel ? `**${def.name}:**` : `${'#'.repeat(sample?.heading.depth ?? 2)} ${def.name}`;
  // The prompt goes in an HTML comment: it guides the learner but never counts as their words.
  const block = `${heading}${eol}${eol}<!-- ${def.prompt} -->${eol}${eol}`;
  if (next) return { title: `Add the ${def.name} section`, edits: [{ span: { start: next.span.start, end: next.span.start }, newText: block }], preferred: true };
  const text = account.text;
  // Back over trailing line breaks by hand: an end-anchored regex rescans a large file from every position.
  let at = text.length;
  while (at > 0 && (text[at - 1] === '\n' || text[at - 1] === '\r')) at--;
  return { title: `Add the ${def.name} section`, edits: [{ span: { start: at, end: text.length }, newText: `${eol}${eol}${block.slice(0, -eol.length)}` }], preferred: true };
}
