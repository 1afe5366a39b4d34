// Installs what the real-VS-Code test route needs, cached under .test-tools/ (gitignored):
// Node 24 from the npm registry (code-server needs it), code-server from npm, and Debian's Chromium.
// Idempotent: a second run only checks. Every failure throws a SetupError with a plain next step.
// Usage: node scripts/vscode-test/setup.mjs   (also called by run.mjs and screenshots.mjs)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const TOOLS = process.env.STARR_TEST_TOOLS ? resolve(process.env.STARR_TEST_TOOLS) : join(ROOT, '.test-tools');
export const NODE_VERSION = process.env.STARR_TEST_NODE_VERSION ?? '24.21.0';
export const CODE_SERVER_VERSION = process.env.STARR_TEST_CODE_SERVER_VERSION ?? '4.139.1';

export class SetupError extends Error {}

const log = (s) => process.stderr.write(`[vscode-test setup] ${s}\n`);
const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;
const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], ...opts });
  if (r.error) throw new SetupError(`Could not run ${cmd}: ${r.error.message}`);
  if (r.status !== 0) throw new SetupError(`${cmd} ${args.join(' ')} failed (exit code ${r.status}).`);
  return r;
}

/** Debian packages, installed with apt-get when we are root; otherwise a clear instruction. */
let aptUpdated = false;
function aptInstall(packages, why) {
  const hint = `Install them with: sudo apt-get update && sudo apt-get install -y ${packages.join(' ')}`;
  if (process.env.STARR_TEST_NO_APT === '1' || !isRoot() || !has('apt-get')) {
    throw new SetupError(`${why} needs the Debian package(s) ${packages.join(', ')}, which are not installed. ${hint}`);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  log(`installing Debian package(s) ${packages.join(' ')} with apt-get`);
  if (!aptUpdated) { run('apt-get', ['update', '-qq'], { env }); aptUpdated = true; }
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { env });
}

/** The Chromium to drive: $STARR_CHROMIUM, else Debian's /usr/bin/chromium (installed if we can). */
export function findChromium({ install = true } = {}) {
  const chosen = process.env.STARR_CHROMIUM;
  if (chosen) {
    if (existsSync(chosen)) return chosen;
    throw new SetupError(`STARR_CHROMIUM is set to ${chosen}, but there is no browser there. Point it at a Chromium binary, or unset it to use Debian's /usr/bin/chromium.`);
  }
  for (const c of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) if (existsSync(c)) return c;
  if (install) {
    aptInstall(['chromium'], 'Running the tests in a real VS Code (a headless browser)');
    if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  }
  throw new SetupError('No Chromium browser found at /usr/bin/chromium. The in-editor tests need it: sudo apt-get install -y chromium (or set STARR_CHROMIUM to a Chromium binary).');
}

const nodeArch = () => ({ x64: 'x64', arm64: 'arm64' })[process.arch];

/** Node 24 unpacked from the npm registry's node-linux-<arch> package (it carries bin/node and include/node headers). */
export function ensureNode24() {
  const arch = nodeArch();
  if (process.platform !== 'linux' || !arch) throw new SetupError(`The code-server test route supports Linux x64/arm64 only (this is ${process.platform}-${process.arch}). Use npm run test:electron instead.`);
  const dir = join(TOOLS, `node-v${NODE_VERSION}-linux-${arch}`);
  const bin = join(dir, 'bin', 'node');
  if (existsSync(bin) && existsSync(join(dir, 'include', 'node', 'node.h'))) return { dir, bin };
  mkdirSync(TOOLS, { recursive: true });
  const tmp = mkdtempSync(join(TOOLS, '.node-'));
  try {
    log(`fetching Node ${NODE_VERSION} (node-linux-${arch}) from the npm registry`);
    run('npm', ['pack', `node-linux-${arch}@${NODE_VERSION}`, '--silent', '--pack-destination', tmp], { cwd: tmp, env: childEnv(), stdio: ['ignore', 'ignore', 'inherit'] });
    const tgz = readdirSync(tmp).find((f) => f.endsWith('.tgz'));
    if (!tgz) throw new SetupError(`npm pack node-linux-${arch}@${NODE_VERSION} produced no tarball.`);
    const unpacked = join(tmp, 'unpacked');
    mkdirSync(unpacked);
    run('tar', ['-xzf', join(tmp, tgz), '-C', unpacked, '--strip-components=1']);
    if (!existsSync(join(unpacked, 'bin', 'node'))) throw new SetupError(`node-linux-${arch}@${NODE_VERSION} has no bin/node.`);
    rmSync(dir, { recursive: true, force: true });
    renameSync(unpacked, dir); // atomic: a half-unpacked Node is never mistaken for a finished one
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return { dir, bin };
}

/**
 * The environment for the nested npm, without what an outer `npm test` exports: npm reads every `npm_config_*`
 * variable as its own setting, so the outer run's `npm_config_user_agent` (naming Node 20) would reach
 * code-server's install script, which then refuses the Node 24 it is actually running on.
 */
export function childEnv(env = process.env) {
  const out = {};
  for (const [k, v] of Object.entries(env)) {
    if (/^npm_/i.test(k) || k === 'NODE' || k === 'INIT_CWD') continue;
    out[k] = v;
  }
  // npm also puts the project's node_modules/.bin folders and its node-gyp shim first on PATH.
  out.PATH = (env.PATH ?? '').split(':').filter((p) => p && !/node_modules[\\/]\.bin$|run-script[\\/]lib[\\/]node-gyp-bin$/.test(p)).join(':');
  return out;
}

/** code-server from npm, its native modules rebuilt against Node 24's headers. */
export function ensureCodeServer(node) {
  const dir = join(TOOLS, `code-server-${CODE_SERVER_VERSION}-node${NODE_VERSION}`);
  const entry = join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  const done = join(dir, '.installed');
  if (existsSync(entry) && existsSync(done)) return { dir, entry };
  // kerberos (a code-server dependency) builds from source and needs the Kerberos headers.
  if (!existsSync('/usr/include/gssapi/gssapi.h') && !has('krb5-config')) aptInstall(['libkrb5-dev'], 'Building code-server');
  for (const tool of ['python3', 'make', 'g++']) {
    if (!has(tool)) throw new SetupError(`Building code-server's native modules needs ${tool}, which is not installed.`);
  }
  mkdirSync(TOOLS, { recursive: true });
  const tmp = mkdtempSync(join(TOOLS, '.code-server-'));
  try {
    // Its own package.json, so npm does not climb up to the project's.
    writeFileSync(join(tmp, 'package.json'), JSON.stringify({ name: 'starr-test-code-server', private: true }, null, 2));
    log(`installing code-server@${CODE_SERVER_VERSION} with Node ${NODE_VERSION} (about 1.5 minutes on 2 cores)`);
    const clean = childEnv();
    const env = {
      ...clean,
      PATH: `${join(node.dir, 'bin')}:${clean.PATH}`,
      npm_config_nodedir: node.dir,
      npm_config_fund: 'false',
      npm_config_audit: 'false',
      npm_config_update_notifier: 'false',
    };
    run('npm', ['install', '--no-save', '--no-package-lock', '--loglevel=error', `code-server@${CODE_SERVER_VERSION}`], { cwd: tmp, env });
    if (!existsSync(join(tmp, 'node_modules', 'code-server', 'out', 'node', 'entry.js'))) {
      throw new SetupError(`npm installed code-server@${CODE_SERVER_VERSION}, but its entry point is missing.`);
    }
    writeFileSync(join(tmp, '.installed'), `${new Date().toISOString()}\n`);
    rmSync(dir, { recursive: true, force: true });
    renameSync(tmp, dir);
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  return { dir, entry };
}

/** Everything the route needs: { node, codeServer, chromium }. Throws SetupError with a plain message. */
export function ensureTools({ quiet = false } = {}) {
  const t0 = Date.now();
  const chromium = findChromium();
  const node = ensureNode24();
  const codeServer = ensureCodeServer(node);
  if (!quiet) log(`ready in ${((Date.now() - t0) / 1000).toFixed(1)} s: Node ${NODE_VERSION}, code-server ${CODE_SERVER_VERSION}, ${chromium}`);
  return { node, codeServer, chromium };
}

/** Size on disk of a folder, in MB (for the report). */
export function sizeMB(dir) {
  let total = 0;
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) total += statSync(p).size;
    }
  };
  if (existsSync(dir)) walk(dir);
  return Math.round(total / 1e6);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    ensureTools();
  } catch (e) {
    process.stderr.write(`\n${e instanceof SetupError ? e.message : e.stack}\n`);
    process.exit(1);
  }
}
