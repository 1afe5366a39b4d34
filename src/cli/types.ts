/**
 * What a CLI command may touch of the outside world. The Node entry passes the real process streams;
 * tests pass a capture, so every command runs in-process.
 */
export interface CliIO {
  stdout(s: string): void;
  stderr(s: string): void;
  /** The folder relative paths are resolved against, and printed relative to. */
  cwd: string;
  /** Whether stdout is a terminal (progress and layout may differ). */
  isTTY: boolean;
  /** Whether to colour output: a TTY, NO_COLOR unset, or FORCE_COLOR set. */
  colour: boolean;
  /** Set only by the real process: a script that can run as a worker thread to check many files in parallel. */
  workerScript?: string;
  /** Resolves once stdout has taken what was written (a slow pipe), so output never piles up in memory. */
  drain?(): Promise<void>;
}

/** One `starr <name>` command. `run` returns the exit code: 0 ok, 1 findings/policy failure, 2 usage or I/O error. */
export interface CliCommand {
  name: string;
  /** One line for `starr --help`. */
  summary: string;
  /** The full text for `starr <name> --help`. */
  usage: string;
  run(args: string[], io: CliIO): Promise<number>;
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

/**
 * The exit code after a command's own result: a path that does not exist, a file that cannot be read or a
 * settings file with a mistake is a usage problem (2) whatever else happened, so a misspelt path or setting
 * never passes a CI gate.
 */
export function withInputProblems(code: number, inputs: { unmatched: string[]; unreadable: string[]; errors?: { count: number } }): number {
  return inputs.unmatched.length || inputs.unreadable.length || inputs.errors?.count ? Math.max(code, EXIT_USAGE) : code;
}

/** Thrown by argument parsing; main prints the message and the command's usage hint, and exits 2. */
export class UsageError extends Error {}
