import frameworksData from '../../data/frameworks.yaml?data';
import type { Framework } from './types';

export interface LexiconEntry {
  phrase?: string;
  pattern?: string;
  suggestion?: string;
  category?: string;
}

export interface Lexicon {
  id: string;
  description?: string;
  /** Word classes a pattern names as {name}: see expandClasses() in src/rules/util/lexicon.ts. */
  classes?: Record<string, string>;
  entries: LexiconEntry[];
}

let frameworks: Map<string, Framework> | undefined;

// The bundled data arrives read and checked against its schema by the build (scripts/esbuild-options.mjs); the tests
// check the YAML files themselves, with positions.
export function getFrameworks(): Map<string, Framework> {
  frameworks ??= new Map((frameworksData as { frameworks: Framework[] }).frameworks.map((f) => [f.id, f]));
  return frameworks;
}

export function getFramework(id: string | undefined): Framework | undefined {
  return id ? getFrameworks().get(id.toLowerCase().trim()) : undefined;
}

/** For accounts and settings that name no framework, or one that is not in data/frameworks.yaml. */
export const DEFAULT_FRAMEWORK = 'starr';

/** The framework named, else the default. */
export function frameworkOrDefault(id: string | undefined): Framework {
  return getFramework(id) ?? getFrameworks().get(DEFAULT_FRAMEWORK)!;
}

/** The framework ids as help text lists them: "starr (default), star, carl or gibbs". */
export function frameworkChoices(markDefault = false): string {
  const ids = [...getFrameworks().keys()].map((id) => (markDefault && id === DEFAULT_FRAMEWORK ? `${id} (default)` : id));
  return ids.length > 1 ? `${ids.slice(0, -1).join(', ')} or ${ids[ids.length - 1]}` : ids.join('');
}

/** A bundled lexicon, as its rule imports it (`data/lexicons/<name>.yaml?data`). */
export function lexicon(data: unknown): Lexicon {
  return data as Lexicon;
}
