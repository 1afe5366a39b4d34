import frameworksText from '../../data/frameworks.yaml';
import frameworksSchema from '../../schemas/frameworks.schema.json';
import lexiconSchema from '../../schemas/lexicon.schema.json';
import { parseYamlData } from './yaml-data';
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

/** Bundled data is checked by the tests; a broken bundled file is a bug, so fail loudly. */
function load<T>(name: string, text: string, schema: object): T {
  const r = parseYamlData<T>(text, schema);
  if (!r.value) throw new Error(`Bundled data ${name} is invalid: ${r.problems.map((p) => `${p.line}:${p.column} ${p.message}`).join('; ')}`);
  return r.value;
}

let frameworks: Map<string, Framework> | undefined;

export function getFrameworks(): Map<string, Framework> {
  if (!frameworks) {
    const data = load<{ frameworks: Framework[] }>('data/frameworks.yaml', frameworksText, frameworksSchema);
    frameworks = new Map(data.frameworks.map((f) => [f.id, f]));
  }
  return frameworks;
}

export function getFramework(id: string | undefined): Framework | undefined {
  return id ? getFrameworks().get(id.toLowerCase().trim()) : undefined;
}

const lexicons = new Map<string, Lexicon>();

/** Parse a bundled lexicon once (rules pass the imported YAML text). */
export function lexicon(name: string, text: string): Lexicon {
  let l = lexicons.get(name);
  if (!l) {
    l = load<Lexicon>(`data/lexicons/${name}.yaml`, text, lexiconSchema);
    lexicons.set(name, l);
  }
  return l;
}
