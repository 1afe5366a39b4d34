// Account summaries kept on disk while a portfolio command runs: one JSON line per account in a temporary
// file, read back when the report reaches the account. Memory holds only what orders and groups the accounts,
// so a report over 100,000 accounts needs little more than one over 1,000.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { AccountSummary } from '../core/portfolio';
import type { SummaryRef } from '../core/report';

/** Where an account's summary lies in the file, with what a report orders and groups by. */
export interface SpilledSummary extends SummaryRef {
  at: number;
  bytes: number;
}

/** Bytes gathered before they are written. */
const CHUNK = 1 << 20;

export class SummarySpill {
  private readonly dir: string;
  private fd: number | undefined;
  private size = 0;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  /** Learners and units repeat across accounts: one copy of each. */
  private readonly names = new Map<string, string>();

  constructor() {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'starr-'));
    this.fd = fs.openSync(path.join(this.dir, 'summaries.jsonl'), 'w+');
  }

  add(s: AccountSummary): SpilledSummary {
    const line = Buffer.from(`${JSON.stringify(s)}\n`, 'utf8');
    const ref: SpilledSummary = { uri: s.uri, learner: this.name(s.learner), at: this.size + this.pendingBytes, bytes: line.length - 1 };
    if (s.unit !== undefined) ref.unit = this.name(s.unit);
    if (s.template) ref.template = s.template;
    this.pending.push(line);
    this.pendingBytes += line.length;
    if (this.pendingBytes >= CHUNK) this.flush();
    return ref;
  }

  get(ref: SpilledSummary): AccountSummary {
    if (this.pendingBytes) this.flush();
    const buf = Buffer.allocUnsafe(ref.bytes);
    let n = 0;
    while (n < ref.bytes) {
      const got = fs.readSync(this.fd!, buf, n, ref.bytes - n, ref.at + n);
      // The file is ours and only grows: a short read means someone else cut it.
      if (got === 0) throw new Error(`The temporary file of account summaries in ${this.dir} was cut short while the report was being written.`);
      n += got;
    }
    return JSON.parse(buf.toString('utf8')) as AccountSummary;
  }

  /** Remove the file; call once the report is written (or the command failed). */
  close(): void {
    if (this.fd !== undefined) fs.closeSync(this.fd);
    this.fd = undefined;
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  private flush(): void {
    const all = Buffer.concat(this.pending);
    let n = 0;
    while (n < all.length) n += fs.writeSync(this.fd!, all, n, all.length - n, this.size + n);
    this.size += all.length;
    this.pending = [];
    this.pendingBytes = 0;
  }

  private name(s: string): string {
    const known = this.names.get(s);
    if (known !== undefined) return known;
    this.names.set(s, s);
    return s;
  }
}
