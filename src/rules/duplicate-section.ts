import { defineRule } from '../core/rule';
import type { Fix } from '../core/types';

export default defineRule(
  {
    id: 'duplicate-section',
    defaultSeverity: 'warning',
    title: 'Each section of the framework appears once.',
    rationale:
      'Two Result or two Action sections usually mean two events mixed into one account, or text pasted twice. Assessors want one real event told once, in order; merge the two parts into one section.',
    fixable: true,
  },
  ({ account, report }) => {
    const sections = account.sections;
    sections.forEach((s, i) => {
      if (!s.duplicate) return;
      const first = account.sectionById.get(s.id)!;
      const line = account.positionAt(first.heading.span.start).line + 1;
      const fixes: Fix[] = [];
      // Straight after a section of the same name, dropping the repeated heading merges the two.
      if (i > 0 && sections[i - 1].id === s.id) {
        fixes.push({ title: `Merge into the ${s.def.name} section above`, edits: [{ span: { start: s.heading.span.start, end: s.body.start }, newText: '' }], preferred: true });
      }
      report({
        message: `There is already a ${s.def.name} section (line ${line}). Merge this one into it, so each part of the account appears once.`,
        span: s.heading.span,
        related: [{ message: `The first ${s.def.name} section`, span: first.heading.span }],
        fixes,
        data: { section: s.id },
      });
    });
  },
);
