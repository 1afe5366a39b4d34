import assert from 'node:assert/strict';
import * as os from 'node:os';
import { PARALLEL_MIN_FILES, threadCount } from '../../src/cli/parallel';

describe('threadCount', () => {
  it('stays on the main thread for small runs, and leaves a core for V8', () => {
    assert.equal(threadCount(PARALLEL_MIN_FILES - 1, {}), 1);
    const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
    const n = threadCount(1000, {});
    assert.equal(n, cores - 1 >= 2 ? Math.min(cores - 1, 4) : 1);
  });

  it('takes STARR_THREADS when it is a whole number from 1, and ignores it otherwise', () => {
    assert.equal(threadCount(1000, { STARR_THREADS: '1' }), 1);
    assert.equal(threadCount(1000, { STARR_THREADS: '3' }), 3);
    assert.equal(threadCount(2, { STARR_THREADS: '3' }), 2, 'never more threads than files');
    assert.equal(threadCount(1000, { STARR_THREADS: '0' }), threadCount(1000, {}));
    assert.equal(threadCount(1000, { STARR_THREADS: 'lots' }), threadCount(1000, {}));
  });
});
