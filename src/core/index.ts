// The public surface of the analysis core. Platform-neutral: no editor API, no Node built-ins.
export * from './types';
export { analyze, runRules, buildAccountFor, type AnalyzeOptions, type AnalysisResult } from './analyze';
export { buildAccount } from './model';
export { defineRule, DOCS_BASE, type Rule, type RuleMeta, type RuleContext, type Report, type CriteriaLookup } from './rule';
export { parseConfig, resolveConfig, defaultConfig, CONFIG_FILE_NAMES, type StarrConfig, type ResolvedConfig, type RuleSetting } from './config';
export { getFramework, getFrameworks } from './data';
export { parseYamlData, type DataProblem, type DataResult } from './yaml-data';
export { LineIndex } from './lines';
export { scanCritic } from './critic';
export { applyEdits } from './edits';
export { rules, ruleById } from '../rules';
export { PortfolioIndex, summarise, fingerprint, type AccountSummary, type PortfolioHost } from './portfolio';
export { FEEDBACK_STATES, KNOWN_ROLES, formatComment, parseAuthor, stripCritic, type FeedbackState, type CriticScan } from './critic';
export * from './feedback';
export { CriteriaCatalog, loadCriteriaSet, bundledCriteriaSources, criterionIds, criteriaSetTemplate, type CriteriaSet, type CriterionDef, type LearningOutcome, type CommandVerb, type CriteriaProblem, type CriteriaSource, type CriteriaOrigin, type LoadedCriteriaSet, type CriteriaSetResult } from './criteria';
export * from './report';
export * from './sample';
