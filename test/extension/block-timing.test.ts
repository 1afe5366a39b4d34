import * as assert from 'node:assert/strict';
import { FROZE_MS, blockEntry } from '../../src/extension/block-timing';

describe('extension: logging work on the extension host', () => {
  it('says nothing of short work', () => {
    assert.equal(blockEntry('analysing a.md', 12), undefined);
  });

  it('logs routine timings at the debug level, not as warnings', () => {
    const entry = blockEntry('analysing a.md', 159.7);
    assert.deepEqual(entry, { level: 'debug', message: 'analysing a.md took 159.7 ms on the extension host' });
    assert.equal(blockEntry('warming up the parser', FROZE_MS - 1)?.level, 'debug');
  });

  it('warns when the editor was held up for a second or more, and says what to do', () => {
    const entry = blockEntry('analysing big.md', 2400);
    assert.equal(entry?.level, 'warn');
    assert.match(entry!.message, /^analysing big\.md held up the editor for 2\.4 s\. .*starr\.largeFileThreshold/);
  });
});
