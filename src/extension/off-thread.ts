import * as vscode from 'vscode';
import type { AccountSummary, Finding, ResolvedConfig } from '../core';
import type { Log } from './log';
import type { WorkerRequest, WorkerResponse } from './worker-protocol';

export interface OffThreadResult {
  findings: Finding[];
  summary: AccountSummary;
  ms: number;
}

/** The one shape we need of a Node worker_threads Worker and of a Web Worker. */
interface Port {
  post(req: WorkerRequest): void;
  terminate(): void;
}

interface Job {
  req: WorkerRequest;
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
  private running: Job | undefined;
  private readonly queue: Job[] = [];
  private nextId = 1;
  private failed = false;
  /** Whether the worker has ever answered: if it fails before that, this host cannot run it at all. */
  private worked = false;

  constructor(private readonly extensionUri: vscode.Uri, private readonly log: Log) {}

  /** Whether this host can run a worker at all. */
  get available(): boolean {
    if (this.failed) return false;
    return process.env.STARR_WEB === '1' ? typeof Worker !== 'undefined' : true;
  }

  analyse(uri: string, text: string, config: ResolvedConfig): Promise<OffThreadResult | undefined> {
    return new Promise((resolve, reject) => {
      for (let i = this.queue.length - 1; i >= 0; i--) {
        if (this.queue[i].req.uri === uri) this.queue.splice(i, 1)[0].resolve(undefined);
      }
      const job: Job = { req: { id: this.nextId++, uri, text, config, now: Date.now() }, resolve, reject };
      this.queue.push(job);
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
    const job = this.queue.shift()!;
    try {
      this.port ??= this.start();
    } catch (e) {
      this.failed = true;
      job.reject(e instanceof Error ? e : new Error(String(e)));
      return;
    }
    this.running = job;
    const port = this.port;
    this.log.time('sending a document to the worker', () => port.post(job.req));
  }

  private onMessage(res: WorkerResponse): void {
    const job = this.running;
    if (!job || job.req.id !== res.id) return;
    this.running = undefined;
    this.worked = true;
    if (res.ok) job.resolve({ findings: res.findings, summary: res.summary, ms: res.ms });
    else job.reject(new Error(res.error));
    this.pump();
  }

  private onError(err: unknown): void {
    this.log.error('The background analysis worker failed', err);
    if (!this.worked) this.failed = true;
    const job = this.running;
    this.running = undefined;
    this.port?.terminate();
    this.port = undefined;
    job?.reject(err instanceof Error ? err : new Error(String(err)));
    this.pump();
  }

  private start(): Port {
    if (process.env.STARR_WEB === '1') {
      const url = vscode.Uri.joinPath(this.extensionUri, 'dist', 'web', 'worker.js').toString(true);
      // A worker must be same-origin with its creator; the extension's files are served from another origin,
      // so start a same-origin blob worker that imports the script (importScripts may cross origins).
      const blob = new Blob([`importScripts(${JSON.stringify(url)});`], { type: 'application/javascript' });
      const w = new Worker(URL.createObjectURL(blob));
      w.onmessage = (e: MessageEvent<WorkerResponse>) => this.onMessage(e.data);
      w.onerror = (e) => this.onError(e.message);
      return { post: (r) => w.postMessage(r), terminate: () => w.terminate() };
    }
    return this.startNode();
  }

  private startNode(): Port {
    // Inside a constant branch so the browser bundle (STARR_WEB=1) drops the Node import altogether.
    if (process.env.STARR_WEB !== '1') {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { Worker: NodeWorker } = require('node:worker_threads') as typeof import('node:worker_threads');
      const w = new NodeWorker(vscode.Uri.joinPath(this.extensionUri, 'dist', 'worker.js').fsPath);
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
