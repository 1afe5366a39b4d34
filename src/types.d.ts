// Bundled data files are imported as text by esbuild (see scripts/build.mjs).
declare module '*.yaml' {
  const text: string;
  export default text;
}

// Bundled frameworks and lexicons: read from YAML and checked against their schemas at build time, carried as
// JSON (see scripts/build.mjs).
declare module '*.yaml?data' {
  const value: unknown;
  export default value;
}
