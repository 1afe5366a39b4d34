import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root } from 'mdast';
import { defuse, type DefusedRegion } from './defuse';

declare module 'mdast' {
  interface RootData {
    /** Parts of the text read as plain text because their Markdown would make the parser crawl. */
    defused?: DefusedRegion[];
  }
}

// One frozen processor for the life of the process: building it costs more than a small parse.
const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).freeze();

/**
 * Parse Markdown into mdast. Offsets in the tree are relative to `text` as given. Shapes that would make the
 * parser quadratic are neutralised first (same length), and listed in `tree.data.defused`.
 */
export function parseMarkdown(text: string): Root {
  const d = defuse(text);
  const tree = processor.parse(d.text) as Root;
  if (d.regions.length) tree.data = { ...tree.data, defused: d.regions };
  return tree;
}
