// Settings files checked against the rule registry: rule ids, severities and each rule's declared options.
import { parseConfig as parseWith, ruleSettingsCheck, type ConfigResult } from '../core/config';
import { ruleById } from '../rules';

const check = ruleSettingsCheck(ruleById);

/** Parse and validate `.starr.yaml` text, rules and their options included. */
export function parseConfig(text: string): ConfigResult {
  return parseWith(text, check);
}
