import { defineRule } from '../core/rule';

const WHAT = {
  'long-run': 'a very long row of * or _ marks',
  'deep-nesting': 'quotes or lists nested very deeply on one line',
  'many-markers': 'more than a thousand * or _ marks in one paragraph',
  'many-brackets': 'more than a thousand [ brackets in one paragraph',
} as const;

export default defineRule(
  {
    id: 'complex-formatting',
    defaultSeverity: 'info',
    title: 'Formatting too complex to read quickly, read as plain text instead.',
    rationale:
      'Some pasted or generated text carries formatting marks no person would type (hundreds of asterisks, quotes nested fifty deep). Reading them as Markdown would take minutes, so STARR reads those parts as plain text: every other check still runs, but bold, italics or lists there are not recognised.',
  },
  ({ account, report }) => {
    const regions = account.tree.data?.defused;
    if (!regions?.length) return;
    const [first, ...rest] = regions;
    const line = account.positionAt(first.start).line + 1;
    report({
      message: `Line ${line} has ${WHAT[first.reason]}, so I have read ${rest.length ? `it and ${rest.length} other part${rest.length === 1 ? '' : 's'}` : 'it'} as plain text. If you pasted this from elsewhere, paste it again as plain text (Ctrl+Shift+V) and delete the stray marks.`,
      span: { start: first.start, end: first.end },
      related: rest.slice(0, 20).map((r) => ({ message: `Also read as plain text: ${WHAT[r.reason]}`, span: { start: r.start, end: r.end } })),
      data: { regions: regions.length },
    });
  },
);
