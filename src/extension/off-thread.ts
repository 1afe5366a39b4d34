import * as vscode from 'vscode';
import type { AccountSummary, Finding, LockedRegion, Span } from '../core';
import type { AnalysisRequest, CriteriaData } from './document-analysis';
import type { Log } from './log';
import type { WorkerRequest, WorkerResponse } from './worker-protocol';

/** How many workers in a row may fail before answering before this host is judged unable to run one. */
const START_ATTEMPTS = 3;
const NO_WORKER = 'The background analysis worker cannot run in this editor';

export interface OffThreadResult {
  findings: Finding[];
  summary: AccountSummary;
  frontMatter?: Span;
  locked: LockedRegion[];
  ms: number;
}

/** The one shape we need of a Node worker_threads Worker and of a Web Worker. */
interface Port {
  post(req: WorkerRequest): void;
  terminate(): void;
}

interface Job {
  req: WorkerRequest;
  /** An open document's check: it goes ahead of the workspace index's. */
  first: boolean;
  resolve(r: OffThreadResult | undefined): void;
  reject(e: Error): void;
}

/**
 * Runs the core on large documents in a worker, one job at a time. A newer request for the same document
 * replaces a queued one, and stops a running one (the worker is restarted): only the latest text matters.
 * Resolves undefined when a request was superseded.
 */
export class OffThreadAnalyser implements vscode.Disposable {
  private port: Port | undefined;
  private starting: Promise<Port> | undefined;
  private running: Job | undefined;
  private readonly queue: Job[] = [];
  private nextId = 1;
  private failed = false;
  /** Workers in a row that failed before answering once: past START_ATTEMPTS this host cannot run one. */
  private startFailures = 0;
  /** Whether the worker now running has answered since it was started. */
  private answered = false;
  /** For the in-editor tests: how many of the next starts load a script that is not there. */
  private faults = 0;

  constructor(private readonly extensionUri: vscode.Uri, private readonly log: Log) {}

  /** Whether this host can run a worker at all. */
  get available(): boolean {
    if (this.failed) return false;
    return process.env.STARR_WEB === '1' ? typeof Worker !== 'undefined' : true;
  }

  analyse(request: AnalysisRequest, criteria: CriteriaData, first = true): Promise<OffThreadResult | undefined> {
    const uri = request.uri;
    return new Promise((resolve, reject) => {
      for (let i = this.queue.length - 1; i >= 0; i--) {
        if (this.queue[i].req.uri === uri) this.queue.splice(i, 1)[0].resolve(undefined);
      }
      const job: Job = { req: { ...request, id: this.nextId++, criteria }, first, resolve, reject };
      const after = first ? this.queue.findIndex((j) => !j.first) : -1;
      if (after >= 0) this.queue.splice(after, 0, job);
      else this.queue.push(job);
      if (this.running?.req.uri === uri) {
        this.log.debug(`Stopping the background analysis of ${uri}: the text has changed`);
        this.running.resolve(undefined);
        this.running = undefined;
        this.port?.terminate();
        this.port = undefined;
      }
      this.pump();
    });
  }

  private pump(): void {
    if (this.running || !this.queue.length) return;
    if (this.failed) {
      for (const j of this.queue.splice(0)) j.reject(new Error(NO_WORKER));
      return;
    }
    const job = this.queue.shift()!;
    this.running = job;
    this.ensurePort().then(
      (port) => {
        // Superseded while the worker was starting: the next job is already on its way.
        if (this.running !== job) return;
        this.log.time('sending a document to the worker', () => port.post(job.req));
      },
      (e: unknown) => {
        this.failed = true;
        if (this.running === job) this.running = undefined;
        job.reject(e instanceof Error ? e : new Error(String(e)));
        this.pump();
      },
    );
  }

  private async ensurePort(): Promise<Port> {
    if (!this.port) {
      this.starting ??= this.start().finally(() => (this.starting = undefined));
      this.port = await this.starting;
    }
    return this.port;
  }

  private onMessage(res: WorkerResponse): void {
    const job = this.running;
    if (!job || job.req.id !== res.id) return;
    this.running = undefined;
    this.answered = true;
    this.startFailures = 0;
    if (res.ok) job.resolve({ findings: res.findings, summary: res.summary, frontMatter: res.frontMatter, locked: res.locked, ms: res.ms });
    else job.reject(new Error(res.error));
    this.pump();
  }

  private onError(err: unknown): void {
    this.log.error('The background analysis worker failed', err);
    const job = this.running;
    this.running = undefined;
    this.port?.terminate();
    this.port = undefined;
    if (!this.answered && ++this.startFailures < START_ATTEMPTS) {
      // A worker that never answered most often failed to load, which a busy browser does now and then:
      // start a fresh one for the same job.
      if (job) this.queue.unshift(job);
    } else {
      if (!this.answered) this.failed = true;
      job?.reject(err instanceof Error ? err : new Error(String(err)));
    }
    this.pump();
  }

  /** For the in-editor tests: make the next `n` worker starts fail to load, and forget earlier failures. */
  failNextStarts(n: number): void {
    this.faults = n;
    this.failed = false;
    this.startFailures = 0;
    // Every job from now on goes to a worker started from now on: a running one is stopped and queued again.
    if (this.running) this.queue.unshift(this.running);
    this.running = undefined;
    this.port?.terminate();
    this.port = undefined;
    this.pump();
  }

  private async start(): Promise<Port> {
    this.answered = false;
    const fault = this.faults > 0;
    if (fault) this.faults--;
    if (process.env.STARR_WEB === '1') {
      const script = vscode.Uri.joinPath(this.extensionUri, 'dist', 'web', 'worker.js');
      // A worker must be same-origin with its creator, and the extension's files are served from elsewhere
      // (vscode-remote: in code-server, a CDN on vscode.dev). So start a same-origin blob worker: with the
      // script itself when the file system can read it, else with a stub that imports it by URL.
      let blob: Blob;
      try {
        blob = new Blob([new TextDecoder().decode(await vscode.workspace.fs.readFile(script))], { type: 'application/javascript' });
      } catch {
        blob = new Blob([`importScripts(${JSON.stringify(script.toString(true))});`], { type: 'application/javascript' });
      }
      const url = URL.createObjectURL(blob);
      // A revoked URL fails to load just as a worker script does when the browser cannot fetch it.
      if (fault) URL.revokeObjectURL(url);
      const w = new Worker(url);
      w.onmessage = (e: MessageEvent<WorkerResponse>) => this.onMessage(e.data);
      w.onerror = (e) => {
        // Handled here: unhandled, a worker's error is reported again as an uncaught error of the extension host.
        e.preventDefault();
        this.onError(e.message);
      };
      return { post: (r) => w.postMessage(r), terminate: () => w.terminate() };
    }
    return this.startNode(fault);
  }

  private startNode(fault: boolean): Port {
    // Inside a constant branch so the browser bundle (STARR_WEB=1) drops the Node import altogether.
    if (process.env.STARR_WEB !== '1') {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { Worker: NodeWorker } = require('node:worker_threads') as typeof import('node:worker_threads');
      const w = new NodeWorker(vscode.Uri.joinPath(this.extensionUri, 'dist', fault ? 'no-such-worker.js' : 'worker.js').fsPath);
      w.on('message', (m: WorkerResponse) => this.onMessage(m));
      w.on('error', (e) => this.onError(e));
      // The worker must never keep the extension host alive on shutdown.
      w.unref();
      return { post: (r) => w.postMessage(r), terminate: () => void w.terminate() };
    }
    throw new Error('No worker threads in this host');
  }

  dispose(): void {
    for (const j of this.queue.splice(0)) j.resolve(undefined);
    this.running?.resolve(undefined);
    this.running = undefined;
    this.port?.terminate();
    this.port = undefined;
  }
}
