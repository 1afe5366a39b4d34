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
      // Point at the section that should follow it, or else the last section there is.
      const next = defs.slice(index + 1).map((d) => present.get(d.id)).find(Boolean);
      const anchor = next ?? account.sections[account.sections.length - 1];
      report({
        message: `The ${def.name} section is missing. Add ${/^[aeiou]/i.test(def.name) ? 'an' : 'a'} "${def.name}" heading ${next ? `before ${next.def.name}` : 'at the end'} and answer: ${def.prompt}`,
        span: anchor.heading.span,
        fixes: [insertSectionFix(account, def)],
        data: { section: def.id },
      });
    });
  },
);
