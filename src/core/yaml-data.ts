import { Validator, type Schema } from '@cfworker/json-schema';
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import type { Span } from './types';

/** A problem in a YAML data file (config, criteria set, lexicon), at its exact place. */
export interface DataProblem {
  message: string;
  span: Span;
  /** One-based, for messages. */
  line: number;
  column: number;
}

export interface DataResult<T> {
  /** Undefined when the file could not be used at all. */
  value?: T;
  problems: DataProblem[];
}

const validators = new WeakMap<object, Validator>();

/**
 * Checks a schema cannot express, run on a value the schema accepted. `problem` reports at the YAML node of a
 * path such as ['rules', 'word-count', 'tolerance'].
 */
export type DataCheck<T> = (value: T, problem: (path: (string | number)[], message: string) => void) => void;

/**
 * Parse YAML text and validate it against a JSON schema. Every problem is reported at the YAML node it
 * concerns, so a user can go straight to it. Validation is done without code generation (no eval), so it
 * also runs in a browser worker.
 */
export function parseYamlData<T>(text: string, schemaJson: object, check?: DataCheck<T>): DataResult<T> {
  const schema = schemaJson as Schema;
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problems: DataProblem[] = [];
  const at = (span: Span, message: string) => {
    const p = lineCounter.linePos(span.start);
    problems.push({ message, span, line: p.line, column: p.col });
  };
  for (const e of doc.errors) at({ start: e.pos[0], end: Math.max(e.pos[1], e.pos[0]) }, tidyYamlMessage(e.message));
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
  const result = validator.validate(value);
  if (!result.valid) {
    // The validator reports each failure with its parents (properties, items, …); keep the innermost.
    // A key that `additionalProperties: false` refuses also fails the `false` schema itself: one message is enough.
    const leaves = result.errors.filter((e) => e.keyword !== 'false' && (!['properties', 'items', 'allOf', '$ref', 'additionalProperties'].includes(e.keyword) || e.keyword === 'additionalProperties'));
    const seen = new Set<string>();
    for (const e of leaves.length ? leaves : result.errors) {
      const key = e.instanceLocation + e.keyword;
      if (seen.has(key)) continue;
      seen.add(key);
      at(spanOf(doc, e.instanceLocation, text.length), describe(e.instanceLocation, e.keyword, e.error));
    }
    return { problems };
  }
  if (check) {
    check(value as T, (path, message) => at(spanAt(doc, path, text.length), message));
    if (problems.length) return { problems };
  }
  return { value: value as T, problems };
}

function pathOf(instanceLocation: string): (string | number)[] {
  return instanceLocation
    .replace(/^#\/?/, '')
    .split('/')
    .filter(Boolean)
    .map((p) => decodeURIComponent(p.replace(/~1/g, '/').replace(/~0/g, '~')))
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/** Where a JSON pointer points in the YAML source; falls back to the nearest parent that exists. */
export function spanOf(doc: Document, instanceLocation: string, length: number): Span {
  return spanAt(doc, pathOf(instanceLocation), length);
}

function spanAt(doc: Document, path: (string | number)[], length: number): Span {
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

function describe(instanceLocation: string, keyword: string, error: string): string {
  const where = pathOf(instanceLocation).join('.') || 'the file';
  const m = /Property "([^"]+)" does not match additional properties schema/.exec(error) ?? /Property "([^"]+)" does not match schema/.exec(error);
  if (keyword === 'additionalProperties' && m) return `"${m[1]}" is not a setting I recognise here — check the spelling.`;
  if (keyword === 'required') {
    const r = /required properties? "?([^"]+)"?/.exec(error) ?? /"([^"]+)"/.exec(error);
    return `${where === 'the file' ? 'The file' : `"${where}"`} is missing "${r?.[1] ?? 'a required field'}".`;
  }
  if (keyword === 'type') return `"${where}" has the wrong type: ${error.replace(/^Instance type "(\w+)" is invalid\. Expected "(.+)"\.$/, 'it is $1 but should be $2')}.`.replace(/\.\.$/, '.');
  if (keyword === 'enum' || keyword === 'const') return `"${where}" has a value I do not recognise (${error.replace(/^Instance does not match any of /, 'expected one of ')}).`;
  return `"${where}": ${error}`;
}

function tidyYamlMessage(message: string): string {
  const first = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  return `The YAML could not be read: ${first.charAt(0).toLowerCase()}${first.slice(1)}`;
}
