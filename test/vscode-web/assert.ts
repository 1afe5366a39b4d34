// `node:assert/strict` for the suite in the browser (web worker) extension host, which has no Node modules: the
// calls the in-host tests make (ok, equal, notEqual, deepEqual, match, doesNotMatch), with the same strict meaning.
// The build resolves `node:assert/strict` here for the web suite only (scripts/build.mjs).

export class AssertionError extends Error {
  constructor(message: string, readonly actual?: unknown, readonly expected?: unknown) {
    super(message);
    this.name = 'AssertionError';
  }
}

const show = (v: unknown) => {
  try {
    return typeof v === 'string' ? JSON.stringify(v) : JSON.stringify(v, (_k, x: unknown) => (x instanceof RegExp ? String(x) : x)) ?? String(v);
  } catch {
    return String(v);
  }
};

function fail(message: string | Error | undefined, fallback: string, actual?: unknown, expected?: unknown): never {
  if (message instanceof Error) throw message;
  throw new AssertionError(message ?? fallback, actual, expected);
}

/** Deep strict equality as Node's assert has it for plain data: same prototype, same own keys, Object.is leaves. */
function same(a: unknown, b: unknown, seen = new Map<object, object>()): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (seen.get(a) === b) return true;
  seen.set(a, b);
  if (a instanceof Date) return a.getTime() === (b as Date).getTime();
  if (a instanceof RegExp) return String(a) === String(b);
  if (a instanceof Map || a instanceof Set) {
    const x = [...a.entries()];
    const y = [...(b as Map<unknown, unknown>).entries()];
    return x.length === y.length && x.every((e, i) => same(e, y[i], seen));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], seen));
}

export function ok(value: unknown, message?: string | Error): asserts value {
  if (!value) fail(message, `The expression evaluated to a falsy value: ${show(value)}`, value, true);
}

export function equal<T>(actual: unknown, expected: T, message?: string | Error): asserts actual is T {
  if (!Object.is(actual, expected)) fail(message, `Expected values to be strictly equal:\n${show(actual)} !== ${show(expected)}`, actual, expected);
}

export function notEqual(actual: unknown, expected: unknown, message?: string | Error): void {
  if (Object.is(actual, expected)) fail(message, `Expected "actual" to be strictly unequal to: ${show(expected)}`, actual, expected);
}

export function deepEqual<T>(actual: unknown, expected: T, message?: string | Error): asserts actual is T {
  if (!same(actual, expected)) fail(message, `Expected values to be strictly deep-equal:\n${show(actual)}\nshould equal\n${show(expected)}`, actual, expected);
}

export function match(value: string, re: RegExp, message?: string | Error): void {
  if (typeof value !== 'string' || !re.test(value)) fail(message, `The input did not match the regular expression ${String(re)}. Input:\n${show(value)}`, value, re);
}

export function doesNotMatch(value: string, re: RegExp, message?: string | Error): void {
  if (typeof value !== 'string' || re.test(value)) fail(message, `The input was expected to not match the regular expression ${String(re)}. Input:\n${show(value)}`, value, re);
}
