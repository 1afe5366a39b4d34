// esbuild options shared by scripts/build.mjs and the test that builds the CLI bundle on its own.
import { Validator } from '@cfworker/json-schema';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';

// The bundled frameworks, lexicons and criteria sets are YAML in the repository, checked against their
// schemas. The build reads and checks them once (a broken file fails the build at its line), and the bundles
// carry the data as JSON: parsing that YAML and validating it at every start cost the CLI about 60 ms.
// Imported as `…/name.yaml?data`; a plain `.yaml` import is still the file's text.
const DATA_SCHEMAS = [
  [/[\\/]data[\\/]frameworks\.yaml$/, 'schemas/frameworks.schema.json'],
  [/[\\/]data[\\/]structure\.yaml$/, 'schemas/structure.schema.json'],
  [/[\\/]data[\\/]lexicons[\\/][^\\/]+\.yaml$/, 'schemas/lexicon.schema.json'],
  [/[\\/]criteria[\\/][^\\/]+\.yaml$/, 'schemas/criteria.schema.json'],
];
const bundledData = {
  name: 'bundled-data',
  setup(build) {
    build.onResolve({ filter: /\.yaml\?data$/ }, (args) => ({ path: join(args.resolveDir, args.path.slice(0, -'?data'.length)), namespace: 'bundled-data' }));
    build.onLoad({ filter: /.*/, namespace: 'bundled-data' }, (args) => {
      const file = relative(process.cwd(), args.path);
      const schemaFile = DATA_SCHEMAS.find(([re]) => re.test(args.path))?.[1];
      if (!schemaFile) return { errors: [{ text: `${file}: not a bundled data file (no schema for it in scripts/esbuild-options.mjs)` }] };
      const text = readFileSync(args.path, 'utf8');
      const lineCounter = new LineCounter();
      const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
      const at = (offset) => {
        const p = lineCounter.linePos(offset);
        return { file, line: p.line, column: p.col - 1, lineText: text.split('\n')[p.line - 1] ?? '' };
      };
      if (doc.errors.length) return { errors: doc.errors.map((e) => ({ text: e.message.split('\n')[0], location: at(e.pos[0]) })) };
      const value = doc.toJS();
      const result = new Validator(JSON.parse(readFileSync(schemaFile, 'utf8')), '2020-12', false).validate(value);
      if (!result.valid) return { errors: result.errors.map((e) => ({ text: `${file}: ${e.instanceLocation} ${e.error} (${schemaFile})` })) };
      // JSON.parse of a string literal is quicker for V8 to load than the same object written as code.
      return { contents: `export default JSON.parse(${JSON.stringify(JSON.stringify(value))});`, loader: 'js', watchFiles: [args.path, schemaFile] };
    });
  },
};

// micromark 4.0.3 moves a container's exit events with an EditMap, which copies the document's whole event
// array each time a nested list item or quote ends: parsing a 40 KB nested list took 10 s. The same move done
// in place (as micromark 3 did) gives the same events, in time that does not grow with the document. The
// build fails if the code it replaces is not there word for word, so an upgrade cannot skip it silently.
const EDIT_MAP_MOVE = `      const editMap = new EditMap();
      // Inject the exits earlier (they’re still also at the end).
      editMap.add(indexBeforeFlow + 1, 0, self.events.slice(indexBeforeExits));
      // Discard the duplicate exits.
      editMap.add(indexBeforeExits, index - indexBeforeExits, []);
      editMap.consume(self.events);`;
const IN_PLACE_MOVE = `      const exits = self.events.slice(indexBeforeExits);
      self.events.length = indexBeforeExits;
      self.events.splice(indexBeforeFlow + 1, 0, ...exits);`;
const linearContainerExits = {
  name: 'linear-container-exits',
  setup(build) {
    build.onLoad({ filter: /[\\/]micromark[\\/]lib[\\/]initialize[\\/]document\.js$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      const parts = text.split(EDIT_MAP_MOVE);
      if (parts.length !== 3) return { errors: [{ text: `${args.path}: the container-exit code to replace was found ${parts.length - 1} times, not 2 (see scripts/esbuild-options.mjs)` }] };
      return { contents: parts.join(IN_PLACE_MOVE), loader: 'js' };
    });
  },
};

export function commonOptions(production) {
  return {
    bundle: true,
    plugins: [bundledData, linearContainerExits],
    sourcemap: !production,
    minify: production,
    logLevel: 'warning',
    loader: { '.yaml': 'text', '.md': 'text' },
    target: 'es2022',
  };
}

// The Word converters (src/convert, over 1 MB bundled) are needed only by `starr import` and `starr export`: the CLI
// loads them from dist/convert.js, beside it, built by scripts/build.mjs for the extension too, so every other command
// starts without parsing them. (Tests bundle the CLI with the converters inside.)
const convertBesideCli = {
  name: 'convert-beside-cli',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/\.\.\/convert$/ }, (args) => (/[\\/]src[\\/]cli[\\/]commands$/.test(args.resolveDir) ? { path: './convert.js', external: true } : undefined));
  },
};

/** The CLI: one CommonJS file with a shebang, so `npx starr` runs it. */
export function cliOptions(outfile, production = false) {
  const common = commonOptions(production);
  return { ...common, plugins: [...common.plugins, convertBesideCli], entryPoints: ['src/cli/main.ts'], outfile, platform: 'node', format: 'cjs', banner: { js: '#!/usr/bin/env node' } };
}
