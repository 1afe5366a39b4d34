// Imported first by the extension and the worker (esbuild emits modules in import order).
// @cfworker/json-schema computes a base URL from `self.location` when it loads: in a worker started from a
// blob: URL (VS Code's web extension host, and our own blob worker) that string is not a valid URL and the
// whole bundle fails to load. Hide `location` while the libraries load if it would fail; web-shim-end
// restores it. Nothing happens in Node (no `self`).
const scope = globalThis as { location?: { origin?: string; pathname?: string; search?: string } };
let hidden = false;

try {
  const loc = typeof self !== 'undefined' ? scope.location : undefined;
  if (loc) {
    try {
      new URL(`${loc.origin}${loc.pathname}${loc.search}`);
    } catch {
      Object.defineProperty(globalThis, 'location', { value: undefined, configurable: true, writable: true });
      hidden = true;
    }
  }
} catch {
  // Leave the host as it is.
}

export function restoreLocation(): void {
  if (hidden) {
    delete scope.location;
    hidden = false;
  }
}
