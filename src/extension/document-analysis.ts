// How the editor analyses one version of a document, the same on the extension host's thread and in the
// background worker. No editor API here: the worker bundles it too.
import { analyseDocument, lockedRegions, summarise, type AccountModel, type AccountSummary, type CancellationToken, type CriteriaLookup, type CriteriaSource, type Finding, type LockedRegion, type ResolvedConfig, type Span } from '../analysis';

/** One version of a document and the settings it is checked under. Plain data: it is posted to the worker as is. */
export interface AnalysisRequest {
  uri: string;
  text: string;
  config: ResolvedConfig;
  /** "Today" when the request was made (ms since the epoch). */
  now: number;
}

/** The centre's criteria sets as plain data (the bundled ones are in every bundle); `key` changes when they do. */
export interface CriteriaData {
  key: string;
  centre: CriteriaSource[];
}

export interface DocumentAnalysis {
  findings: Finding[];
  summary: AccountSummary;
  /** Where the front matter is, fences included, as the parse found it. */
  frontMatter?: Span;
  /** Where no fix may insert text or cut across (feedback marks, the front matter). */
  locked: LockedRegion[];
  account: AccountModel;
}

/** Undefined when cancelled part-way. */
export function analyseRequest(req: AnalysisRequest, criteria: CriteriaLookup, token?: CancellationToken): DocumentAnalysis | undefined {
  const { account, findings, cancelled } = analyseDocument({ uri: req.uri, text: req.text, config: req.config, criteria, now: new Date(req.now) }, token);
  if (cancelled) return undefined;
  return { findings, summary: summarise(req.uri, account, findings), frontMatter: account.frontMatter?.span, locked: lockedRegions(account), account };
}
