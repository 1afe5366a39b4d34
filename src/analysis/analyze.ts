// The layer above the core and the rules: it knows the rule registry, so the core never has to.
import { defaultConfig, type ResolvedConfig } from '../core/config';
import { frameworkOrDefault, getFramework } from '../core/data';
import { consolidate } from '../core/consolidate';
import { isSafeFix, lockedRegions, type LockedRegion } from '../core/edit-safety';
import { buildAccount } from '../core/model';
import { resolveOptions, type CriteriaLookup, type Report, type Rule, type RuleMeta } from '../core/rule';
import type { AccountModel, CancellationToken, Directive, Finding, Severity } from '../core/types';
import { rules as allRules } from '../rules';
import { num } from '../rules/util/text';

export interface AnalyzeOptions {
  config?: ResolvedConfig;
  path?: string;
  now?: Date;
  token?: CancellationToken;
  /** Run only these rules (tests, and callers that want a subset). */
  rules?: Rule[];
  criteria?: CriteriaLookup;
}

export interface AnalysisResult {
  account: AccountModel;
  findings: Finding[];
  /** True when cancelled part-way: findings are incomplete. */
  cancelled: boolean;
}

/** One document and everything its analysis depends on, as the host knows it. */
export interface DocumentInput {
  /** Path or URI string, as the host names the document. */
  uri: string;
  text: string;
  config: ResolvedConfig;
  /** The criteria sets the host has loaded: unknown-criterion checks references against them. */
  criteria?: CriteriaLookup;
  now?: Date;
}

/**
 * Analyse a document: the one entry point of every host (the editor and its worker, the CLI and its
 * threads, the portfolio index), so none of them can leave out part of what the rules need.
 */
export function analyseDocument(doc: DocumentInput, token?: CancellationToken): AnalysisResult {
  return analyze(doc.text, { config: doc.config, path: doc.uri, criteria: doc.criteria, now: doc.now, token });
}

/** Build the model once and run every enabled rule over it. */
export function analyze(text: string, options: AnalyzeOptions = {}): AnalysisResult {
  const account = buildAccountFor(text, options.config ?? defaultConfig(), options.path);
  return { account, ...runRules(account, options) };
}

export function buildAccountFor(text: string, config: ResolvedConfig, path?: string): AccountModel {
  return buildAccount(text, {
    framework: frameworkOrDefault(config.framework),
    resolveFramework: getFramework,
    path,
  });
}

/** Run rules over an already-built model (the editor re-uses a model per document version). */
export function runRules(account: AccountModel, options: AnalyzeOptions = {}): { findings: Finding[]; cancelled: boolean } {
  const config = options.config ?? defaultConfig();
  const now = options.now ?? new Date();
  const findings: Finding[] = [];
  // Every fix passes the one edit-safety check here, so the CLI and the editor never offer one that breaks a mark or the front matter.
  let regions: LockedRegion[] | undefined;
  const safe = (r: Report): Report => (r.fixes?.length ? { ...r, fixes: r.fixes.filter((x) => isSafeFix(x, (regions ??= lockedRegions(account)))) } : r);
  for (const rule of options.rules ?? allRules) {
    if (options.token?.isCancellationRequested) return { findings: sortFindings(findings), cancelled: true };
    const setting = config.rules[rule.meta.id];
    if (setting?.severity === 'off') continue;
    const severity: Severity = setting?.severity ?? rule.meta.defaultSeverity;
    rule.check({
      account,
      config,
      options: optionsFor(rule.meta, setting?.options),
      now,
      criteria: options.criteria,
      ruleIds: RULE_IDS,
      report: (r: Report) => findings.push(toFinding(account, rule, safe(r), severity)),
    });
  }
  // Merged and grouped after the directives, so a directive can still silence one place of a repeat.
  return { findings: capPerRule(sortFindings(consolidate(account, applyDirectives(account, findings)))), cancelled: false };
}

/**
 * Most findings one rule lists in a file. A real account has a handful; a generated file can have a quarter
 * of a million (one per unclosed mark), which took seconds to write out and would flood the editor.
 */
export const MAX_FINDINGS_PER_RULE = 200;

/** Past MAX_FINDINGS_PER_RULE, one finding of the rule says how many more there are, where the next one is. */
function capPerRule(findings: Finding[]): Finding[] {
  const counts = new Map<string, number>();
  let over = false;
  for (const f of findings) {
    const n = (counts.get(f.ruleId) ?? 0) + 1;
    counts.set(f.ruleId, n);
    if (n > MAX_FINDINGS_PER_RULE) over = true;
  }
  if (!over) return findings;
  const seen = new Map<string, number>();
  const out: Finding[] = [];
  for (const f of findings) {
    const k = (seen.get(f.ruleId) ?? 0) + 1;
    seen.set(f.ruleId, k);
    if (k <= MAX_FINDINGS_PER_RULE) out.push(f);
    else if (k === MAX_FINDINGS_PER_RULE + 1) {
      const more = counts.get(f.ruleId)! - MAX_FINDINGS_PER_RULE;
      out.push({
        ruleId: f.ruleId,
        severity: f.severity,
        message: `${num(more)} more like the ${num(MAX_FINDINGS_PER_RULE)} above, from this line on, are not listed, so the list stays readable. Deal with those above and check again to see the rest.`,
        span: f.span,
        start: f.start,
        end: f.end,
        docsUrl: f.docsUrl,
        data: { notListed: more },
      });
    }
  }
  return out;
}

const RULE_IDS: readonly string[] = Object.freeze(allRules.map((r) => r.meta.id));

// Most analyses configure no options: each rule's defaults are built once and shared (rules only read them).
const defaultOptions = new WeakMap<RuleMeta, Record<string, unknown>>();
function optionsFor(meta: RuleMeta, configured: Record<string, unknown> | undefined): Record<string, unknown> {
  if (configured && Object.keys(configured).length) return resolveOptions(meta, configured);
  let d = defaultOptions.get(meta);
  if (!d) defaultOptions.set(meta, (d = Object.freeze(resolveOptions(meta, undefined))));
  return d;
}

function toFinding(account: AccountModel, rule: Rule, r: Report, severity: Severity): Finding {
  const len = account.text.length;
  const clamp = (o: number) => Math.max(0, Math.min(len, o));
  const span = { start: clamp(r.span.start), end: clamp(Math.max(r.span.start, r.span.end)) };
  const f: Finding = {
    ruleId: rule.meta.id,
    severity: r.severity ?? severity,
    message: r.message,
    span,
    start: account.positionAt(span.start),
    end: account.positionAt(span.end),
    docsUrl: rule.meta.docsUrl,
  };
  if (r.fixes?.length) f.fixes = r.fixes;
  if (r.related?.length) {
    f.related = r.related.map((x) => {
      const s = { start: clamp(x.span.start), end: clamp(x.span.end) };
      return { message: x.message, span: s, start: account.positionAt(s.start), end: account.positionAt(s.end) };
    });
  }
  if (r.data) f.data = r.data;
  if (r.detail) f.detail = r.detail;
  return f;
}

function sortFindings(f: Finding[]): Finding[] {
  // Rule ids are lower-case letters and hyphens, which code-unit order sorts as localeCompare does, without
  // loading ICU's collation (5 ms, once per process).
  return f.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
}

/** Honour `<!-- starr-disable … -->`, `<!-- starr-enable … -->` and `<!-- starr-disable-next-line … -->`. */
function applyDirectives(account: AccountModel, findings: Finding[]): Finding[] {
  if (!account.directives.length || !findings.length) return findings;
  const ranged = account.directives.filter((d) => d.kind === 'disable' || d.kind === 'enable');
  const lineScoped = new Map<number, Directive[]>();
  for (const d of account.directives) {
    if (d.kind !== 'disable-next-line' && d.kind !== 'disable-line') continue;
    const line = account.positionAt(d.span.start).line + (d.kind === 'disable-next-line' ? 1 : 0);
    lineScoped.set(line, [...(lineScoped.get(line) ?? []), d]);
  }
  const matches = (d: Directive, id: string) => d.rules.length === 0 || d.rules.includes(id);
  return findings.filter((f) => {
    for (const d of lineScoped.get(f.start.line) ?? []) if (matches(d, f.ruleId)) return false;
    let disabled = false;
    for (const d of ranged) {
      if (d.span.start > f.span.start) break;
      // A bare directive (no rule ids) matches every rule, so a bare starr-enable ends any disable.
      if (matches(d, f.ruleId)) disabled = d.kind === 'disable';
    }
    return !disabled;
  });
}
