// Two rows of ../shared/docs/performance-baselines.md, rebuilt here so the bench measures them on the same
// texts in the same run as the analysis: the "unified parse" (their 1.00) and a naive STARR prototype.
// The document describes them in one line each; these follow those lines and nothing more.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { toString } from 'mdast-util-to-string';
import { parse as parseYaml } from 'yaml';
import type { Root, RootContent } from 'mdast';
import { escapeRegExp } from '../src/core/text';

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).freeze();

export const parseAlone = (text: string): Root => processor.parse(text) as Root;

interface RowResult {
  tree: Root;
  frontMatter: unknown;
  /** Per section (the root's children from one heading to the next): its heading text and its text. */
  sections: { heading: string; text: string }[];
}

/** "unified + remark-parse + remark-frontmatter + yaml + mdast-util-to-string per section". */
export function unifiedRow(text: string): RowResult {
  const tree = parseAlone(text);
  let frontMatter: unknown;
  const sections: { heading: string; text: string }[] = [];
  let heading = '';
  let body: RootContent[] = [];
  const flush = () => sections.push({ heading, text: toString(body) });
  for (const node of tree.children) {
    if (node.type === 'yaml') frontMatter = parseYaml(node.value);
    else if (node.type === 'heading') {
      flush();
      heading = toString(node);
      body = [];
    } else body.push(node);
  }
  flush();
  return { tree, frontMatter, sections };
}

// 30 vague phrases, one plain regex each: the prototype's way. The product's lexicon writes most entries as
// patterns (a phrase in its tenses and word orders), so the prototype keeps its own short list of plain phrases.
const PHRASES = [
  'good customer service', 'excellent customer service', 'above and beyond', 'the extra mile', 'high standard',
  'dealt with', 'went well', 'very happy', 'really pleased', 'communicated effectively',
  'team player', 'worked as a team', 'took ownership', 'best possible service', 'exceeded expectations',
  'resolved the issue', 'customer was happy', 'customer satisfaction', 'listened carefully', 'stayed calm',
  'professional manner', 'sorted it out', 'did my best', 'as soon as possible', 'at all times',
  'a lot', 'things like that', 'and so on', 'learned a lot', 'communication is important',
];
const PHRASE_RES = PHRASES.map((p) => new RegExp(`\\b${escapeRegExp(p)}\\b`, 'gi'));
const NAMES = ['situation', 'task', 'action', 'result', 'reflection'];
const FIGURE = /\d|%|£/;

/** "a naive STARR prototype (sections, word counts, 30 vague-phrase regexes, figures in Result) on top". */
export function naivePrototype(text: string): { words: Record<string, number>; vague: number; figures: boolean } {
  const row = unifiedRow(text);
  const words: Record<string, number> = {};
  let vague = 0;
  let figures = false;
  for (const s of row.sections) {
    const name = NAMES.find((n) => s.heading.toLowerCase().includes(n)) ?? 'preamble';
    words[name] = (words[name] ?? 0) + s.text.split(/\s+/).filter(Boolean).length;
    for (const re of PHRASE_RES) vague += s.text.match(re)?.length ?? 0;
    if (name === 'result') figures ||= FIGURE.test(s.text);
  }
  return { words, vague, figures };
}

export const phraseCount = PHRASES.length;
