// Lets mocha load the TypeScript sources and tests directly (for Stryker, which mutates the sources in place
// of the bundles). esbuild-register compiles .ts on require; the imports the build's esbuild options handle
// are handled here the same way: `name.yaml?data` is the YAML read as data, a plain `.yaml` or `.md` import
// is the file's text. The build checks the data against its schemas; the unit tests run on the same files.
const Module = require('node:module');
const { readFileSync } = require('node:fs');
const { parse } = require('yaml');
const { register } = require('esbuild-register/dist/node');

register({ target: 'es2022', format: 'cjs', hookIgnoreNodeModules: true });

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request.endsWith('?data')) return resolve.call(this, request.slice(0, -'?data'.length), ...rest) + '?data';
  return resolve.call(this, request, ...rest);
};
Module._extensions['.yaml?data'] = (module, filename) => {
  module.exports = { __esModule: true, default: parse(readFileSync(filename.slice(0, -'?data'.length), 'utf8')) };
};
const text = (module, filename) => {
  module.exports = { __esModule: true, default: readFileSync(filename, 'utf8') };
};
Module._extensions['.yaml'] = text;
Module._extensions['.md'] = text;

// Property tests run thousands of cases each; a mutant that breaks a property almost always breaks it within
// a few hundred, and every surviving mutant runs every test that reaches it. So each property runs a tenth
// of its cases here (at least 100, or all of them when it asks for fewer).
const load = Module._load;
let fastCheck;
Module._load = function (request, ...rest) {
  const m = load.call(this, request, ...rest);
  if (request !== 'fast-check') return m;
  if (!fastCheck) {
    const assert = m.assert;
    const runs = (n = 100) => Math.min(n, Math.max(100, Math.round(n / 10)));
    fastCheck = { ...m, assert: (property, params) => assert(property, { ...params, numRuns: runs(params?.numRuns) }) };
    fastCheck.default = fastCheck;
  }
  return fastCheck;
};
