// Reads the project's Markdown the way GitHub shows it: links, images, definitions and headings come from
// the syntax tree (unified + remark-parse), never from a pattern over the text, so code spans and fenced
// examples are never taken for links.
import { readdirSync, readFileSync } from 'node:fs';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { toString } from 'mdast-util-to-string';
import type { Nodes, Root } from 'mdast';

/** The documents a reader follows links between: README, CONTRIBUTING, CHANGELOG and the manual in docs/. */
export function docFiles(): string[] {
  const docs = readdirSync('docs', { recursive: true })
    .map(String)
    .map((f) => f.split('\\').join('/'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`);
  return ['README.md', 'CONTRIBUTING.md', 'CHANGELOG.md', ...docs.sort()];
}

const parser = unified().use(remarkParse);
const trees = new Map<string, Root>();

/** The syntax tree of a file (read once). */
export function tree(file: string): Root {
  let t = trees.get(file);
  if (!t) {
    t = parser.parse(readFileSync(file, 'utf8'));
    trees.set(file, t);
  }
  return t;
}

/** Every node, depth first, in document order. */
export function* nodes(node: Nodes): Generator<Nodes> {
  yield node;
  if ('children' in node) for (const child of node.children) yield* nodes(child as Nodes);
}

/**
 * GitHub's anchor for a heading: lower case; letters, marks, digits, connector punctuation, hyphens and
 * spaces kept and everything else dropped; each space a hyphen. Repeats of a slug get -1, -2, … in order.
 */
export function githubSlug(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '').replace(/ /g, '-');
}

/** The anchors of a document's headings, as GitHub makes them. */
export function anchors(root: Root): Set<string> {
  const out = new Set<string>();
  const seen = new Map<string, number>();
  for (const n of nodes(root)) {
    if (n.type !== 'heading') continue;
    const base = githubSlug(toString(n));
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    out.add(count === 0 ? base : `${base}-${count}`);
  }
  return out;
}

export interface Link {
  url: string;
  line: number;
  image: boolean;
}

/** Every link, image and link definition of a document. */
export function links(root: Root): Link[] {
  const out: Link[] = [];
  for (const n of nodes(root)) {
    if (n.type === 'link' || n.type === 'image' || n.type === 'definition') {
      out.push({ url: n.url, line: n.position?.start.line ?? 0, image: n.type === 'image' });
    }
  }
  return out;
}

/** The sections of a document at one heading depth: each heading's text with the nodes up to the next. */
export function sections(root: Root, depth: number): { title: string; heading: Nodes; body: Nodes[] }[] {
  const out: { title: string; heading: Nodes; body: Nodes[] }[] = [];
  for (const child of root.children) {
    if (child.type === 'heading' && child.depth <= depth) {
      if (child.depth === depth) out.push({ title: toString(child), heading: child, body: [] });
      else out.push({ title: '', heading: child, body: [] });
    } else out.at(-1)?.body.push(child);
  }
  return out.filter((s) => s.title !== '');
}

/** The inline code of some nodes (and their descendants), in order. */
export function inlineCode(list: Nodes[]): { value: string; line: number }[] {
  const out: { value: string; line: number }[] = [];
  for (const top of list) for (const n of nodes(top)) if (n.type === 'inlineCode') out.push({ value: n.value, line: n.position?.start.line ?? 0 });
  return out;
}

