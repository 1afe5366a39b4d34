import type { SlowCause } from '../core/defuse';
import { defineRule } from '../core/rule';

const WHAT = {
  'long-run': 'a very long row of * or _ marks',
  'deep-nesting': 'quotes or lists nested very deeply on one line',
  'many-markers': 'more than a thousand * or _ marks in one paragraph',
  'many-brackets': 'more than a thousand [ brackets in one paragraph',
} as const;

const WHY: Record<SlowCause, string> = {
  lines: 'is made of a great many short lines, headings or paragraphs',
  lists: 'has a great many list items or quotes',
  'lazy-quotes': 'has quotes whose lines carry on without their > marks',
  references: 'has a great many character references such as &amp;',
};

export default defineRule(
  {
    id: 'complex-formatting',
    defaultSeverity: 'info',
    title: 'Formatting too complex to read quickly, read as plain text instead.',
    rationale:
      'Some pasted or generated text carries formatting marks no person would type (hundreds of asterisks, quotes nested fifty deep), or is so long and so full of short lines, lists or quotes that reading its Markdown would take many seconds. STARR reads those parts as plain text: every other check still runs, but headings, bold, italics, lists or quotes there are not recognised.',
  },
  ({ account, report }) => {
    const all = account.tree.data?.defused;
    if (!all?.length) return;
    const slow = all.find((r) => r.reason === 'slow-to-read');
    if (slow) {
      const line = account.positionAt(slow.start).line + 1;
      report({
        message: `This file is very long and ${WHY[slow.cause ?? 'lines']}, so reading all of its formatting would take too long. I have read it from line ${line} to the end as plain text: every check still ran on your words, but headings, lists and quotes from there on were not recognised. Keep one account to a file; a reflective account is usually under 50 KB.`,
        span: { start: slow.start, end: Math.min(slow.end, lineEnd(account.text, slow.start)) },
        data: { slowFrom: line },
      });
    }
    const regions = all.filter((r) => r.reason !== 'slow-to-read');
    if (!regions.length) return;
    const [first, ...rest] = regions;
    const line = account.positionAt(first.start).line + 1;
    report({
      message: `Line ${line} has ${WHAT[first.reason as keyof typeof WHAT]}, so I have read ${rest.length ? `it and ${rest.length} other part${rest.length === 1 ? '' : 's'}` : 'it'} as plain text. If you pasted this from elsewhere, paste it again as plain text (Ctrl+Shift+V) and delete the stray marks.`,
      span: { start: first.start, end: first.end },
      related: rest.slice(0, 20).map((r) => ({ message: `Also read as plain text: ${WHAT[r.reason as keyof typeof WHAT]}`, span: { start: r.start, end: r.end } })),
      data: { regions: regions.length },
    });
  },
);

/** The finding underlines the first line read as plain text, not the whole rest of the file. */
function lineEnd(text: string, from: number): number {
  const i = text.indexOf('\n', from);
  return i < 0 ? text.length : i;
}
