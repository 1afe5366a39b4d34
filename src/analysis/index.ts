// What the adapters (CLI, extension, worker) and the tests import: the platform-neutral core, the rule
// registry, and the analysis that joins them. Layers, enforced by eslint.config.mjs: core ← rules ← analysis.
export * from '../core';
// This one knows the rules, so it replaces the core's.
export { parseConfig } from './config';
export { analyze, analyseDocument, runRules, buildAccountFor, type AnalysisResult } from './analyze';
export { PortfolioIndex } from './portfolio-index';
export { rules, ruleById } from '../rules';
