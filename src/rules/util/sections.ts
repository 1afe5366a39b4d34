import type { AccountModel, Fix, FrameworkSection, Section } from '../../core/types';

/** The line break style the document already uses. */
export function eolOf(text: string): string {
  const i = text.indexOf('\n');
  return i > 0 && text[i - 1] === '\r' ? '\r\n' : '\n';
}

/** A fix that inserts a missing section's heading, in framework order, with its prompt as a comment. */
export function insertSectionFix(account: AccountModel, def: FrameworkSection): Fix {
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
