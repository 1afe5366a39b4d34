import { defineRule } from '../core/rule';
import { insertSectionFix } from './util/sections';

export default defineRule(
  {
    id: 'missing-section',
    defaultSeverity: 'error',
    title: 'Every section of the framework is present.',
    rationale:
      'Assessors read a reflective account against its framework. A missing section usually means missing evidence: no Result means no proof your actions worked; no Reflection means no evidence you learned from it.',
    fixable: true,
  },
  ({ account, report }) => {
    // An account with no sections at all gets one finding from unstructured-account instead of one per section;
    // one whose sections were read from the writing is checked like any other.
    if (!account.sections.length) return;
    const present = account.sectionById;
    const defs = account.framework.sections;
    defs.forEach((def, index) => {
      if (present.has(def.id)) return;
      // Point at where the section belongs (the last character before it), not at a heading that is fine.
      const next = defs.slice(index + 1).map((d) => present.get(d.id)).find(Boolean);
      report({
        message: `The ${def.name} section is missing. Add ${/^[aeiou]/i.test(def.name) ? 'an' : 'a'} "${def.name}" heading ${next ? `before ${next.def.name}` : 'at the end'} and answer: ${def.prompt}`,
        span: placeBefore(account.text, next ? next.span.start : account.text.length),
        fixes: [insertSectionFix(account, def)],
        data: { section: def.id },
      });
    });
  },
);

/** The last character before `at` that is not white space, so the mark sits where the section would go; empty at the start. */
function placeBefore(text: string, at: number): { start: number; end: number } {
  let end = at;
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  if (!end) return { start: at, end: at };
  // A surrogate pair is one character.
  const start = end >= 2 && /[\uDC00-\uDFFF]/.test(text[end - 1]) && /[\uD800-\uDBFF]/.test(text[end - 2]) ? end - 2 : end - 1;
  return { start, end };
}
