import assert from 'node:assert/strict';
import { HOST_BUDGET_MS, HostBudget, UNMEASURED_HOST_CHARS } from '../../src/extension/host-budget';

describe('host budget: where the editor checks a document', () => {
  const THRESHOLD = 100_000;

  it('checks a short document never measured on the host, and a longer one in the worker', () => {
    const b = new HostBudget();
    assert.equal(b.placeFor('a', UNMEASURED_HOST_CHARS, THRESHOLD), 'host');
    assert.equal(b.placeFor('a', UNMEASURED_HOST_CHARS + 1, THRESHOLD), 'worker');
  });

  it('decides from the measured cost, not the size: a quick 50 KB document stays on the host, a slow 5 KB one does not', () => {
    const b = new HostBudget();
    b.record('prose', 50_000, 10); // 0.2 µs a character
    b.record('lists', 5_000, 150); // 30 µs a character
    assert.equal(b.placeFor('prose', 50_000, THRESHOLD), 'host');
    assert.equal(b.placeFor('lists', 5_000, THRESHOLD), 'worker');
    // Grown since it was measured: the cost is scaled to the length now.
    assert.equal(b.placeFor('prose', 200_000 - 1, 1_000_000), 'worker');
  });

  it('keeps half the budget in hand, and sends everything over the threshold to the worker', () => {
    const b = new HostBudget();
    b.record('x', 1_000, HOST_BUDGET_MS / 2);
    assert.equal(b.placeFor('x', 1_000, THRESHOLD), 'host');
    assert.equal(b.placeFor('x', 1_001, THRESHOLD), 'worker');
    b.record('y', 1_000, 0.1);
    assert.equal(b.placeFor('y', THRESHOLD + 1, THRESHOLD), 'worker');
    assert.equal(b.fitsHost(1_000, HOST_BUDGET_MS / 2), true);
    assert.equal(b.fitsHost(1_000, HOST_BUDGET_MS / 2 + 0.01), false);
  });

  it('forgets a closed document, which is then measured again', () => {
    const b = new HostBudget();
    b.record('a', 10_000, 1);
    assert.equal(b.measured('a'), true);
    b.forget('a');
    assert.equal(b.measured('a'), false);
    assert.equal(b.placeFor('a', 10_000, THRESHOLD), 'worker');
  });
});
