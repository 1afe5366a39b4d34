// The in-host suite entry: the `run(): Promise<void>` contract shared by @vscode/test-electron and the
// code-server route (scripts/vscode-test/run.mjs). Loads every *.itest.js next to this file.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    // Real editor work (activation, first analysis on a cold host) is slow on a busy 2-core CI machine.
    timeout: 60_000,
    color: false,
    reporter: 'spec',
    // STARR_TEST_GREP reaches the extension host through code-server's environment (npm run test:vscode -- --grep x).
    grep: process.env.STARR_TEST_GREP || undefined,
  });
  // In code-server, console output reaches only the browser, mangled; the runner streams this file instead.
  const out = process.env.STARR_TEST_OUTPUT;
  if (out) {
    const log = Mocha.reporters.Base.consoleLog;
    Mocha.reporters.Base.consoleLog = (...data: unknown[]) => {
      fs.appendFileSync(out, `${format(...data)}\n`);
      log(...data);
    };
  }
  const files = fs.readdirSync(__dirname).filter((f) => f.endsWith('.itest.js')).sort();
  if (files.length === 0) return Promise.reject(new Error(`No *.itest.js files in ${__dirname}: build with node scripts/build.mjs --tests.`));
  for (const f of files) mocha.addFile(path.join(__dirname, f));
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => {
        if (failures > 0) reject(new Error(`${failures} in-editor test(s) failed.`));
        else resolve();
      });
    } catch (e) {
      reject(e instanceof Error ? e : new Error(String(e)));
    }
  });
}
