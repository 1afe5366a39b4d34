// The central registry: every rule, in the order findings are usually read.
import type { Rule } from '../core/rule';
import missingSection from './missing-section';
import feedbackMarkup from './feedback-markup';
import unknownCriterion from './unknown-criterion';

export const rules: Rule[] = [
  missingSection,
  feedbackMarkup,
  unknownCriterion,
];

export const ruleById = new Map(rules.map((r) => [r.meta.id, r]));
