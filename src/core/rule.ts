import type { ResolvedConfig } from './config';
import type { AccountModel, Fix, Severity, Span } from './types';

/** Where rule docs live; one page per rule at docs/rules/<id>.md. */
export const DOCS_BASE = 'https://github.com/starr-reflect/starr-reflect/blob/main/docs/rules/';

/** A numeric rule option: `integer` also refuses fractions. Bounds are inclusive. */
export interface NumberOption {
  type: 'number' | 'integer';
  default: number;
  min?: number;
  max?: number;
  /** What it changes, in a few words (for messages and docs). */
  description: string;
}

/** The options a rule reads from `rules: { <id>: { … } }` in `.starr.yaml`. */
export type RuleOptions = Record<string, NumberOption>;

/** The values a rule's check sees: every declared option, set or defaulted. */
export type OptionValues<O extends RuleOptions> = { [K in keyof O]: number };

export interface RuleMeta<O extends RuleOptions = RuleOptions> {
  id: string;
  defaultSeverity: Severity;
  /** One line: what the rule checks. */
  title: string;
  /** Why assessors care, in plain words (shown on hover). */
  rationale: string;
  /** Whether the rule's findings carry fixes. */
  fixable?: boolean;
  /** Its options, with their types, defaults and ranges; configuration is checked against them. */
  options?: O;
}

export interface Report {
  message: string;
  span: Span;
  fixes?: Fix[];
  related?: { message: string; span: Span }[];
  data?: Record<string, unknown>;
  /** Override the configured severity for this one finding (e.g. a YAML error is always an error). */
  severity?: Severity;
  /** What a tool behind the check said, word for word (the YAML parser): shown only on request. */
  detail?: string;
}

/** Lookup of known criteria, supplied by adapters that have loaded criteria sets. */
export interface CriteriaLookup {
  /** Whether the unit is known at all. */
  hasUnit(unit: string): boolean;
  /** Whether `id` is a criterion of `unit`; when unit is undefined, of any loaded unit. */
  hasCriterion(unit: string | undefined, id: string): boolean;
}

export interface RuleContext<V = Record<string, unknown>> {
  account: AccountModel;
  config: ResolvedConfig;
  /** This rule's options: each one declared in its meta, from configuration or its default. */
  options: V;
  /** "Today", injectable for tests. */
  now: Date;
  criteria?: CriteriaLookup;
  /** Every rule id the registry knows, for rules that check names people type. */
  ruleIds: readonly string[];
  report(r: Report): void;
}

export interface Rule {
  meta: RuleMeta & { docsUrl: string };
  check(ctx: RuleContext): void;
}

/** Stamp a rule with its docs URL; a rule module is `export default defineRule({...}, ctx => …)`. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- a rule without options declares none
export function defineRule<const O extends RuleOptions = {}>(meta: RuleMeta<O>, check: (ctx: RuleContext<OptionValues<O>>) => void): Rule {
  return { meta: { ...meta, docsUrl: `${DOCS_BASE}${meta.id}.md` }, check: check as (ctx: RuleContext) => void };
}

/** What is wrong with one configured value of a rule option, in plain words, or undefined when it is fine. */
export function optionProblem(spec: NumberOption, value: unknown): string | undefined {
  const ok = typeof value === 'number' && Number.isFinite(value) && (spec.type === 'number' || Number.isInteger(value)) && (spec.min === undefined || value >= spec.min) && (spec.max === undefined || value <= spec.max);
  if (ok) return undefined;
  const kind = spec.type === 'integer' ? 'a whole number' : 'a number';
  const range =
    spec.min !== undefined && spec.max !== undefined ? ` from ${spec.min} to ${spec.max}` : spec.min !== undefined ? ` of ${spec.min} or more` : spec.max !== undefined ? ` of ${spec.max} or less` : '';
  return `should be ${kind}${range} (${spec.description}; ${spec.default} by default), not ${shownValue(value)}.`;
}

/** A configured value as a message shows it: "loud", 3, a list, a mapping, nothing. */
export function shownValue(value: unknown): string {
  if (typeof value === 'string') return `"${value}"`;
  if (Array.isArray(value)) return 'a list';
  if (value === null || value === undefined) return 'nothing';
  return typeof value === 'object' ? 'a mapping' : String(value);
}

/** A rule's options: configured values that are valid, defaults for the rest. Unknown names are dropped. */
export function resolveOptions(meta: RuleMeta, configured: Record<string, unknown> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(meta.options ?? {})) {
    const v = configured?.[name];
    out[name] = v !== undefined && optionProblem(spec, v) === undefined ? v : spec.default;
  }
  return out;
}
