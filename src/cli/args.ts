import { parseArgs, type ParseArgsConfig } from 'node:util';
import { frameworkChoices, getFramework } from '../core/data';
import { UsageError } from './types';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Parse a command's arguments with Node's own parser (strict: unknown options are errors), turning its
 * errors into a UsageError with a plain message. `--help`/`-h` is always accepted.
 */
export function parseOptions<O extends Options>(args: string[], options: O) {
  try {
    return parseArgs({ args, options: { help: { type: 'boolean', short: 'h' }, ...options }, allowPositionals: true, strict: true });
  } catch (e) {
    const msg = (e as Error).message.replace(/\. To specify a positional argument starting with a '-'.*$/s, '.');
    throw new UsageError(msg);
  }
}

/** A non-negative whole number option, or a UsageError naming the option. */
export function intOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim())) throw new UsageError(`--${name} needs a whole number, for example --${name} 10 (got "${value}").`);
  return Number(value);
}

/** One of a fixed set of values, or a UsageError listing them. */
export function choiceOption<T extends string>(value: string | undefined, name: string, choices: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((choices as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${name} must be one of ${choices.join(', ')} (got "${value}").`);
}

/** `--framework ID`, lower-cased, or a UsageError that blames the option (not the settings file) and lists the ids. */
export function frameworkOption(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (getFramework(value)) return value.toLowerCase().trim();
  throw new UsageError(`--framework ${value}: I don't know this framework. Use ${frameworkChoices()}.`);
}
