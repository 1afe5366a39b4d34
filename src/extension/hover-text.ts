// What the hover takes from a rule's docs page. Most of a page's examples are there to test the rule's edges;
// the one marked ```markdown good hover is written for learners, so that is the one shown.

/** The longest example a hover shows, so it never has to be scrolled. */
export const HOVER_EXAMPLE_LINES = 10;

/** The ```markdown good hover``` example of a rule page, if it has one. */
export function hoverExample(page: string): string | undefined {
  const m = /^```+\s*markdown\s+good\s+hover\s*\n([\s\S]*?)^```+\s*$/m.exec(page);
  if (!m) return undefined;
  const lines = m[1].replace(/\s+$/, '').split('\n');
  return lines.length > HOVER_EXAMPLE_LINES ? [...lines.slice(0, HOVER_EXAMPLE_LINES), '…'].join('\n') : lines.join('\n');
}
