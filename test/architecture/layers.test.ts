import assert from 'node:assert/strict';
import { ESLint } from 'eslint';

// The layers are kept by `npm run lint` (eslint.config.mjs): these imports, linted as if written at each place,
// must be refused or allowed by that same configuration.
describe('architecture: layers and features (eslint)', function () {
  this.timeout(60_000);
  const eslint = new ESLint({ cwd: process.cwd() });
  const refused = async (filePath: string, from: string): Promise<string[]> => {
    const [r] = await eslint.lintText(`import * as m from '${from}';\nexport const x = m;\n`, { filePath });
    return r.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
  };
  const cases: [file: string, from: string, refuse: boolean][] = [
    ['src/core/model.ts', '../rules', true],
    ['src/core/model.ts', '../rules/util/text', true],
    ['src/core/model.ts', '../analysis', true],
    ['src/core/model.ts', '../extension/log', true],
    ['src/core/model.ts', './rule', false],
    ['src/rules/word-count.ts', '../cli/node-host', true],
    ['src/rules/word-count.ts', '../extension/log', true],
    ['src/rules/word-count.ts', '../analysis/analyze', true],
    ['src/rules/word-count.ts', '../core/rule', false],
    ['src/rules/util/text.ts', '../../cli/types', true],
    ['src/analysis/analyze.ts', '../cli/types', true],
    ['src/analysis/analyze.ts', '../rules', false],
    ['src/cli/parallel.ts', '../extension/log', true],
    ['src/analysis/analyze.ts', '../convert', true],
    ['src/core/model.ts', '../convert/limits', true],
    ['src/convert/prepare.ts', '../analysis/analyze', false],
    ['src/convert/prepare.ts', '../extension/log', true],
    ['src/convert/prepare.ts', '../cli/node-host', true],
    ['src/convert/prepare.ts', 'node:fs', true],
    ['src/convert/prepare.ts', 'vscode', true],
    ['src/cli/commands/export.ts', '../../convert', false],
    ['src/extension/word/index.ts', '../../convert/limits', false],
    ['src/extension/word/index.ts', '../coverage', true],
    ['src/extension/commands.ts', './diagnostics', true],
    ['src/extension/commands.ts', './coverage/catalog', true],
    ['src/extension/commands.ts', './findings', false],
    ['src/extension/coverage/index.ts', '../feedback/tree', true],
    ['src/extension/coverage/index.ts', '../../extension/report', true],
    ['src/extension/coverage/index.ts', '../../core/report', false],
    ['src/extension/coverage/index.ts', './tree', false],
    ['src/extension/coverage/index.ts', '../criteria-service', false],
    ['src/extension/analysis-service.ts', './status-bar', true],
    ['src/extension/analysis-service.ts', '../cli/parallel', true],
    ['src/extension/extension.ts', './coverage', false],
  ];
  for (const [file, from, refuse] of cases) {
    it(`${refuse ? 'refuses' : 'allows'} '${from}' in ${file}`, async () => {
      const messages = await refused(file, from);
      assert.equal(messages.length > 0, refuse, messages.join('\n') || 'no message');
    });
  }
});
