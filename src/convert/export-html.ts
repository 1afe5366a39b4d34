// A prepared account → a standalone, print-friendly HTML page (mdast → hast with remark-rehype, then rehype-stringify),
// and → clean text to paste into an e-portfolio's form.
import type { Root as HastRoot } from 'hast';
import type { List, Root, RootContent } from 'mdast';
import { toString as mdToString } from 'mdast-util-to-string';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { COMMENT_MARK, authorName, type KeptComment, type PreparedAccount } from './prepare';

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const STYLE = `
  body { font: 12pt/1.5 Calibri, Arial, sans-serif; color: #111; margin: 2rem auto; max-width: 46rem; padding: 0 1rem; }
  h1 { font-size: 20pt; margin-bottom: .5rem; }
  h2 { font-size: 15pt; margin-top: 1.5rem; border-bottom: 1px solid #ccc; }
  table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
  th, td { border: 1px solid #999; padding: .3rem .5rem; text-align: left; vertical-align: top; }
  table.details th { background: #eee; width: 12rem; }
  .feedback { background: #fff3c4; font-style: italic; }
  @media print {
    body { margin: 0; max-width: none; font-size: 11pt; }
    h2 { break-after: avoid; }
    table, tr { break-inside: avoid; }
  }`;

/** Comment markers in rendered text: the start goes, the end becomes the comment in brackets. */
function feedbackText(comments: KeptComment[], html: boolean): (s: string) => string {
  const byId = new Map(comments.map((c) => [c.id, c]));
  return (s) =>
    s.replace(COMMENT_MARK, (_m, kind: string, id: string) => {
      const c = byId.get(Number(id));
      if (!c || kind === '\uE000') return '';
      const words = `[${authorName(c)}: ${c.paragraphs.join(' / ')}]`;
      return html ? ` <span class="feedback">${escapeHtml(words)}</span>` : ` ${words}`;
    });
}

export function renderHtml(a: PreparedAccount): Uint8Array {
  const hast = unified().use(remarkRehype).runSync({ type: 'root', children: a.body } as Root) as HastRoot;
  const body = feedbackText(a.comments, true)(unified().use(rehypeStringify).stringify(hast));
  const details = a.details.map(([k, v]) => `<tr><th scope="row">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join('\n');
  const criteria = a.criteria?.length
    ? `<h2>Criteria evidenced</h2>\n<table class="criteria"><thead><tr><th>Criterion</th><th>What it asks</th><th>Where in this account</th><th>Coverage</th></tr></thead><tbody>\n${a.criteria
        .map((c) => `<tr><td>${escapeHtml(c.id)}</td><td>${escapeHtml(c.text)}</td><td>${escapeHtml(c.where)}</td><td>${escapeHtml(c.state)}</td></tr>`)
        .join('\n')}\n</tbody></table>\n`
    : '';
  const page = `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(a.title)}</title>
<style>${STYLE}
</style>
</head>
<body>
<main>
<h1>${escapeHtml(a.title)}</h1>
<table class="details">
${details}
</table>
${body}
${criteria}</main>
</body>
</html>
`;
  return new TextEncoder().encode(page);
}

// ----------------------------------------------------------------------------------------------------- text

/** Clean text: plain section titles, paragraphs on one line each, lists with dashes, tables as rows. */
export function renderText(a: PreparedAccount): Uint8Array {
  const fb = feedbackText(a.comments, false);
  const text = (n: RootContent) => fb(mdToString(n)).replace(/\s*\n\s*/g, ' ').trim();
  const out: string[] = [a.title, '', ...a.details.map(([k, v]) => `${k}: ${v}`), ''];
  const list = (l: List, depth: number) => {
    l.children.forEach((item, i) => {
      const bullet = l.ordered ? `${(l.start ?? 1) + i}.` : '-';
      let first = true;
      for (const c of item.children) {
        if (c.type === 'list') list(c, depth + 1);
        else {
          out.push(`${'  '.repeat(depth)}${first ? `${bullet} ` : '  '}${text(c)}`);
          first = false;
        }
      }
    });
  };
  const block = (n: RootContent, depth = 0) => {
    switch (n.type) {
      case 'heading':
        if (out[out.length - 1] !== '') out.push('');
        out.push(text(n), '');
        return;
      case 'list':
        list(n, depth);
        out.push('');
        return;
      case 'blockquote':
        for (const c of n.children) block(c, depth);
        return;
      case 'table':
        for (const row of n.children) out.push(row.children.map((c) => text(c)).join(' | '));
        out.push('');
        return;
      case 'code':
        out.push(n.value, '');
        return;
      case 'thematicBreak':
      case 'html':
      case 'yaml':
      case 'definition':
      case 'footnoteDefinition':
        return;
      default:
        out.push(text(n), '');
    }
  };
  for (const n of a.body) block(n);
  if (a.criteria?.length) {
    out.push('', 'Criteria evidenced', '');
    for (const c of a.criteria) out.push(`${c.id} ${c.text} — ${c.where} (${c.state})`);
  }
  return new TextEncoder().encode(`${out.join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`);
}
