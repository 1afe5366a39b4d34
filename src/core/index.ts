// The public surface of the analysis core. Platform-neutral: no editor API, no Node built-ins, and no rules
// (src/analysis joins the core to the rule registry).
export * from './types';
export { buildAccount } from './model';
export { defineRule, DOCS_BASE, type Rule, type RuleMeta, type RuleContext, type Report, type CriteriaLookup } from './rule';
export { parseConfig, resolveConfig, defaultConfig, CONFIG_FILE_NAMES, type StarrConfig, type ResolvedConfig, type RuleSetting } from './config';
export { DEFAULT_FRAMEWORK, frameworkOrDefault, getFramework, getFrameworks } from './data';
export { parseYamlData, type DataProblem, type DataResult } from './yaml-data';
export { LineIndex } from './lines';
export { scanCritic } from './critic';
export { applyEdits } from './edits';
export { summarise, fingerprint, type AccountSummary } from './portfolio';
export { FEEDBACK_STATES, KNOWN_ROLES, formatComment, parseAuthor, stripCritic, type FeedbackState, type CriticScan } from './critic';
export * from './feedback';
export { CriteriaCatalog, loadCriteriaSet, bundledCriteriaSources, criterionIds, criteriaSetTemplate, type CriteriaSet, type CriterionDef, type LearningOutcome, type CommandVerb, type CriteriaProblem, type CriteriaSource, type CriteriaOrigin, type LoadedCriteriaSet, type CriteriaSetResult } from './criteria';
export * from './report';
export * from './sample';
export { computeCoverage, coverageByLearner, coverageMatrix, coverageCsv, coverageMarkdown, VERB_CUES, WEAK_REASON_TEXT, STATE_TEXT, type CoverageState, type WeakReason, type CoverageReport, type CoverageOptions, type UnitCoverage, type OutcomeCoverage, type CriterionCoverage, type AccountEvidence, type EvidenceRef, type OverClaim, type AccountRef, type UnassignedAccount, type Counts as CoverageCounts, type CoverageMatrix, type MatrixRow } from './coverage';
export { coverageFacts, CUE_FAMILIES, type CoverageFacts, type CueFamily } from './coverage-facts';
export { looksLikeAccount, countSectionHeadings, frontMatterOf } from './detect';
