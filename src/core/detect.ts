// How a Markdown file is recognised as a reflective account, cheaply (no Markdown parse).
// One test, shared by the CLI (files found in folders) and the editor (which documents get diagnostics).
import { frameworkOrDefault } from './data';
import { matchSection } from './sections';

/** Front matter keys that mark a file as an account. */
export const FRONT_MATTER_KEYS = /^(?:unit|framework|criteria)\s*:/m;

/** The YAML between the opening and closing `---` fences, if the text starts with front matter. */
export function frontMatterOf(text: string): string | undefined {
  const m = /^\uFEFF?---[ \t]*\r?\n/.exec(text);
  if (!m) return undefined;
  const close = /^(?:---|\.\.\.)[ \t]*$/m;
  const rest = text.slice(m[0].length, m[0].length + 20_000);
  const c = close.exec(rest);
  return c ? rest.slice(0, c.index) : undefined;
}

const ATX = /^ {0,3}#{1,6}[ \t]+(.+?)[ \t#]*$/gm;
const BOLD_LABEL = /^ {0,3}\*\*([^*\r\n]{1,60})\*\*/gm;

/** Distinct framework sections named by headings or bold labels (cheap: no Markdown parse). */
export function countSectionHeadings(text: string, frameworkId: string): number {
  const fm = frontMatterOf(text);
  const named = fm && /^framework\s*:\s*["']?([\w-]+)/m.exec(fm)?.[1];
  const framework = frameworkOrDefault(named || frameworkId);
  const found = new Set<string>();
  for (const [re, mode] of [[ATX, 'heading'], [BOLD_LABEL, 'label']] as const) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const match = matchSection(framework, m[1], mode);
      if (match && match.score >= 2) found.add(match.def.id);
      if (found.size >= 2) return found.size;
    }
  }
  return found.size;
}


/**
 * Whether text reads as a reflective account: front matter with unit, framework or criteria, or two or more
 * framework section headings or labels.
 */
export function looksLikeAccount(text: string, frameworkId: string): boolean {
  const fm = frontMatterOf(text);
  if (fm !== undefined && FRONT_MATTER_KEYS.test(fm)) return true;
  return countSectionHeadings(text, frameworkId) >= 2;
}
