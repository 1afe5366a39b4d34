// Loads the QA fixture portfolio (test/fixtures/qa: four learners, two units) into a PortfolioIndex.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PortfolioIndex, defaultConfig, type AccountSummary } from '../../src/analysis';

export const QA_ROOT = 'test/fixtures/qa';

export function loadQa(root = QA_ROOT): AccountSummary[] {
  const index = new PortfolioIndex({ configFor: () => defaultConfig(), now: new Date('2026-07-01T00:00:00Z') });
  const files = readdirSync(root, { recursive: true }).map(String).filter((f) => f.endsWith('.md')).sort();
  for (const f of files) index.update(join(root, f).replace(/\\/g, '/'), readFileSync(join(root, f), 'utf8'));
  return index.all();
}
