import type { ResolvedConfig } from './config';
import type { AccountModel, Fix, Severity, Span } from './types';

/** Where rule docs live; one page per rule at docs/rules/<id>.md. */
export const DOCS_BASE = 'https://github.com/starr-reflect/starr-reflect/blob/main/docs/rules/';

export interface RuleMeta {
  id: string;
  defaultSeverity: Severity;
  /** One line: what the rule checks. */
  title: string;
  /** Why assessors care, in plain words (shown on hover). */
  rationale: string;
  /** Whether the rule's findings carry fixes. */
  fixable?: boolean;
}

export interface Report {
  message: string;
  span: Span;
  fixes?: Fix[];
  related?: { message: string; span: Span }[];
  data?: Record<string, unknown>;
  /** Override the configured severity for this one finding (e.g. a YAML error is always an error). */
  severity?: Severity;
}

/** Lookup of known criteria, supplied by adapters that have loaded criteria sets. */
export interface CriteriaLookup {
  /** Whether the unit is known at all. */
  hasUnit(unit: string): boolean;
  /** Whether `id` is a criterion of `unit`; when unit is undefined, of any loaded unit. */
  hasCriterion(unit: string | undefined, id: string): boolean;
}

export interface RuleContext {
  account: AccountModel;
  config: ResolvedConfig;
  /** This rule's options from configuration. */
  options: Record<string, unknown>;
  /** "Today", injectable for tests. */
  now: Date;
  criteria?: CriteriaLookup;
  report(r: Report): void;
}

export interface Rule {
  meta: RuleMeta & { docsUrl: string };
  check(ctx: RuleContext): void;
}

/** Stamp a rule with its docs URL; a rule module is `export default defineRule({...}, ctx => …)`. */
export function defineRule(meta: RuleMeta, check: (ctx: RuleContext) => void): Rule {
  return { meta: { ...meta, docsUrl: `${DOCS_BASE}${meta.id}.md` }, check };
}
