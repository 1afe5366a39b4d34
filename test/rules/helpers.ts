import { analyze, applyEdits, resolveConfig, ruleById, type Finding, type StarrConfig } from '../../src/analysis';

export const NOW = new Date('2026-06-01T12:00:00Z');

/** Findings of one rule alone, with an optional `.starr.yaml`-shaped config. */
export function run(id: string, text: string, config?: StarrConfig): Finding[] {
  const rule = ruleById.get(id);
  if (!rule) throw new Error(`no rule ${id}`);
  return analyze(text, { rules: [rule], now: NOW, config: resolveConfig(config) }).findings;
}

/** The text a finding points at. */
export const at = (text: string, f: Finding) => text.slice(f.span.start, f.span.end);

/** Apply a finding's fix (the first unless told). */
export function fix(text: string, f: Finding, index = 0): string {
  const x = f.fixes?.[index];
  if (!x) throw new Error(`finding has no fix ${index}: ${f.message}`);
  return applyEdits(text, x.edits);
}

/** Build a section with roughly `n` words of plain past-tense prose. */
export function words(n: number, word = 'word'): string {
  return Array.from({ length: n }, () => word).join(' ') + '.';
}

export const crlf = (s: string) => s.replace(/\r?\n/g, '\r\n');

/** An account from headings and bodies, in the order given. */
export const full = (parts: Record<string, string>) =>
  Object.entries(parts)
    .map(([h, body]) => `## ${h}\n\n${body}\n`)
    .join('\n');
