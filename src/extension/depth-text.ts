// The reflection's depth in plain words, as the status-bar tooltip, the hover and the Accounts view show it.
import { DEPTH_TEXT, MOVE_TEXT, type ReflectionDepth } from '../core';

/** "**Reflection: Shallow.** It states… It says what was learned. To deepen it: …", as Markdown. */
export function depthMarkdown(d: ReflectionDepth): string {
  const text = DEPTH_TEXT[d.depth];
  const parts = [`**Reflection: ${text.label}.** ${text.explain}`];
  if (d.depth === 'none') return parts[0];
  if (d.moves.length) parts.push(`It ${listing(d.moves.map((m) => MOVE_TEXT[m].found))}.`);
  if (d.depth !== 'deep' && d.missing.length) parts.push(`To deepen it: ${listing(d.missing.map((m) => MOVE_TEXT[m].add))}.`);
  return parts.join(' ').replace(/[|<>\\]/g, (c) => `\\${c}`);
}

function listing(items: string[]): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "Shallow: needs reasons and a concrete change", one line for a tree item. */
export function depthLine(d: ReflectionDepth): string {
  const label = DEPTH_TEXT[d.depth].label;
  return d.depth === 'descriptive' || d.depth === 'shallow' ? `${label}: needs ${listing(d.missing.map((m) => MOVE_TEXT[m].short))}` : label;
}
