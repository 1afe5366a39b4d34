// The central registry: every rule, in the order findings are usually read.
import type { Rule } from '../core/rule';
import missingSection from './missing-section';

export const rules: Rule[] = [
  missingSection,
];

export const ruleById = new Map(rules.map((r) => [r.meta.id, r]));
