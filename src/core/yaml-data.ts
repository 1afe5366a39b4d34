import { Validator, type OutputUnit, type Schema } from '@cfworker/json-schema';
import { LineCounter, parseDocument, isMap, isNode, isScalar, type Document } from 'yaml';
import { closest, didYouMean } from './suggest';
import type { Span } from './types';
import { explainYamlError } from './yaml-errors';

/** A problem in a YAML data file (config, criteria set, lexicon), at its exact place. */
export interface DataProblem {
  message: string;
  span: Span;
  /** One-based, for messages. */
  line: number;
  column: number;
  /** A warning: the entry is ignored and the rest of the file is used. Undefined means an error. */
  severity?: 'error' | 'warning';
  /** What the YAML parser said, word for word, when the message explains a syntax error in plainer words. */
  detail?: string;
}

export interface DataResult<T> {
  /** Undefined when the file could not be used at all. */
  value?: T;
  problems: DataProblem[];
}

const validators = new WeakMap<object, Validator>();

/**
 * Checks a schema cannot express, run on a value the schema accepted. `problem` reports at the YAML node of a
 * path such as ['rules', 'word-count', 'tolerance']: an error, a warning, or a warning about a key that is not known
 * (reported at the key itself).
 */
export type DataCheck<T> = (value: T, problem: (path: (string | number)[], message: string, kind?: 'warning' | 'unknown-key') => void) => void;

export interface DataOptions<T> {
  check?: DataCheck<T>;
  /**
   * Keep the good part of the file: each entry with a problem is left out, a key the schema does not know is
   * a warning (with the nearest known key), and the value is returned whenever what is left is valid.
   */
  keepGood?: boolean;
  /** What the file is, for messages ("this settings file"). */
  what?: string;
}

/**
 * Parse YAML text and validate it against a JSON schema. Every problem is reported at the YAML node it
 * concerns, so a user can go straight to it. Validation is done without code generation (no eval), so it
 * also runs in a browser worker.
 */
export function parseYamlData<T>(text: string, schemaJson: object, options: DataOptions<T> = {}): DataResult<T> {
  const schema = schemaJson as Schema;
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problems: DataProblem[] = [];
  const at = (span: Span, message: string, warning = false) => {
    const p = lineCounter.linePos(span.start);
    problems.push({ message, span, line: p.line, column: p.col, ...(warning ? { severity: 'warning' as const } : {}) });
  };
  // The likely cause in plain words, once per line (the parser often reports one slip two ways).
  const lines = new Set<number>();
  for (const e of doc.errors) {
    const x = explainYamlError(text, e, options.what ?? 'this file');
    if (lines.has(x.span.start)) continue;
    lines.add(x.span.start);
    at(x.span, x.message);
    problems[problems.length - 1].detail = x.detail;
  }
  if (doc.errors.length) return { problems };
  let value: unknown;
  try {
    value = doc.toJS() ?? {};
  } catch {
    // yaml throws rather than expand an alias bomb ("billion laughs"): a problem with this file, not a crash.
    at({ start: 0, end: 0 }, 'This file uses too many YAML aliases (*name) to be read. Write the values out in full.');
    return { problems };
  }
  let validator = validators.get(schema);
  if (!validator) {
    validator = new Validator(schema, '2020-12', false);
    validators.set(schema, validator);
  }
  // With keepGood, a second round reports what taking out the first round's entries leaves wrong (rarely anything).
  for (let round = 0; ; round++) {
    const result = validator.validate(value);
    if (result.valid) break;
    if (round === 2) return { problems: problems.sort((x, y) => x.span.start - y.span.start) };
    const bad = schemaProblems(result.errors, schema, value, !!options.keepGood, (path, message, how = {}) => {
      at(spanAt(doc, path, text.length, how.key), message, how.warning && !!options.keepGood);
    });
    if (!options.keepGood || !bad.length) return { problems: problems.sort((x, y) => x.span.start - y.span.start) };
    value = without(value, bad);
  }
  if (options.check) {
    const dropped: (string | number)[][] = [];
    let errors = false;
    options.check(value as T, (path, message, kind) => {
      at(spanAt(doc, path, text.length, kind === 'unknown-key'), message, kind !== undefined);
      dropped.push(path);
      errors ||= kind === undefined;
    });
    if (options.keepGood) value = without(value, dropped);
    else if (errors) return { problems: problems.sort((x, y) => x.span.start - y.span.start) };
  }
  return { value: value as T, problems: problems.sort((x, y) => x.span.start - y.span.start) };
}

/**
 * One plain problem per wrong entry from the validator's output (which lists every failure with its parents and,
 * for anyOf, every branch's failures). Returns the paths of the entries to leave out.
 */
function schemaProblems(
  all: OutputUnit[],
  schema: Schema,
  value: unknown,
  keepGood: boolean,
  report: (path: (string | number)[], message: string, how?: { key?: boolean; warning?: boolean }) => void,
): (string | number)[][] {
  const errors = pruneAnyOf(all);
  // The innermost failures; a key that `additionalProperties: false` refuses also fails the `false` schema itself.
  const leaves = errors.filter((e) => e.keyword !== 'false' && !['properties', 'items', 'allOf', '$ref'].includes(e.keyword));
  // A misspelt required key ("phrse" for "phrase") is one slip, not an unknown key and a missing one.
  const missing = new Map<string, string[]>();
  for (const e of leaves) {
    const name = e.keyword === 'required' ? /required property "([^"]+)"/.exec(e.error)?.[1] : undefined;
    if (name) missing.set(e.instanceLocation, [...(missing.get(e.instanceLocation) ?? []), name]);
  }
  const bad: (string | number)[][] = [];
  const seen = new Set<string>();
  const slips = new Set<string>();
  for (const e of leaves) {
    const path = pathOf(e.instanceLocation);
    const unknown = e.keyword === 'additionalProperties' ? /Property "([^"]+)" does not match/.exec(e.error)?.[1] : undefined;
    if (unknown === undefined) continue;
    // A key allowed by an additionalProperties schema, with something wrong inside it, is reported from inside.
    if (!refusesOthers(schema, e.keywordLocation)) continue;
    const where = path.length ? ` in "${path.join('.')}"` : '';
    const slip = closest(unknown, missing.get(e.instanceLocation) ?? []);
    if (slip) {
      slips.add(e.instanceLocation);
      report([...path, unknown], `"${unknown}" is not a setting I know${where}. Did you mean "${slip}"?`, { key: true });
      bad.push(path);
      continue;
    }
    const known = knownKeys(schema, e.keywordLocation);
    report([...path, unknown], keepGood
      ? `"${unknown}" is not a setting I know${where}, so it is ignored.${didYouMean(unknown, known, 'settings here')}`
      : `"${unknown}" is not a setting I recognise here — check the spelling.${known.length ? didYouMean(unknown, known, 'settings here') : ''}`, { key: true, warning: true });
    bad.push([...path, unknown]);
  }
  for (const e of leaves) {
    if (e.keyword === 'additionalProperties' || (e.keyword === 'required' && slips.has(e.instanceLocation))) continue;
    const key = e.instanceLocation + e.keyword;
    if (seen.has(key)) continue;
    seen.add(key);
    const path = pathOf(e.instanceLocation);
    report(path, describe(path, e.keyword, e.error, valueAt(value, path)));
    bad.push(path);
  }
  return bad;
}

/**
 * anyOf fails with every branch's failures. Keep those of the branch the value was meant for (the first whose
 * type it has); when it has none of their types, one failure naming every type it could have been.
 */
function pruneAnyOf(errors: OutputUnit[]): OutputUnit[] {
  const drop = new Set<OutputUnit>();
  const extra: OutputUnit[] = [];
  for (const any of errors.filter((e) => e.keyword === 'anyOf')) {
    drop.add(any);
    const prefix = `${any.keywordLocation}/`;
    const branches = new Map<string, OutputUnit[]>();
    for (const e of errors) {
      if (!e.keywordLocation.startsWith(prefix)) continue;
      const b = e.keywordLocation.slice(prefix.length).split('/')[0];
      branches.set(b, [...(branches.get(b) ?? []), e]);
    }
    const typeMiss = (list: OutputUnit[]) => list.find((e) => e.keyword === 'type' && e.instanceLocation === any.instanceLocation);
    const chosen = [...branches.values()].find((list) => !typeMiss(list));
    for (const list of branches.values()) if (list !== chosen) for (const e of list) drop.add(e);
    if (!chosen) {
      const misses = [...branches.values()].map(typeMiss).filter((e): e is OutputUnit => !!e);
      const expected = misses.map((e) => /Expected "(.+)"/.exec(e.error)?.[1]).filter(Boolean);
      const actual = misses.length ? /Instance type "(\w+)"/.exec(misses[0].error)?.[1] : undefined;
      extra.push({ ...any, keyword: 'type', error: `Instance type "${actual}" is invalid. Expected "${expected.join('" or "')}".` });
    }
  }
  return [...errors.filter((e) => !drop.has(e)), ...extra];
}

function valueAt(value: unknown, path: (string | number)[]): unknown {
  let v = value;
  for (const part of path) v = (v as Record<string | number, unknown> | undefined)?.[part];
  return v;
}

/** The schema object that holds the keyword at this location. */
function schemaAt(schema: Schema, keywordLocation: string): { properties?: Record<string, unknown>; additionalProperties?: unknown } | undefined {
  let node: unknown = schema;
  for (const part of pathOf(keywordLocation).slice(0, -1)) {
    const here = node as Record<string | number, unknown> | undefined;
    // A local reference (#/$defs/name) is followed to what it names.
    node = part === '$ref' && typeof here?.$ref === 'string' ? pathOf(here.$ref).reduce<unknown>((n, k) => (n as Record<string | number, unknown> | undefined)?.[k], schema) : here?.[part];
  }
  return node as ReturnType<typeof schemaAt>;
}

/** The keys a schema object allows, from the location of its `additionalProperties` keyword. */
function knownKeys(schema: Schema, keywordLocation: string): string[] {
  return Object.keys(schemaAt(schema, keywordLocation)?.properties ?? {});
}

/** Whether the schema object refuses keys it does not name (`additionalProperties: false`). */
function refusesOthers(schema: Schema, keywordLocation: string): boolean {
  return schemaAt(schema, keywordLocation)?.additionalProperties === false;
}

/** A copy of `value` without the entries at these paths (list items are taken out, keys deleted). */
function without(value: unknown, paths: (string | number)[][]): unknown {
  const copy = structuredClone(value);
  const drop = new Map<unknown[], Set<number>>();
  for (const path of paths) {
    if (!path.length) return {};
    let parent: unknown = copy;
    for (const part of path.slice(0, -1)) parent = (parent as Record<string | number, unknown> | undefined)?.[part];
    const last = path[path.length - 1];
    if (Array.isArray(parent) && typeof last === 'number') drop.set(parent, (drop.get(parent) ?? new Set()).add(last));
    else if (parent && typeof parent === 'object') delete (parent as Record<string, unknown>)[String(last)];
  }
  // List items go last, from the end, so earlier indices still point at the right items.
  for (const [list, indices] of drop) for (const i of [...indices].sort((a, b) => b - a)) list.splice(i, 1);
  return copy;
}

function pathOf(instanceLocation: string): (string | number)[] {
  return instanceLocation
    .replace(/^#\/?/, '')
    .split('/')
    .filter(Boolean)
    .map((p) => decodeURIComponent(p.replace(/~1/g, '/').replace(/~0/g, '~')))
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/** Where a path points in the YAML source; falls back to the nearest parent that exists. */
function spanAt(doc: Document, path: (string | number)[], length: number, key = false): Span {
  // A key is pointed at itself (its value may be long, or empty).
  if (key && path.length) {
    const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
    if (isMap(parent)) {
      const pair = parent.items.find((p) => isScalar(p.key) && String(p.key.value) === String(path[path.length - 1]));
      if (pair && isNode(pair.key) && pair.key.range) return { start: pair.key.range[0], end: pair.key.range[1] };
    }
  }
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) {
      // For a mapping key's value, point at the value; an empty value points at its key.
      const [start, end] = node.range;
      return { start, end: Math.max(start, end) };
    }
  }
  return { start: 0, end: Math.min(length, 1) };
}

const TYPE_WORDS: Record<string, string> = { string: 'text', integer: 'a whole number', number: 'a number', boolean: 'true or false', array: 'a list', object: 'a mapping (names with values)', null: 'nothing' };

/** A value as a message shows it. */
function shown(value: unknown): string {
  if (typeof value === 'string') return `"${value}"`;
  if (Array.isArray(value)) return 'a list';
  if (value === null || value === undefined) return 'nothing';
  return typeof value === 'object' ? 'a mapping' : String(value);
}

function describe(path: (string | number)[], keyword: string, error: string, value: unknown): string {
  const where = path.join('.') || 'the file';
  if (keyword === 'required') {
    const r = /required properties? "?([^"]+)"?/.exec(error) ?? /"([^"]+)"/.exec(error);
    return `${where === 'the file' ? 'The file' : `"${where}"`} is missing "${r?.[1] ?? 'a required field'}".`;
  }
  if (keyword === 'type') {
    const expected = (/Expected "(.+)"/.exec(error)?.[1] ?? '').split('" or "').map((t) => TYPE_WORDS[t] ?? t);
    return `"${where}" should be ${expected.join(' or ')}, not ${shown(value)}.`;
  }
  if (keyword === 'enum' || keyword === 'const') return `"${where}" has a value I do not recognise (${error.replace(/^Instance does not match any of /, 'expected one of ')}).`;
  return `"${where}": ${error}`;
}

