// The in-host suite for the browser extension host: VS Code's web worker extension host, where the extension
// runs from its browser bundle (dist/web/extension.js), as on vscode.dev. `node scripts/vscode-test/run.mjs --web`
// builds this file (scripts/build.mjs --web-tests) and makes code-server run the extension there.
//
// A web worker has no Node modules, no file system and no environment: mocha is its browser build, assertions
// come from ./assert.ts, the grep is fixed at build time, and the report goes to the console a line at a time,
// each line tagged so the runner can pick it out of the workbench's console.
// First, as in the extension: hides the worker's blob: location while the libraries load (see web-shim.ts).
import { restoreLocation } from '../../src/extension/web-shim';
// Mocha's browser build sets globalThis.mocha and globalThis.Mocha.
import 'mocha/mocha.js';

declare const STARR_WEB_TEST_GREP: string;

/** The tag before each report line on the console (the runner strips it). */
const TAG = 'STARR-WEB-TEST';

interface BrowserMocha {
  setup(options: { ui: 'bdd'; timeout: number; color: boolean; grep?: string }): void;
  reporter(reporter: unknown): void;
  run(done: (failures: number) => void): unknown;
}

export async function run(): Promise<void> {
  const g = globalThis as unknown as { mocha: BrowserMocha; Mocha: { reporters: { Spec: unknown; Base: { consoleLog: (...data: unknown[]) => void } } } };
  let line = 0;
  g.Mocha.reporters.Base.consoleLog = (...data: unknown[]) => {
    const [first, ...rest] = data;
    let used = 0;
    const head = typeof first === 'string' ? first.replace(/%[sdio]/g, () => String(rest[used++] ?? '')) : String(first ?? '');
    const text = [head, ...rest.slice(used).map(String)].join(' ');
    for (const l of text.split('\n')) console.log(`${TAG} ${++line} ${l}`);
  };
  const { mocha } = g;
  mocha.setup({ ui: 'bdd', timeout: 60_000, color: false, ...(STARR_WEB_TEST_GREP ? { grep: STARR_WEB_TEST_GREP } : {}) });
  // The browser build reports to the page (HTML) by default; a worker has no page.
  mocha.reporter(g.Mocha.reporters.Spec);
  // After setup, so describe() and it() exist when the files run. The subset that shows the browser bundle at work:
  // diagnostics, hover, quick fixes, the status bar, coverage, feedback, the report and Word import and export.
  await import('./web-host.itest');
  await import('../vscode/suite/smoke.itest');
  await import('../vscode/suite/extension.itest');
  await import('../vscode/suite/coverage.itest');
  await import('../vscode/suite/feedback.itest');
  await import('../vscode/suite/new-account.itest');
  await import('../vscode/suite/word.itest');
  restoreLocation();
  await new Promise<void>((resolve, reject) => {
    mocha.run((failures) => {
      console.log(`${TAG} end ${failures}`);
      if (failures > 0) reject(new Error(`${failures} in-editor test(s) failed in the web extension host.`));
      else resolve();
    });
  });
}
