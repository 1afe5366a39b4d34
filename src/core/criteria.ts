// Criteria sets (one unit each) as data, and the catalog that merges bundled and centre sets.
import { LineCounter, parseDocument, isMap, isSeq, isScalar, type Node as YamlNode } from 'yaml';
import criteriaSchema from '../../schemas/criteria.schema.json';
import { parseYamlData, type DataProblem, type DataResult } from './yaml-data';
import type { CriteriaLookup } from './rule';
import type { Span } from './types';
import cs3sp from '../../criteria/CS3-SP.yaml';
import cs3spData from '../../criteria/CS3-SP.yaml?data';
import cs4sp from '../../criteria/CS4-SP.yaml';
import cs4spData from '../../criteria/CS4-SP.yaml?data';
import cs3chain from '../../criteria/CS3-CHAIN.yaml';
import cs3chainData from '../../criteria/CS3-CHAIN.yaml?data';
import cs3mon from '../../criteria/CS3-MON.yaml';
import cs3monData from '../../criteria/CS3-MON.yaml?data';
import cs3org from '../../criteria/CS3-ORG.yaml';
import cs3orgData from '../../criteria/CS3-ORG.yaml?data';

export type CommandVerb =
  | 'agree' | 'analyse' | 'apply' | 'assess' | 'communicate' | 'compare' | 'contribute' | 'deliver' | 'demonstrate'
  | 'describe' | 'establish' | 'evaluate' | 'explain' | 'identify' | 'implement' | 'justify' | 'maintain' | 'manage'
  | 'monitor' | 'obtain' | 'outline' | 'plan' | 'propose' | 'recognise' | 'record' | 'resolve' | 'review' | 'select'
  | 'share' | 'state' | 'summarise' | 'use';

export interface CriterionDef {
  id: string;
  text: string;
  verb: CommandVerb;
  /** A hint of evidence that fits. */
  evidence?: string;
}

export interface LearningOutcome {
  id: string;
  title: string;
  kind?: 'knowledge' | 'competence';
  criteria: CriterionDef[];
}

/** One unit, as written in a criteria/*.yaml file. */
export interface CriteriaSet {
  id: string;
  title: string;
  level: number;
  version: string;
  aliases?: string[];
  awarding?: { qualification?: string; body?: string; reference?: string; note?: string };
  description?: string;
  learningOutcomes: LearningOutcome[];
}

export type CriteriaOrigin = 'bundled' | 'centre';

/** A problem in a criteria file, at its place (line/column one-based). */
export interface CriteriaProblem extends DataProblem {
  /** The file (path or URI) the problem is in. */
  source: string;
  /** Errors stop the set loading; warnings do not. */
  severity: 'error' | 'warning';
}

export interface CriteriaSetResult {
  set?: CriteriaSet;
  problems: CriteriaProblem[];
}

/** A set text with where it came from. */
export interface CriteriaSource {
  text: string;
  /** The text already read and checked against the schema (bundled sets: by the build). */
  value?: unknown;
  /** Path or URI, used in messages and shown in views. */
  source: string;
}

/**
 * The bundled sets, imported so every host (CLI, extension host, browser worker) has them with no file
 * access: as text (shown and searched) and as the value the build read and checked. Adding a bundled unit
 * means adding a file to criteria/ and a line here; a test checks the two agree.
 */
const BUNDLED: CriteriaSource[] = [
  { source: 'criteria/CS3-SP.yaml', text: cs3sp, value: cs3spData },
  { source: 'criteria/CS4-SP.yaml', text: cs4sp, value: cs4spData },
  { source: 'criteria/CS3-CHAIN.yaml', text: cs3chain, value: cs3chainData },
  { source: 'criteria/CS3-MON.yaml', text: cs3mon, value: cs3monData },
  { source: 'criteria/CS3-ORG.yaml', text: cs3org, value: cs3orgData },
];

export function bundledCriteriaSources(): CriteriaSource[] {
  return BUNDLED.map((b) => ({ ...b }));
}

/**
 * Parse and check one criteria set. Problems carry exact lines; a set with errors is not returned. `value`
 * is the text already read and checked against the schema (the bundled sets, by the build).
 */
export function loadCriteriaSet(text: string, source: string, value?: unknown): CriteriaSetResult {
  const r: DataResult<CriteriaSet> = value !== undefined ? { value: value as CriteriaSet, problems: [] } : parseYamlData<CriteriaSet>(text, criteriaSchema, { what: 'the criteria set' });
  const problems: CriteriaProblem[] = r.problems.map((p) => ({ ...p, source, severity: 'error' as const, message: friendlier(p, text) }));
  if (!r.value) {
    if (!problems.length) problems.push({ message: 'This criteria set could not be read.', span: { start: 0, end: 0 }, line: 1, column: 1, source, severity: 'error' });
    return { problems };
  }
  const set = r.value;
  problems.push(...structureProblems(text, source, set));
  if (problems.some((p) => p.severity === 'error')) return { problems };
  return { set: normalise(set), problems };
}

/** An unquoted id such as 2.10 arrives as the number 2.1: say so in words a centre author can act on. */
function friendlier(p: DataProblem, text: string): string {
  if (/\bid" should be text, not \d/.test(p.message)) {
    const raw = text.slice(p.span.start, p.span.end).trim();
    return `Put the id in quotes — id: "${raw}" — so that a number like 2.10 is not read as 2.1.`;
  }
  if (/\.verb" has a value I do not recognise/.test(p.message)) {
    return `${p.message} Use a command verb in British spelling, e.g. explain, describe, analyse, evaluate.`;
  }
  return p.message;
}

/** Checks a schema cannot express: unique ids, and criteria numbered under their outcome. */
function structureProblems(text: string, source: string, set: CriteriaSet): CriteriaProblem[] {
  const out: CriteriaProblem[] = [];
  // The document is parsed again only to place a problem: most sets have none, and every process loads them.
  let parsed: { doc: ReturnType<typeof parseDocument>; lineCounter: LineCounter } | undefined;
  const parse = () => {
    if (!parsed) {
      const lineCounter = new LineCounter();
      parsed = { doc: parseDocument(text, { lineCounter }), lineCounter };
    }
    return parsed;
  };
  const spanAt = (path: (string | number)[]): Span => {
    const { doc } = parse();
    for (let n = path.length; n >= 0; n--) {
      const node = (n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true)) as YamlNode | null;
      if (node && (isScalar(node) || isMap(node) || isSeq(node)) && node.range) return { start: node.range[0], end: Math.max(node.range[0], node.range[1]) };
    }
    return { start: 0, end: 0 };
  };
  const add = (path: (string | number)[], message: string, severity: 'error' | 'warning') => {
    const span = spanAt(path);
    const p = parse().lineCounter.linePos(span.start);
    out.push({ message, span, line: p.line, column: p.col, source, severity });
  };
  const outcomes = new Set<string>();
  const criteria = new Set<string>();
  set.learningOutcomes.forEach((lo, i) => {
    if (outcomes.has(lo.id)) add(['learningOutcomes', i, 'id'], `Learning outcome ${lo.id} appears twice in this set; give each outcome its own number.`, 'error');
    outcomes.add(lo.id);
    lo.criteria.forEach((c, j) => {
      const key = c.id.toLowerCase();
      if (criteria.has(key)) add(['learningOutcomes', i, 'criteria', j, 'id'], `Criterion ${c.id} appears twice in this set; each criterion needs its own number.`, 'error');
      criteria.add(key);
      if (c.id.split('.')[0] !== lo.id) {
        add(['learningOutcomes', i, 'criteria', j, 'id'], `Criterion ${c.id} sits under learning outcome ${lo.id}; criteria usually start with their outcome's number (${lo.id}.1, ${lo.id}.2, …).`, 'warning');
      }
    });
  });
  return out;
}

function normalise(set: CriteriaSet): CriteriaSet {
  return {
    ...set,
    id: set.id.trim(),
    learningOutcomes: set.learningOutcomes.map((lo) => ({ ...lo, criteria: lo.criteria.map((c) => ({ ...c, id: c.id.trim() })) })),
  };
}

/** A loaded set with where it came from and what it replaced. */
export interface LoadedCriteriaSet {
  set: CriteriaSet;
  source: string;
  origin: CriteriaOrigin;
  /** The source of the set this one replaced (a bundled set overridden by a centre set). */
  replaces?: string;
}

/** Accounts may name a unit by its id, its title or an alias. */
const namesOf = (set: CriteriaSet) => [set.title, ...(set.aliases ?? [])];

const keys = new Map<string, string>();
/** Ids and aliases compared without case or spacing; remembered, as every account asks for the same few. */
const key = (s: string): string => {
  let k = keys.get(s);
  if (k === undefined) {
    k = s.trim().toLowerCase().replace(/\s+/g, ' ');
    if (keys.size >= 2000) keys.clear();
    keys.set(s, k);
  }
  return k;
};

/**
 * Every unit known to a portfolio: the bundled sets, then centre sets, which replace bundled ones with the
 * same id. Implements the CriteriaLookup the rules use. A set with errors is left out (its problems are
 * kept in `problems`), and the others still load.
 */
export class CriteriaCatalog implements CriteriaLookup {
  private readonly byId = new Map<string, LoadedCriteriaSet>();
  private readonly byAlias = new Map<string, string>();
  private readonly criteriaByUnit = new Map<string, Map<string, { criterion: CriterionDef; outcome: LearningOutcome }>>();
  readonly problems: CriteriaProblem[] = [];

  constructor(options: { bundled?: CriteriaSource[]; centre?: CriteriaSource[] } = {}) {
    for (const s of options.bundled ?? bundledCriteriaSources()) this.add(s, 'bundled');
    for (const s of options.centre ?? []) this.add(s, 'centre');
  }

  /** Load one more set; returns its problems (also kept in `problems`). */
  add(src: CriteriaSource, origin: CriteriaOrigin): CriteriaProblem[] {
    const r = loadCriteriaSet(src.text, src.source, src.value);
    this.problems.push(...r.problems);
    if (!r.set) return r.problems;
    const id = key(r.set.id);
    const prev = this.byId.get(id);
    const loaded: LoadedCriteriaSet = { set: r.set, source: src.source, origin };
    if (prev) {
      if (prev.origin === 'centre' && origin === 'centre') {
        const extra = this.warnAtId(src, `Unit ${r.set.id} is also defined in ${prev.source}; this file replaces it. Keep one file per unit.`);
        r.problems.push(extra);
      }
      loaded.replaces = prev.source;
      for (const a of namesOf(prev.set)) if (this.byAlias.get(key(a)) === id) this.byAlias.delete(key(a));
    }
    this.byId.set(id, loaded);
    for (const a of namesOf(r.set)) this.byAlias.set(key(a), id);
    const map = new Map<string, { criterion: CriterionDef; outcome: LearningOutcome }>();
    for (const outcome of r.set.learningOutcomes) for (const criterion of outcome.criteria) map.set(criterion.id.toLowerCase(), { criterion, outcome });
    this.criteriaByUnit.set(id, map);
    return r.problems;
  }

  private warnAtId(src: CriteriaSource, message: string): CriteriaProblem {
    const m = /^id:\s*(.*)$/m.exec(src.text);
    const start = m ? m.index + m[0].length - m[1].length : 0;
    const line = m ? src.text.slice(0, m.index).split('\n').length : 1;
    const p: CriteriaProblem = { message, span: { start, end: start + (m?.[1].length ?? 0) }, line, column: m ? m[0].length - m[1].length + 1 : 1, source: src.source, severity: 'warning' };
    this.problems.push(p);
    return p;
  }

  /** Every loaded unit, by id. */
  units(): LoadedCriteriaSet[] {
    return [...this.byId.values()].sort((a, b) => a.set.id.localeCompare(b.set.id));
  }

  get size(): number {
    return this.byId.size;
  }

  /** A unit by its id or one of its aliases (case and spacing ignored). */
  unit(idOrAlias: string | undefined): LoadedCriteriaSet | undefined {
    if (!idOrAlias) return undefined;
    const k = key(idOrAlias);
    return this.byId.get(k) ?? this.byId.get(this.byAlias.get(k) ?? '');
  }

  criterion(unit: string | undefined, id: string): { criterion: CriterionDef; outcome: LearningOutcome; unit: CriteriaSet } | undefined {
    const u = this.unit(unit);
    if (!u) return undefined;
    const hit = this.criteriaByUnit.get(key(u.set.id))?.get(id.trim().toLowerCase());
    return hit && { ...hit, unit: u.set };
  }

  hasUnit(unit: string): boolean {
    return !!this.unit(unit);
  }

  hasCriterion(unit: string | undefined, id: string): boolean {
    const k = id.trim().toLowerCase();
    if (unit !== undefined) {
      const u = this.unit(unit);
      return !!u && !!this.criteriaByUnit.get(key(u.set.id))?.has(k);
    }
    for (const m of this.criteriaByUnit.values()) if (m.has(k)) return true;
    return false;
  }
}

/** Criteria ids of a set in document order. */
export function criterionIds(set: CriteriaSet): string[] {
  return set.learningOutcomes.flatMap((lo) => lo.criteria.map((c) => c.id));
}

/** A starting point for a centre's own set (used by "add a set" in the editor). */
export function criteriaSetTemplate(id = 'MY-UNIT'): string {
  return `# yaml-language-server: $schema=https://starr-reflect.dev/schemas/criteria.schema.json
# A criteria set for one unit. Accounts name it in front matter (unit: ${id}) and list the criteria
# they evidence (criteria: ["1.1", "2.1"]) or reference them in the text (AC 1.1).
# A set with the same id as a bundled one replaces it.
id: ${id}
title: The unit's title
level: 3
version: "1.0"
awarding:
  qualification: Level 3 NVQ Diploma in Customer Service
learningOutcomes:
  - id: "1"
    title: Understand …
    kind: knowledge
    criteria:
      - id: "1.1"
        verb: explain
        text: Explain …
  - id: "2"
    title: Be able to …
    kind: competence
    criteria:
      - id: "2.1"
        verb: demonstrate
        text: Show …
        evidence: The kind of evidence that fits, e.g. a reflective account with figures.
`;
}
