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

/** A bundled lexicon, as its rule imports it (`data/lexicons/<name>.yaml?data`). */
export function lexicon(data: unknown): Lexicon {
  return data as Lexicon;
}
