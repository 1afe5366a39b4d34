// Shared by run.mjs and screenshots.mjs: a scratch code-server on loopback, driven by Debian's Chromium.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ROOT, SetupError, ensureTools } from './setup.mjs';

export { ROOT, SetupError };

export const say = (s) => process.stdout.write(`[vscode-test] ${s}\n`);

/** Builds dist/extension.js and <out>/vscode-test/** (the in-host suite); out defaults to out/. */
export function build(out = 'out') {
  const t0 = Date.now();
  const args = [join(ROOT, 'scripts/build.mjs'), '--tests', ...(out === 'out' ? [] : ['--out', out])];
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new SetupError(`The build failed (node scripts/build.mjs ${args.slice(1).join(' ')}, exit code ${r.status}).`);
  for (const f of ['dist/extension.js', join(out, 'vscode-test/suite/index.js')]) {
    if (!existsSync(resolve(ROOT, f))) throw new SetupError(`The build did not produce ${f}.`);
  }
  say(`built the extension and the in-host suite in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Settings that keep the workbench quiet and offline (from ../shared/docs/testing-in-real-vscode.md). */
const SETTINGS = {
  'workbench.startupEditor': 'none',
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': 'off',
  'extensions.autoCheckUpdates': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'git.enabled': false,
  'security.workspace.trust.enabled': false,
};

/**
 * Starts code-server in its own process group (setsid) with a scratch HOME, user-data-dir and extensions dir,
 * and a scratch copy of the fixture workspace. Resolves once /healthz answers.
 */
export async function startHost({ tools, workspace = join(ROOT, 'test/vscode/workspace'), settings = {}, env = {}, keep = false } = {}) {
  tools ??= ensureTools();
  const scratch = mkdtempSync(join(tmpdir(), 'starr-vscode-'));
  const dirs = { home: join(scratch, 'home'), ud: join(scratch, 'user-data'), ext: join(scratch, 'extensions'), ws: join(scratch, 'workspace'), browser: join(scratch, 'browser') };
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
  // Tests may create, edit and delete files: they get a copy, never the committed fixtures.
  cpSync(workspace, dirs.ws, { recursive: true });
  mkdirSync(join(dirs.ud, 'User'), { recursive: true });
  writeFileSync(join(dirs.ud, 'User', 'settings.json'), JSON.stringify({ ...SETTINGS, ...settings }, null, 2));

  const port = await freePort();
  const logFile = join(scratch, 'code-server.log');
  const out = createWriteStream(logFile);
  const child = spawn(tools.node.bin, [
    tools.codeServer.entry,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir', dirs.ud,
    '--extensions-dir', dirs.ext,
    '--vscode-option', 'enable-smoke-test-driver',
    dirs.ws,
  ], {
    cwd: scratch,
    // detached = setsid(): one process group, so stop() also ends the file watcher and language servers.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      ...env,
      HOME: dirs.home,
      XDG_CONFIG_HOME: join(dirs.home, '.config'),
      XDG_DATA_HOME: join(dirs.home, '.local/share'),
      XDG_CACHE_HOME: join(dirs.home, '.cache'),
      PATH: `${join(tools.node.dir, 'bin')}:${process.env.PATH}`,
      // code-server must not think it runs inside another VS Code's terminal.
      VSCODE_IPC_HOOK_CLI: '',
    },
  });
  child.stdout.pipe(out);
  child.stderr.pipe(out);
  let exited = null;
  const exitedP = new Promise((resolve) => child.on('exit', (code, signal) => { exited = { code, signal }; resolve(exited); }));

  const host = {
    port, scratch, dirs, logFile, child, tools,
    base: `http://127.0.0.1:${port}`,
    remote: (path) => `vscode-remote://127.0.0.1:${port}${path}`,
    async stop() {
      if (exited) return;
      try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
      const t = setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, 5000);
      await exitedP;
      clearTimeout(t);
      // Whatever else is left in the group (watchers, language servers).
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
    },
    cleanup() {
      if (!keep) rmSync(scratch, { recursive: true, force: true });
    },
    log: () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : ''),
  };

  // Wait for /healthz (about a second), failing fast if code-server dies.
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new SetupError(`code-server exited during start-up (${JSON.stringify(exited)}):\n${host.log().slice(-3000)}`);
    try {
      const r = await globalThis.fetch(`${host.base}/healthz`);
      if (r.ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) {
      await host.stop();
      throw new SetupError(`code-server did not answer ${host.base}/healthz within 60 s:\n${host.log().slice(-3000)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return host;
}

/** The workbench URL that opens the scratch workspace with the extension under development (and, optionally, the suite). */
export function workbenchUrl(host, { tests } = {}) {
  const payload = [['extensionDevelopmentPath', host.remote(ROOT)]];
  if (tests) payload.push(['extensionTestsPath', host.remote(tests)]);
  return `${host.base}/?folder=${encodeURIComponent(host.dirs.ws)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** Debian's Chromium through playwright-core (never `playwright install`: it would download a browser). */
export async function launchBrowser(host, { viewport = { width: 1400, height: 900 } } = {}) {
  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    throw new SetupError('playwright-core is not installed: run npm ci first.');
  }
  try {
    const context = await chromium.launchPersistentContext(host.dirs.browser, {
      executablePath: host.tools.chromium,
      headless: true,
      viewport,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    });
    const page = context.pages()[0] ?? (await context.newPage());
    return { context, page };
  } catch (e) {
    throw new SetupError(`Could not start Chromium (${host.tools.chromium}): ${e.message.split('\n')[0]}`);
  }
}

/** The extension host's log file(s) of this run (mocha's clean output lands there). */
export function exthostLogs(host) {
  const root = join(host.dirs.ud, 'logs');
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true }).map(String).filter((f) => /remoteexthost\.log$/.test(f)).map((f) => join(root, f));
}
