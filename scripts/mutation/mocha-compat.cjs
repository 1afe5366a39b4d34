// Stryker's mocha runner (10.1) requires mocha's lib/cli/run-helpers and collect-files without an extension;
// mocha 12 ships them as .cjs, which require() does not try. Preloaded (NODE_OPTIONS) by run.mjs.
const Module = require('node:module');

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  try {
    return resolve.call(this, request, ...rest);
  } catch (e) {
    if (/[\\/]mocha[\\/]lib[\\/]cli[\\/][\w-]+$/.test(request)) return resolve.call(this, `${request}.cjs`, ...rest);
    throw e;
  }
};
