import configSchema from '../../schemas/config.schema.json';
import { DEFAULT_FRAMEWORK, getFrameworks } from './data';
import { didYouMean } from './suggest';
import { optionProblem, shownValue, type Rule } from './rule';
import { parseYamlData, type DataCheck, type DataProblem } from './yaml-data';
import type { SeveritySetting } from './types';

export interface PhraseSetting {
  phrase: string;
  suggestion?: string;
}

/** `.starr.yaml` as written. */
export interface StarrConfig {
  framework?: string;
  rules?: Record<string, SeveritySetting | ({ severity?: SeveritySetting } & Record<string, unknown>)>;
  phrases?: { add?: (string | PhraseSetting)[]; remove?: string[] };
  /** Phrases the phrase rules never report. */
  allow?: string[];
  sections?: Record<string, { minWords?: number }>;
  words?: { min?: number; max?: number };
  criteria?: string[];
  include?: string[];
  exclude?: string[];
}

export interface RuleSetting {
  /** Undefined: the rule's default. */
  severity?: SeveritySetting;
  options: Record<string, unknown>;
}

/** Configuration with every layer merged; what rules read. */
export interface ResolvedConfig {
  framework: string;
  rules: Record<string, RuleSetting>;
  phrases: { add: PhraseSetting[]; remove: string[] };
  /** Phrases the phrase rules never report: the union of every layer's. */
  allow: string[];
  sections: Record<string, { minWords?: number }>;
  words: { min?: number; max?: number };
  criteria: string[];
  include: string[];
  exclude: string[];
}

export const CONFIG_FILE_NAMES = ['.starr.yaml', '.starr.yml'];

export function defaultConfig(): ResolvedConfig {
  return { framework: DEFAULT_FRAMEWORK, rules: {}, phrases: { add: [], remove: [] }, allow: [], sections: {}, words: {}, criteria: [], include: [], exclude: [] };
}

export interface ConfigResult {
  config?: StarrConfig;
  problems: DataProblem[];
}

// With a rules check (ruleSettingsCheck), rule settings are checked against the rules themselves, one plain
// message per wrong value; the schema's own description of them (a severity, or a mapping with one) is for
// editors' YAML support and for callers without the rules.
const parseSchema = { ...configSchema, properties: { ...configSchema.properties, rules: { type: 'object' } } };

const SEVERITIES: readonly string[] = ['error', 'warning', 'info', 'hint', 'off'] satisfies SeveritySetting[];
const severityProblem = (value: unknown) => (typeof value === 'string' && SEVERITIES.includes(value) ? undefined : `should be error, warning, info, hint or off, not ${shownValue(value)}.`);

/**
 * Parse and validate `.starr.yaml` text. Problems carry exact positions; a broken file yields no config.
 * `check` adds checks the schema cannot make: src/analysis passes the rule registry's (ruleSettingsCheck).
 */
export function parseConfig(text: string, check?: DataCheck<StarrConfig>): ConfigResult {
  if (!text.trim()) return { config: {}, problems: [] };
  const checks: DataCheck<StarrConfig> = (config, problem) => {
    sectionCheck(config, problem);
    check?.(config, problem);
  };
  const r = parseYamlData<StarrConfig>(text, check ? parseSchema : configSchema, { check: checks, keepGood: true, what: 'the settings file' });
  // Each message says what STARR does meanwhile, so one message is the whole story.
  const problems = r.problems.map((p) =>
    p.severity === 'warning' ? p : { ...p, message: `${p.message}${/[.!?]$/.test(p.message) ? '' : '.'} ${r.value ? 'STARR ignores this setting until it is fixed.' : 'STARR uses its default settings until it is fixed.'}` },
  );
  return { config: r.value, problems };
}

/** A framework or section ids that no framework has: a warning with the nearest id, and the entry is ignored. */
const sectionCheck: DataCheck<StarrConfig> = (config, problem) => {
  const frameworks = [...getFrameworks().keys()];
  if (config.framework !== undefined && !frameworks.includes(config.framework.toLowerCase().trim())) {
    problem(['framework'], `"${config.framework}" is not a framework I know, so STARR uses ${DEFAULT_FRAMEWORK}.${didYouMean(config.framework, frameworks, 'frameworks')}`, 'warning');
  }
  const ids = [...new Set([...getFrameworks().values()].flatMap((f) => f.sections.map((s) => s.id)))];
  for (const id of Object.keys(config.sections ?? {})) {
    if (!ids.includes(id)) problem(['sections', id], `"sections.${id}" is not a section of any framework, so it is ignored.${didYouMean(id, ids, 'sections')}`, 'unknown-key');
  }
};

/** Merge layers, later ones winning (e.g. defaults, editor settings, `.starr.yaml`). */
export function resolveConfig(...layers: (StarrConfig | undefined)[]): ResolvedConfig {
  const out = defaultConfig();
  for (const layer of layers) {
    if (!layer) continue;
    if (layer.framework) out.framework = layer.framework.toLowerCase();
    for (const [id, v] of Object.entries(layer.rules ?? {})) {
      const prev = out.rules[id] ?? { options: {} };
      if (typeof v === 'string') out.rules[id] = { severity: v, options: prev.options };
      else if (v && typeof v === 'object') {
        const { severity, ...options } = v;
        out.rules[id] = { severity: severity ?? prev.severity, options: { ...prev.options, ...options } };
      }
    }
    for (const p of layer.phrases?.add ?? []) out.phrases.add.push(typeof p === 'string' ? { phrase: p } : p);
    out.phrases.remove.push(...(layer.phrases?.remove ?? []));
    for (const a of layer.allow ?? []) if (!out.allow.includes(a)) out.allow.push(a);
    for (const [id, s] of Object.entries(layer.sections ?? {})) out.sections[id] = { ...out.sections[id], ...s };
    if (layer.words) out.words = { ...out.words, ...layer.words };
    if (layer.criteria) out.criteria = [...out.criteria, ...layer.criteria];
    if (layer.include) out.include = [...out.include, ...layer.include];
    if (layer.exclude) out.exclude = [...out.exclude, ...layer.exclude];
  }
  return out;
}

/** Rule ids and options, checked against each rule's declared options: one plain message per wrong value. */
export function ruleSettingsCheck(rules: ReadonlyMap<string, Rule>): DataCheck<StarrConfig> {
  return (config, problem) => {
    for (const [id, setting] of Object.entries(config.rules ?? {})) {
      const rule = rules.get(id);
      if (!rule) {
        problem(['rules', id], `"${id}" is not a rule I know, so it is ignored.${didYouMean(id, [...rules.keys()], 'rules')}`, 'unknown-key');
        continue;
      }
      if (typeof setting === 'string') {
        const wrong = severityProblem(setting);
        if (wrong) problem(['rules', id], `"rules.${id}" ${wrong}`);
        continue;
      }
      if (typeof setting !== 'object' || setting === null || Array.isArray(setting)) {
        problem(['rules', id], `"rules.${id}" should be a severity (error, warning, info, hint or off) or a mapping such as { severity: warning }, not ${shownValue(setting)}.`);
        continue;
      }
      const declared = rule.meta.options ?? {};
      const names = Object.keys(declared);
      for (const [name, value] of Object.entries(setting)) {
        if (name === 'severity') {
          const wrong = severityProblem(value);
          if (wrong) problem(['rules', id, name], `"rules.${id}.severity" ${wrong}`);
          continue;
        }
        const spec = declared[name];
        const where = `rules.${id}.${name}`;
        if (!spec) {
          problem(['rules', id, name], names.length
            ? `"${where}" is not an option of ${id}, so it is ignored.${didYouMean(name, names, 'options of this rule')}`
            : `"${where}": ${id} has no options, so it is ignored; you can set only its severity.`, 'unknown-key');
          continue;
        }
        const wrong = optionProblem(spec, value);
        if (wrong) problem(['rules', id, name], `"${where}" ${wrong}`);
      }
    }
  };
}

