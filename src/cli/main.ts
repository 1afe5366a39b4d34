// `starr`: the command-line face of STARR Reflect. This file holds the command table and the Node entry.
import { VERSION_TEXT } from './version';
import { command as check } from './commands/check';
import { command as init } from './commands/init';
import { command as allow } from './commands/allow';
import { command as coverage } from './commands/coverage';
import { command as report } from './commands/report';
import { command as sample } from './commands/sample';
import { command as feedback } from './commands/feedback';
import { command as importWord } from './commands/import';
import { command as exportAccount } from './commands/export';
import { setFlagsFromString } from 'node:v8';
import { isMainThread, workerData } from 'node:worker_threads';
import { isCheckWorker, runCheckWorker } from './parallel';
import { EXIT_USAGE, UsageError, type CliCommand, type CliIO } from './types';

/** Every command. To add one: import its module above and append it here (one line each). */
export const COMMANDS: CliCommand[] = [
  check,
  init,
  allow,
  coverage,
  report,
  sample,
  feedback,
  importWord,
  exportAccount,
];

export const VERSION = VERSION_TEXT;

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'starr — check STARR reflective accounts (Situation, Task, Action, Result, Reflection)',
    '',
    'Usage: starr <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run "starr <command> --help" to see a command\'s options.',
    '',
    'Exit codes: 0 all good · 1 errors found (or a check such as --max-warnings failed) · 2 a usage, settings or file problem.',
    '',
  ].join('\n');
}

/** Run `starr` with these arguments (without `node` and the script); returns the exit code. Never throws. */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h') {
    io.stdout(mainHelp());
    return 0;
  }
  if (first === '--version' || first === '-v' || first === 'version') {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  if (first === 'help') {
    const cmd = rest[0] === undefined ? undefined : COMMANDS.find((c) => c.name === rest[0]);
    io.stdout(cmd ? ensureNewline(cmd.usage) : mainHelp());
    return cmd || rest[0] === undefined ? 0 : EXIT_USAGE;
  }
  const cmd = COMMANDS.find((c) => c.name === first);
  if (!cmd) {
    const near = COMMANDS.find((c) => c.name.startsWith(first.slice(0, 2)));
    io.stderr(`starr: "${first}" is not a command I know.${near ? ` Did you mean "starr ${near.name}"?` : ''}\nRun "starr --help" to see the commands.\n`);
    return EXIT_USAGE;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(ensureNewline(cmd.usage));
    return 0;
  }
  try {
    return await cmd.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`starr ${cmd.name}: ${e.message}\nRun "starr ${cmd.name} --help" to see how to use it.\n`);
      return EXIT_USAGE;
    }
    const err = e as Error;
    io.stderr(`starr ${cmd.name}: something went wrong that should not have: ${err?.message ?? String(e)}\n${err?.stack ?? ''}\nPlease report this, with the command you ran.\n`);
    return EXIT_USAGE;
  }
}

const ensureNewline = (s: string) => (s.endsWith('\n') ? s : `${s}\n`);

/** Colour when stdout is a terminal, unless NO_COLOR is set; FORCE_COLOR wins either way. */
export function wantsColour(env: Record<string, string | undefined>, isTTY: boolean): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !['0', 'false'].includes(force.toLowerCase());
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return isTTY && env.TERM !== 'dumb';
}

/** The real process: streams, cwd, colour. */
export function nodeIO(): CliIO {
  const isTTY = !!process.stdout.isTTY;
  return {
    stdout: (s) => void process.stdout.write(s),
    stderr: (s) => void process.stderr.write(s),
    cwd: process.cwd(),
    isTTY,
    colour: wantsColour(process.env, isTTY),
    workerScript: __filename,
    drain: () => (process.stdout.writableNeedDrain ? new Promise((resolve) => process.stdout.once('drain', () => resolve())) : Promise.resolve()),
  };
}

if (!isMainThread && isCheckWorker(workerData)) {
  runCheckWorker();
} else if (typeof require !== 'undefined' && require.main === module) {
  // A run over a whole archive makes much short-lived garbage, and by default V8 lets the heap grow to four or
  // five times what is live before a full collection: a report over 100,000 accounts peaked at 432 MB with
  // under 60 MB live. Collecting once the heap has doubled keeps the peak near what is live, for a few per
  // cent more CPU. V8 reads the flag each time it sets a new heap limit, so setting it here takes effect.
  setFlagsFromString('--heap-growing-percent=100');
  // `starr check … | head` closes the pipe early: that is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  runCli(process.argv.slice(2), nodeIO()).then((code) => {
    process.exitCode = code;
  });
}
