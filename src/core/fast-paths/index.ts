/**
 * The speed tricks the analysis keeps, each because it saves at least 5 % of analysing a typical account
 * (measured by `npm run bench tricks`, which also times each against its plain form). Everything else is
 * written the plain way. Each trick returns exactly what its plain form would; the tests in
 * test/core/fast-paths.test.ts hold each to a plain reference kept under test/.
 *
 * - Front matter in the common flat `key: value` shape is read without the full YAML parser
 *   (yaml-subset.ts); anything else goes to `yaml`.
 * - A phrase list is tried only at word starts whose first three letters can begin one of its matches
 *   (first-keys.ts works those out from the regex source; word-keys.ts finds word starts and their keys).
 * - Words are counted by a loop over the characters, not by running the word regex (word-count.ts).
 */
export { fastYamlMap } from './yaml-subset';
export { firstKeysOf } from './first-keys';
export { hasKey, nextWordStart, wordKeyAt } from './word-keys';
export { countWords } from './word-count';
