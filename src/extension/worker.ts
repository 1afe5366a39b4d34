// Analyses large documents away from the extension host's thread. Built twice by scripts/build.mjs:
// dist/worker.js (Node worker_threads) and dist/web/worker.js (a Web Worker in the browser).
import './web-shim';
import { CriteriaCatalog } from '../core';
import { analyseRequest, type CriteriaData } from './document-analysis';
import type { WorkerRequest, WorkerResponse } from './worker-protocol';
import './web-shim-end';

/** The criteria lookup, built once for each version of the sets (every request carries them). */
let criteria: { key: string; catalog: CriteriaCatalog } | undefined;
function catalogFor(data: CriteriaData): CriteriaCatalog {
  if (criteria?.key !== data.key) criteria = { key: data.key, catalog: new CriteriaCatalog({ centre: data.centre }) };
  return criteria.catalog;
}

function handle(req: WorkerRequest): WorkerResponse {
  try {
    const start = performance.now();
    const { findings, summary, frontMatter, locked } = analyseRequest(req, catalogFor(req.criteria))!;
    return { id: req.id, ok: true, findings, summary, frontMatter, locked, ms: performance.now() - start };
  } catch (e) {
    return { id: req.id, ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

declare const module: { require?: (id: string) => unknown } | undefined;
// The module name is built at run time so the browser bundle never tries to resolve it.
const threads = typeof module !== 'undefined' && typeof module?.require === 'function'
  ? (module.require(['worker', 'threads'].join('_')) as { parentPort: { on(e: 'message', f: (m: WorkerRequest) => void): void; postMessage(m: WorkerResponse): void } | null })
  : undefined;

if (threads?.parentPort) {
  const port = threads.parentPort;
  port.on('message', (req) => port.postMessage(handle(req)));
} else {
  const scope = globalThis as unknown as { onmessage: ((e: { data: WorkerRequest }) => void) | null; postMessage(m: WorkerResponse): void };
  scope.onmessage = (e) => scope.postMessage(handle(e.data));
}
