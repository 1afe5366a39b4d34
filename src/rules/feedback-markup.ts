import { defineRule } from '../core/rule';

// A closer left in the prose (marks are blanked from it) has no opener: usually a mistyped "{>>". Closers are
// found from their "}" by a native search (most accounts have none); two cannot overlap, as none holds a "}".
const OPENER_OF: Record<string, string> = { '<<}': '{>>', '==}': '{==', '++}': '{++', '--}': '{--', '~~}': '{~~' };

export default defineRule(
  {
    id: 'feedback-markup',
    defaultSeverity: 'warning',
    title: 'Tutor feedback marks (CriticMarkup) are well formed.',
    rationale:
      'Feedback marks that are not closed, are put inside each other, or carry a label the tools cannot read are left in the text as they are: they show up as stray symbols in the submitted account, are counted as your words, and the feedback view cannot list or resolve them.',
  },
  ({ account, report }) => {
    // Unclosed openers by kind, in order; each may own the first stray closer of its kind after it.
    // Kept linear: thousands of unclosed marks must not cost a copy or a search per mark.
    const unclosed = new Map<string, { at: number[]; next: number }>();
    for (const p of account.criticProblems) {
      const opener = account.text.slice(p.span.start, p.span.start + 3);
      if (p.span.end - p.span.start === 3) {
        const list = unclosed.get(opener) ?? { at: [], next: 0 };
        list.at.push(p.span.start);
        unclosed.set(opener, list);
      }
      report({ message: p.message, span: p.span });
    }
    const problems = [...account.criticProblems].sort((a, b) => a.span.start - b.span.start);
    let p = 0;
    let reach = -1; // the furthest end of the problems that start before the current closer
    const prose = account.prose;
    for (let brace = prose.indexOf('}', 2); brace >= 0; brace = prose.indexOf('}', brace + 1)) {
      const at = brace - 2;
      const closer = prose.slice(at, brace + 1);
      if (!Object.prototype.hasOwnProperty.call(OPENER_OF, closer)) continue;
      const opener = OPENER_OF[closer];
      // Already explained by the unclosed opener it belongs to, or inside a reported mark.
      const owners = unclosed.get(opener);
      if (owners && owners.next < owners.at.length && owners.at[owners.next] < at) {
        owners.next++;
        continue;
      }
      while (p < problems.length && problems[p].span.start <= at) reach = Math.max(reach, problems[p++].span.end);
      if (at < reach) continue;
      report({
        message: `"${closer}" closes a feedback mark, but no mark was opened with "${opener}" before it, so it has been left as it is. Add "${opener}" where the mark begins, or delete "${closer}".`,
        span: { start: at, end: brace + 1 },
      });
    }
    // Typing "{>>…<<}" by hand in an editor that closes "{" and "<" for you leaves ">>}" behind the comment.
    for (let at = prose.indexOf('>>}'); at >= 0; at = prose.indexOf('>>}', at + 3)) {
      const span = { start: at, end: at + 3 };
      report({
        message: '">>}" is left over from typing a feedback comment: the editor added closing marks as it was typed. Delete ">>}" — the comment before it is already closed with "<<}".',
        span,
        fixes: [{ title: 'Delete the stray ">>}"', edits: [{ span, newText: '' }], preferred: true }],
      });
    }
  },
);
