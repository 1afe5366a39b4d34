import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { defaultConfig } from '../../src/core';
import type { WorkerRequest, WorkerResponse } from '../../src/extension/worker-protocol';

// The background worker (dist/worker.js, built with the tests) checks large documents: it must check criteria
// against the same sets as the extension host, including the centre's own.
describe('extension: background worker', function () {
  this.timeout(60_000);
  let worker: Worker;
  before(() => (worker = new Worker('./dist/worker.js')));
  after(() => worker.terminate());

  const ask = (req: WorkerRequest) =>
    new Promise<WorkerResponse>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.postMessage(req);
    });
  const centre = [{ text: readFileSync('test/fixtures/coverage/portfolio/criteria/centre-unit.yaml', 'utf8'), source: 'criteria/centre-unit.yaml' }];
  const account = (unit: string, criteria: string) => `---\ntitle: Complaint\nunit: ${unit}\ncriteria: [${criteria}]\n---\n\n## Situation\n\nA customer rang.\n`;
  const unknown = (r: WorkerResponse) => {
    assert.ok(r.ok, r.ok ? '' : r.error);
    return r.findings.filter((f) => f.ruleId === 'unknown-criterion').map((f) => f.message);
  };
  let id = 0;
  const request = (text: string, criteria = { key: 'centre', centre }): WorkerRequest => ({ id: ++id, uri: 'file:///a.md', text, config: defaultConfig(), now: Date.parse('2026-03-01'), criteria });

  it('knows the centre sets it is sent, and still flags criteria no unit has', async () => {
    assert.deepEqual(unknown(await ask(request(account('CENTRE-CARE', '"1.2"')))), []);
    assert.match(unknown(await ask(request(account('CENTRE-CARE', '"9.9"'))))[0], /Criterion 9\.9 \(in the front matter\) is not a criterion of unit CENTRE-CARE/);
  });

  it('knows the bundled sets without any centre set, and rebuilds its lookup when the sets change', async () => {
    assert.deepEqual(unknown(await ask(request(account('CS3-SP', '"1.1"'), { key: '', centre: [] }))), []);
    assert.match(unknown(await ask(request(account('CENTRE-CARE', '"1.2"'), { key: '', centre: [] })))[0], /I do not know the unit "CENTRE-CARE"/);
  });
});
