import { defineRule } from '../core/rule';
import { closest } from '../core/suggest';

// The rule ids after the directive's keyword, with where each starts in the comment.
const HEAD = /^<!--\s*starr-(?:disable-next-line|disable-line|disable|enable)\b/;
const ID = /[^\s,]+/g;

export default defineRule(
  {
    id: 'unknown-directive',
    defaultSeverity: 'warning',
    title: 'A starr-disable or starr-enable comment names a rule that does not exist.',
    rationale:
      'A comment such as <!-- starr-disable generic-languag --> is meant to quieten one check. With the rule name misspelt it quietens nothing, so the findings you meant to set aside keep coming back and nothing tells you why.',
    fixable: true,
  },
  ({ account, ruleIds, report }) => {
    for (const d of account.directives) {
      if (!d.rules.length) continue;
      const comment = account.text.slice(d.span.start, d.span.end);
      const head = HEAD.exec(comment);
      if (!head) continue;
      const body = comment.slice(0, comment.length - '-->'.length);
      ID.lastIndex = head[0].length;
      for (let m = ID.exec(body); m; m = ID.exec(body)) {
        const id = m[0];
        if (ruleIds.includes(id)) continue;
        const span = { start: d.span.start + m.index, end: d.span.start + m.index + id.length };
        const near = closest(id, ruleIds);
        report({
          message: near
            ? `"${id}" is not a rule I know, so this comment turns nothing off. Did you mean "${near}"?`
            : `"${id}" is not a rule I know, so this comment turns nothing off. Use a rule name from the Problems panel, such as "generic-language", or delete the comment.`,
          span,
          fixes: near ? [{ title: `Change to "${near}"`, edits: [{ span, newText: near }], preferred: true }] : undefined,
          data: { id, ...(near ? { suggestion: near } : {}) },
        });
      }
    }
  },
);
