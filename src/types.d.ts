// A `.yaml` import is the file's text (esbuild's text loader; see scripts/esbuild-options.mjs).
declare module '*.yaml' {
  const text: string;
  export default text;
}

// Bundled frameworks, lexicons and criteria sets: read from YAML and checked against their schemas at build time, carried as
// JSON (see scripts/esbuild-options.mjs).
declare module '*.yaml?data' {
  const value: unknown;
  export default value;
}
