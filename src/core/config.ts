import configSchema from '../../schemas/config.schema.json';
import { DEFAULT_FRAMEWORK } from './data';
import { parseYamlData, type DataProblem } from './yaml-data';
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

/** Parse and validate `.starr.yaml` text. Problems carry exact positions; a broken file yields no config. */
export function parseConfig(text: string): ConfigResult {
  if (!text.trim()) return { config: {}, problems: [] };
  const r = parseYamlData<StarrConfig>(text, configSchema);
  return { config: r.value, problems: r.problems };
}

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
