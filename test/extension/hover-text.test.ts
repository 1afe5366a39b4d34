import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { hoverExample } from '../../src/extension/hover-text';

describe('extension: the example a hover shows', () => {
  it('is the one marked for learners, not the first good example', () => {
    const page = '```markdown good\n    dealt with (in code, ignored)\n```\n\n```markdown good hover\n## Action\n\nI rang the depot.\n```\n';
    assert.equal(hoverExample(page), '## Action\n\nI rang the depot.');
    assert.equal(hoverExample('```markdown good\nI rang.\n```\n'), undefined, 'no marked example, no example');
  });

  it('for personal data is a learner\'s anonymised writing, with nothing from the rule\'s tests', () => {
    const example = hoverExample(readFileSync('docs/rules/personal-data.md', 'utf8'));
    assert.ok(example);
    assert.match(example, /Mrs S \(Customer A\)/);
    assert.doesNotMatch(example, /@|ignored|code block/);
  });
});
