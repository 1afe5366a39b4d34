// The public surface of the analysis core. Platform-neutral: no editor API, no Node built-ins, and no rules
// (src/analysis joins the core to the rule registry). Only what the adapters use: knip (npm run lint) says when
// an export here is no longer needed.
export * from './types';
export { type CriteriaLookup } from './rule';
export { addAllowedPhrase } from './allow-list';
export { parseConfig, resolveConfig, defaultConfig, CONFIG_FILE_NAMES, type StarrConfig, type ResolvedConfig } from './config';
export { DEFAULT_FRAMEWORK, frameworkOrDefault, getFramework, getFrameworks } from './data';
export { LineIndex } from './lines';
export { parseAuthor, scanCritic } from './critic';
export { applyEdits } from './edits';
export { disableFixes, lockedRegions, type LockedRegion } from './edit-safety';
export { summarise, fingerprint, sectionState, counted, type AccountSummary, type SectionState } from './portfolio';
export * from './feedback';
export { CriteriaCatalog, type CriteriaSource } from './criteria';
export * from './report';
export * from './sample';
export { reflectionDepth, DEPTH_TEXT, MOVE_TEXT, type ReflectionDepth } from './reflection';
export { looksLikeAccount } from './detect';
