// The in-editor setup runs inside `npm test`; the nested npm that installs code-server must not inherit the
// outer npm's settings (its user agent names the outer Node, which code-server's install script refuses).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

describe('in-editor test setup: the nested npm environment', () => {
  it('drops npm_* settings, NODE and npm PATH entries, and keeps the rest', () => {
    const outer = {
      PATH: '/p/node_modules/.bin:/node_modules/.bin:/usr/lib/node_modules/npm/node_modules/@npmcli/run-script/lib/node-gyp-bin:/usr/local/bin:/usr/bin',
      npm_config_user_agent: 'npm/10.8.2 node/v20.20.2 linux x64',
      npm_node_execpath: '/usr/bin/node',
      NPM_CONFIG_PREFIX: '/x',
      NODE: '/usr/bin/node',
      INIT_CWD: '/p',
      HOME: '/root',
      CI: 'true',
    };
    const script = `import('./scripts/vscode-test/setup.mjs').then((m) => console.log(JSON.stringify(m.childEnv(${JSON.stringify(outer)}))))`;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), { HOME: '/root', CI: 'true', PATH: '/usr/local/bin:/usr/bin' });
  });
});
