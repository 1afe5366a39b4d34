import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root } from 'mdast';

// One frozen processor for the life of the process: building it costs more than a small parse.
const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).freeze();

/** Parse Markdown into mdast. Offsets in the tree are relative to `text` as given. */
export function parseMarkdown(text: string): Root {
  return processor.parse(text) as Root;
}
