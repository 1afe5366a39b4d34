import type { AccountModel, Span } from '../../core/types';
import { compileLexicon, type CompiledLexicon } from './lexicon';

// One compiled list per distinct allow setting (a config is rebuilt often; its phrases rarely change).
const compiled = new Map<string, CompiledLexicon>();

function lexiconOf(allow: readonly string[]): CompiledLexicon {
  const key = allow.join('\n');
  let c = compiled.get(key);
  if (!c) {
    c = compileLexicon(allow.map((phrase) => ({ phrase })));
    if (compiled.size > 20) compiled.clear();
    compiled.set(key, c);
  }
  return c;
}

/**
 * Whether a finding's span overlaps a phrase on the workspace's allow list (`allow:` in `.starr.yaml`), found
 * in the account's prose as the phrase rules find theirs: whole words, any case, any spacing.
 */
export function allowedSpans(account: AccountModel, allow: readonly string[]): (span: Span) => boolean {
  if (!allow.length) return () => false;
  const found: Span[] = [];
  lexiconOf(allow).each(account.prose, account.preamble.start, account.prose.length, (m) => {
    found.push({ start: m.index, end: m.index + m[0].length });
  });
  if (!found.length) return () => false;
  return (span) => found.some((a) => a.start < span.end && span.start < a.end);
}
