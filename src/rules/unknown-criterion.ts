import { CriteriaCatalog } from '../core/criteria';
import { defineRule } from '../core/rule';

export default defineRule(
  {
    id: 'unknown-criterion',
    defaultSeverity: 'warning',
    title: "Every criterion an account claims belongs to the account's unit.",
    rationale:
      'Assessors check each piece of evidence against the unit it is mapped to. A criterion number the unit does not have (a typo, or a number from another unit) evidences nothing, and the gap it was meant to fill stays open in your coverage.',
    fixable: true,
  },
  ({ account, criteria, report }) => {
    // Without loaded criteria sets there is nothing to check against.
    if (!criteria || !account.criteria.length && !account.frontMatter?.fields.unit) return;
    const fm = account.frontMatter;
    const unit = fm?.fields.unit?.trim();
    const catalog = criteria instanceof CriteriaCatalog ? criteria : undefined;
    if (unit && !criteria.hasUnit(unit)) {
      const span = fm?.fieldSpans.unit ?? fm?.span ?? { start: 0, end: 0 };
      const ids = catalog?.units().map((u) => u.set.id) ?? [];
      const near = nearest(ids, unit);
      const known = ids.length ? ` Units I know: ${ids.join(', ')}.` : '';
      report({
        message: `I do not know the unit "${unit}", so its criteria cannot be checked.${near.length === 1 ? ` Did you mean ${near[0]}?` : known} If your centre uses its own unit, add a criteria set for it (see the coverage guide).`,
        span,
        fixes: near.length === 1 ? [{ title: `Change the unit to ${near[0]}`, edits: [{ span, newText: near[0] }], preferred: true }] : undefined,
        data: { unit, known: ids },
      });
      return;
    }
    const unitName = unit ? catalog?.unit(unit)?.set.id ?? unit : undefined;
    for (const ref of account.criteria) {
      if (criteria.hasCriterion(unit, ref.id)) continue;
      const where = ref.source === 'front-matter' ? 'in the front matter' : 'in the text';
      const range = unit ? idRange(catalog, unit) : '';
      report({
        message: unitName
          ? `Criterion ${ref.id} (${where}) is not a criterion of unit ${unitName}${range}. Check the number against the unit's criteria, or correct the unit.`
          : `Criterion ${ref.id} (${where}) is not in any unit I know. Check the number, and name the unit in the front matter (unit: …).`,
        span: ref.span,
        data: { unit: unitName, criterion: ref.id, source: ref.source },
      });
    }
  },
);

const ranges = new WeakMap<object, string>();

function idRange(catalog: CriteriaCatalog | undefined, unit: string): string {
  const set = catalog?.unit(unit)?.set;
  if (!set) return '';
  let r = ranges.get(set);
  if (r === undefined) {
    const ids = set.learningOutcomes.flatMap((lo) => lo.criteria.map((c) => c.id));
    ranges.set(set, (r = ids.length ? ` (it has ${ids[0]} to ${ids[ids.length - 1]})` : ''));
  }
  return r;
}

/** The one id closest to what was written (ignoring case and punctuation), if it is a near miss. */
function nearest(ids: string[], written: string): string[] {
  const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  const scored = ids.map((id) => ({ id, d: distance(norm(id), norm(written)) })).filter((x) => x.d <= 2);
  const best = Math.min(...scored.map((x) => x.d));
  return scored.filter((x) => x.d === best).map((x) => x.id);
}

/** Edit distance, for "did you mean" on short unit ids. */
function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}
