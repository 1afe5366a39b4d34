// Runs the in-host mocha suite (out/vscode-test/suite) inside a real VS Code: code-server from npm,
// driven by Debian's Chromium through playwright-core. Exits with the suite's code; any setup problem fails.
// Usage: node scripts/vscode-test/run.mjs [--no-build] [--grep TEXT] [--timeout SECONDS] [--keep] [--verbose] [--stats] [--out DIR] [--web]
// --out DIR builds the suite into DIR/vscode-test (as build.mjs --out), so parallel runs do not trample each other.
// --web runs the extension from its browser bundle in code-server's web worker extension host (as on vscode.dev),
// with the subset of the suite in test/vscode-web/ (built into out/vscode-test-web/, inside the extension's folder).
import { closeSync, existsSync, openSync, readFileSync, readSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Buffer } from 'node:buffer';
import { clearInterval, setInterval } from 'node:timers';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT, SetupError, build, exthostLogs, launchBrowser, say, startHost, workbenchUrl } from './host.mjs';

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const option = (name) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : undefined; };
const verbose = flag('--verbose');
const keep = flag('--keep');
const timeoutMs = Number(option('--timeout') ?? process.env.STARR_TEST_TIMEOUT ?? 900) * 1000;
const grep = option('--grep') ?? process.env.STARR_TEST_GREP ?? '';
const web = flag('--web');
/** The workbench setting that puts the extension in the browser's web worker extension host, not the remote one. */
const WEB_SETTINGS = { 'remote.extensionKind': { 'starr-reflect.starr-reflect': ['web'] } };

let host;
let browser;
let tail;
const report = join(tmpdir(), `starr-vscode-report-${process.pid}.txt`);
let finished = false;

async function cleanup() {
  tail?.stop();
  rmSync(report, { force: true });
  await browser?.context.close().catch(() => {});
  await host?.stop();
}

async function main() {
  const t0 = Date.now();
  const out = option('--out') ?? 'out';
  if (!flag('--no-build')) build(out);
  if (web && !flag('--no-build')) {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/build.mjs'), '--web-tests'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, STARR_TEST_GREP: grep } });
    if (r.status !== 0) throw new SetupError(`The build of the web suite failed (node scripts/build.mjs --web-tests, exit code ${r.status}).`);
  }
  const suite = web ? resolve(ROOT, 'out/vscode-test-web/index.js') : resolve(ROOT, out, 'vscode-test/suite/index.js');
  // A suite built outside the project must still find mocha: link the project's node_modules beside it.
  const modules = resolve(ROOT, out, 'node_modules');
  if (!resolve(ROOT, out).startsWith(`${ROOT}/`) && existsSync(resolve(ROOT, out)) && !existsSync(modules)) symlinkSync(join(ROOT, 'node_modules'), modules);
  if (!existsSync(suite)) throw new SetupError(`No in-host suite at ${suite}: run node scripts/build.mjs --tests.`);
  if (!existsSync(join(ROOT, 'dist/extension.js'))) throw new SetupError('No dist/extension.js: run node scripts/build.mjs.');
  if (web && !existsSync(join(ROOT, 'dist/web/extension.js'))) throw new SetupError('No dist/web/extension.js: run node scripts/build.mjs.');

  // The suite's index.js appends mocha's report to this file (see test/vscode/suite/index.ts); we stream it.
  writeFileSync(report, '');
  host = await startHost({ keep, settings: web ? WEB_SETTINGS : {}, env: { STARR_TEST_GREP: grep, STARR_TEST_OUTPUT: report, STARR_IN_HOST_TEST: '1' } });
  say(`code-server ${host.tools.codeServer.dir.split('/').pop()} is up on ${host.base} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  browser = await launchBrowser(host);
  const { page } = browser;

  let settle;
  const exitCode = new Promise((resolve) => { settle = resolve; });
  // The workbench calls this when the suite's run() settles (smoke-test driver); register before navigating.
  await page.exposeFunction('codeAutomationExit', (code) => { settle(Number(code) || 0); });

  // The workbench's own console (noisy: offline gallery lookups and the like) only with --verbose.
  // Errors are kept: after a failure they say why (e.g. the suite could not load), minus the offline noise.
  const errors = [];
  // In the web worker there is no file to stream: each report line comes to the console, tagged and numbered
  // (it may arrive twice, from the worker and forwarded by the workbench).
  const printed = new Set();
  page.on('console', (msg) => {
    const tagged = web ? /STARR-WEB-TEST (\d+) (.*)$/s.exec(msg.text()) : null;
    if (tagged) {
      if (!printed.has(tagged[1])) process.stdout.write(`${tagged[2].replace(/\s*color: #\w+\s*$/, '').trimEnd()}\n`);
      printed.add(tagged[1]);
      return;
    }
    if (verbose) process.stdout.write(`[console.${msg.type()}] ${msg.text()}\n`);
    else if (msg.type() === 'error' && !/ENOTFOUND|ERR_NAME_NOT_RESOLVED|Failed to load resource|authentication provider/.test(msg.text())) errors.push(msg.text().replace(/^%c\s*ERR color: #\w+ /, ''));
  });
  tail = tailFile(report);
  const memory = flag('--stats') ? sampleMemory(host) : undefined;
  page.on('pageerror', (e) => { if (verbose) process.stdout.write(`[pageerror] ${e.message}\n`); });

  // The first load compiles the whole workbench: on a busy shared machine that takes well over the 30 s default.
  await page.goto(workbenchUrl(host, { tests: suite }), { timeout: 180_000 });
  say(`workbench opened; running the in-host suite${web ? ' in the web worker extension host' : ''}`);

  const timeout = new Promise((resolve) => {
    const t = setTimeout(() => {
      say(`TIMEOUT: the in-host suite did not finish within ${timeoutMs / 1000} s.`);
      resolve(124);
    }, timeoutMs);
    t.unref();
  });
  const codeServerDied = new Promise((resolve) => host.child.on('exit', () => { if (!finished) { say('code-server exited before the suite finished.'); resolve(125); } }));
  const code = await Promise.race([exitCode, timeout, codeServerDied]);
  finished = true;
  tail.stop();
  tail = undefined;
  if (memory) say(`peak memory: code-server process group ${memory.stop().codeServer} MB, Chromium ${memory.peak.chromium} MB`);
  say(`in-host suite finished with exit code ${code} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  if (code !== 0) {
    for (const f of exthostLogs(host)) say(`extension host log ${f}:\n${readFileSync(f, 'utf8').slice(-4000)}`);
    say(`code-server log (tail):\n${host.log().slice(-3000)}`);
    if (errors.length) say(`errors in the workbench console:\n${errors.join('\n').slice(-6000)}`);
  }
  return code;
}

/** Peak resident memory (MB) of code-server's process group and of this run's Chromium (found by its profile dir). */
function sampleMemory(h) {
  const peak = { codeServer: 0, chromium: 0 };
  const sample = () => {
    const now = { codeServer: 0, chromium: 0 };
    for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const pgrp = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
        const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
        if (pgrp === h.child.pid) now.codeServer += rss;
        else if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(h.dirs.browser)) now.chromium += rss;
      } catch { /* the process ended */ }
    }
    peak.codeServer = Math.max(peak.codeServer, Math.round(now.codeServer));
    peak.chromium = Math.max(peak.chromium, Math.round(now.chromium));
  };
  const timer = setInterval(sample, 1000);
  return { peak, stop() { clearInterval(timer); return peak; } };
}

/** Streams what is appended to a file to stdout, until stop() (which prints the rest). */
function tailFile(file) {
  const fd = openSync(file, 'r');
  const buf = Buffer.alloc(64 * 1024);
  let pos = 0;
  const pump = () => {
    for (let n; (n = readSync(fd, buf, 0, buf.length, pos)) > 0; pos += n) process.stdout.write(buf.subarray(0, n));
  };
  const timer = setInterval(pump, 200);
  return {
    stop() {
      clearInterval(timer);
      pump();
      closeSync(fd);
    },
  };
}

const onSignal = (sig) => { say(`${sig}: stopping code-server and the browser`); cleanup().finally(() => process.exit(130)); };
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

let code;
try {
  code = await main();
} catch (e) {
  process.stderr.write(`\n[vscode-test] FAILED: ${e instanceof SetupError ? e.message : e.stack}\n`);
  code = 1;
} finally {
  await cleanup();
  if (host && !keep) host.cleanup();
  else if (host) say(`kept ${host.scratch}`);
}
process.exit(code);
