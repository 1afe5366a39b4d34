// Run `starr` in-process against temporary folders, capturing what it prints.
import * as fs from 'node:fs';
import nodeFs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../src/cli/main';
import type { CliIO } from '../../src/cli/types';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export function captureIO(cwd: string, colour = false): { io: CliIO; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (s) => void out.push(s), stderr: (s) => void err.push(s), cwd, isTTY: colour, colour }, out, err };
}

export async function starr(cwd: string, ...args: string[]): Promise<Run> {
  const { io, out, err } = captureIO(cwd);
  const code = await runCli(args, io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

/** A fresh temporary folder with the given files (paths relative to it; strings or bytes). */
export function tempTree(files: Record<string, string | Uint8Array>): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'starr-cli-')));
  for (const [rel, content] of Object.entries(files)) {
    const p = path.join(root, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, content);
  }
  return root;
}

export function removeTree(root: string): void {
  fs.rmSync(root, { recursive: true, force: true });
}

const filler = (n: number, s: string) => Array.from({ length: n }, () => s).join(' ');

/** A complete STARR account with enough words in each section; `extra` is added to the Action. */
export function goodAccount(opts: { action?: string; result?: string; drop?: string[]; frontMatter?: string } = {}): string {
  const sections: Record<string, string> = {
    Situation: `On 4 March 2026 a customer rang our contact centre because the courier had missed two agreed delivery slots for a replacement fridge. ${filler(6, 'The customer had taken two days off work and was worried the food in the old fridge would spoil before the new one came.')}`,
    Task: `My task was to agree a confirmed delivery slot with the courier within the 24-hour SLA for repeat complaints and to keep the customer informed. ${filler(3, 'I also had to record every contact on the CRM so that colleagues could see the history.')}`,
    Action: `I rang the courier's depot manager at 9:15 and asked for a named driver and a confirmed two-hour slot. ${opts.action ?? ''} ${filler(10, 'I called the customer back within 30 minutes, explained what had gone wrong and confirmed the new slot in writing.')}`,
    Result: opts.result ?? `The fridge was delivered on 6 March inside the agreed slot, and the complaint was closed in 26 hours, within the SLA. ${filler(4, 'The customer scored the call 9 out of 10 in the survey and said: "You are the first person who rang me back."')}`,
    Reflection: `Looking back, the call-back worked because I gave the customer a time and kept to it. I learned that partners act faster when I set out the facts and the standard in writing. ${filler(4, 'Next time I will check the depot capacity before I promise a date, so that I do not have to go back to the customer.')}`,
  };
  const fm = opts.frontMatter ?? 'title: Missed fridge delivery\nlearner: L-001\nunit: CS3-SP\ncriteria: ["2.1"]\ndate: 2026-03-10\nstatus: draft';
  const body = Object.entries(sections)
    .filter(([name]) => !opts.drop?.includes(name))
    .map(([name, text]) => `## ${name}\n\n${text}\n`)
    .join('\n');
  return `---\n${fm}\n---\n\n# Missed fridge delivery\n\n${body}`;
}

/**
 * Make these paths fail to read or list with `code` (EACCES by default), as a locked file or folder does.
 * chmod locks nothing for root, which is who runs tests in many containers, so the system calls are made
 * to fail instead. Returns the function that undoes it.
 */
export function lockPaths(paths: string[], code = 'EACCES'): () => void {
  const locked = new Set(paths.map((p) => path.resolve(p)));
  const real = { readFileSync: nodeFs.readFileSync, readdirSync: nodeFs.readdirSync };
  const fail = (p: unknown, call: string) => {
    if (typeof p === 'string' && locked.has(path.resolve(p))) {
      throw Object.assign(new Error(`${code}: permission denied, ${call} '${p}'`), { code, errno: -13, syscall: call, path: p });
    }
  };
  const mutable = nodeFs as unknown as Record<string, unknown>;
  mutable.readFileSync = (p: unknown, ...rest: unknown[]) => (fail(p, 'open'), (real.readFileSync as (...a: unknown[]) => unknown)(p, ...rest));
  mutable.readdirSync = (p: unknown, ...rest: unknown[]) => (fail(p, 'scandir'), (real.readdirSync as (...a: unknown[]) => unknown)(p, ...rest));
  return () => Object.assign(mutable, real);
}
