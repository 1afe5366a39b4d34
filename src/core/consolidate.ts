// After every rule has run: one finding per problem. Two rules flagging the same words become one finding,
// and one rule flagging the same words again and again in a section becomes one finding with the other
// places as related locations, each place's fixes still offered.
import { placeOf } from './sections';
import type { AccountModel, Finding, Fix, RelatedInfo, Section, Severity } from './types';

/**
 * Rules whose findings point at a phrase, most specific first. When two of them flag overlapping words the
 * finding kept is the more severe, then the one listed first, and it carries the other's advice. Personal
 * data is never merged away: it is a different duty (GDPR), and its fix must stay on offer.
 */
export const MERGE_ORDER = ['missing-outcome-measure', 'hypothetical-language', 'generic-language'] as const;
/** Rules whose repeated phrase findings in one section are grouped. */
const GROUPED = new Set<string>([...MERGE_ORDER, 'personal-data']);

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

/** A finding about particular words (not a whole section or the account). */
function isPhrase(f: Finding): boolean {
  if (f.span.end <= f.span.start || !GROUPED.has(f.ruleId)) return false;
  // missing-outcome-measure also reports a whole Result; only its claims are phrases.
  return f.ruleId !== 'missing-outcome-measure' || typeof f.data?.claim === 'string';
}

const mergeRank = (f: Finding) => (MERGE_ORDER as readonly string[]).indexOf(f.ruleId);
const mergeable = (f: Finding) => mergeRank(f) >= 0 && isPhrase(f);

/** What to do about one occurrence, worded so it reads after "'phrase' N times in your Action.". */
function adviceOf(f: Finding): string {
  if (typeof f.data?.advice === 'string') return f.data.advice;
  const quoted = /^"[^"]*"\s+(.*)$/s.exec(f.message);
  return quoted ? `Each time it ${quoted[1]}` : f.message;
}

/** Merge overlapping phrase findings of different rules, then group repeats; findings in any order. */
export function consolidate(account: AccountModel, findings: Finding[]): Finding[] {
  return group(account, merge(findings));
}

function merge(findings: Finding[]): Finding[] {
  const phrases = findings.filter(mergeable).sort((a, b) => a.span.start - b.span.start);
  if (phrases.length < 2) return findings;
  const dropped = new Set<Finding>();
  // Sweep in order of start; only findings still open (ending after this one starts) can overlap it.
  let open: Finding[] = [];
  for (const f of phrases) {
    open = open.filter((o) => o.span.end > f.span.start && !dropped.has(o));
    for (const o of open) {
      if (o.ruleId === f.ruleId || dropped.has(f)) continue;
      const [keep, lose] = (RANK[o.severity] - RANK[f.severity] || mergeRank(o) - mergeRank(f)) <= 0 ? [o, f] : [f, o];
      carry(keep, lose);
      dropped.add(lose);
    }
    if (!dropped.has(f)) open.push(f);
  }
  return dropped.size ? findings.filter((f) => !dropped.has(f)) : findings;
}

function carry(keep: Finding, lose: Finding): void {
  const merged = (keep.data?.merged as { ruleId: string; message: string }[] | undefined) ?? [];
  keep.data = { ...keep.data, merged: [...merged, { ruleId: lose.ruleId, message: lose.message }] };
  keep.message = `${keep.message} Also: ${lose.message}`;
  if (lose.fixes?.length) keep.fixes = [...(keep.fixes ?? []), ...lose.fixes.map((x) => ({ ...x, preferred: false }))];
}

/**
 * Most places of one repeat listed (as related information, in `data.occurrences` and one fix each, with the
 * first); `data.count` says how many there are, and the fix for every place still covers them all. A generated file repeating a phone number 90,000 times made 88 MB of JSON.
 */
export const MAX_PLACES_LISTED = 100;

function group(account: AccountModel, findings: Finding[]): Finding[] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    if (!isPhrase(f)) continue;
    const section = sectionAt(account, f.span.start);
    const key = `${f.ruleId}\u0000${section ? account.sections.indexOf(section) : -1}\u0000${phraseKey(account, f)}`;
    const list = groups.get(key);
    if (list) list.push(f);
    else groups.set(key, [f]);
  }
  const gone = new Set<Finding>();
  for (const list of groups.values()) {
    if (list.length < 2) continue;
    list.sort((a, b) => a.span.start - b.span.start);
    const [first, ...rest] = list;
    for (const f of rest) gone.add(f);
    const section = sectionAt(account, first.span.start);
    const place = section ? placeOf(section) : account.sections.length ? 'your opening' : 'your account';
    const shown = account.text.slice(first.span.start, first.span.end).replace(/\s+/g, ' ');
    const advice = adviceOf(first);
    const line = (f: Finding) => f.start.line + 1;
    const also = (first.data?.merged as { message: string }[] | undefined)?.map((m) => ` Also: ${m.message}`).join('') ?? '';
    first.message = `"${shown}" ${list.length} times in ${place}. ${advice}${also}`;
    const related: RelatedInfo[] = rest.slice(0, MAX_PLACES_LISTED).map((f) => ({ message: `"${account.text.slice(f.span.start, f.span.end).replace(/\s+/g, ' ')}" again`, span: f.span, start: f.start, end: f.end }));
    first.related = [...(first.related ?? []), ...related];
    first.data = { ...first.data, count: list.length, occurrences: list.slice(0, MAX_PLACES_LISTED + 1).map((f) => f.span) };
    const fixes = groupFixes(list, line);
    if (fixes.length) first.fixes = fixes;
  }
  return gone.size ? findings.filter((f) => !gone.has(f)) : findings;
}

/** One fix for every place at once (preferred, so `--fix` still fixes each), then each place's own. */
function groupFixes(list: Finding[], line: (f: Finding) => number): Fix[] {
  const out: Fix[] = [];
  const preferred = list.map((f) => f.fixes?.find((x) => x.preferred));
  if (preferred.every((x) => x)) {
    const p = preferred as Fix[];
    out.push({ title: `${p[0].title} (all ${list.length})`, edits: p.flatMap((x) => x.edits), preferred: true });
  }
  for (const f of list.slice(0, MAX_PLACES_LISTED)) for (const x of f.fixes ?? []) out.push({ ...x, title: `${x.title} (line ${line(f)})`, preferred: false });
  return out;
}

/** Same rule, same words: the matched text, case and spacing aside. */
function phraseKey(account: AccountModel, f: Finding): string {
  return account.text.slice(f.span.start, f.span.end).replace(/\s+/g, ' ').toLowerCase();
}

function sectionAt(account: AccountModel, offset: number): Section | undefined {
  const secs = account.sections;
  let lo = 0;
  let hi = secs.length - 1;
  let found: Section | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (secs[mid].span.start <= offset) {
      found = secs[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found && offset < found.span.end ? found : undefined;
}
