// The central registry: every rule, in the order findings are usually read.
import type { Rule } from '../core/rule';
import missingSection from './missing-section';
import frontMatter from './front-matter';
import unstructuredAccount from './unstructured-account';
import sectionOrder from './section-order';
import duplicateSection from './duplicate-section';
import thinSection from './thin-section';
import sectionBalance from './section-balance';
import wordCount from './word-count';
import genericLanguage from './generic-language';
import hypotheticalLanguage from './hypothetical-language';
import collectiveVoice from './collective-voice';
import missingOutcomeMeasure from './missing-outcome-measure';
import noRealEvent from './no-real-event';
import thirdPersonAccount from './third-person-account';
import shallowReflection from './shallow-reflection';
import personalData from './personal-data';
import feedbackMarkup from './feedback-markup';
import unknownCriterion from './unknown-criterion';
import complexFormatting from './complex-formatting';
import unknownDirective from './unknown-directive';

export const rules: Rule[] = [
  frontMatter,
  unstructuredAccount,
  missingSection,
  sectionOrder,
  duplicateSection,
  thinSection,
  sectionBalance,
  wordCount,
  genericLanguage,
  hypotheticalLanguage,
  noRealEvent,
  thirdPersonAccount,
  collectiveVoice,
  missingOutcomeMeasure,
  shallowReflection,
  personalData,
  feedbackMarkup,
  unknownCriterion,
  complexFormatting,
  unknownDirective,
];

export const ruleById = new Map(rules.map((r) => [r.meta.id, r]));
