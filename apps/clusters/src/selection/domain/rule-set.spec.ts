import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RuleViolationError } from '@hub/kernel';
import { loadRuleSets } from '../infrastructure/selection.providers.js';
import { assertRuleSetOpenForNewRounds, inForceOn, ruleSetById } from './rule-set.js';

const sets = loadRuleSets();
const set2015 = ruleSetById(sets, 'kz-2015-1212');

describe('ADR 0080: the 2015 rule set as data (data/cluster-selection-rules.json)', () => {
  it('carries the parameters of the 2015 rules (C-5, C-12, C-13, C-16 … C-18, C-21) and the four Annex 4 criteria', () => {
    expect(set2015).toMatchObject({
      effectiveFrom: '2016-01-01',
      repealedFrom: '2022-06-27',
      announcementLeadCalendarDays: 60,
      complianceCheckWorkingDays: 5,
      toInstituteWorkingDays: 3,
      expertOpinionCalendarDaysAfterDeadline: 60,
      opinionsToOrganiserWorkingDays: 5,
      toCommissionWorkingDays: 3,
      publicationWorkingDays: 3,
    });
    expect(set2015.criteria.map((c) => c.code)).toEqual(['value-chain', 'regional-environment', 'socio-economic-impact', 'development-prospects']);
  });

  it('is in force from 1 Jan 2016 until the day before its repeal', () => {
    expect(inForceOn(set2015, '2015-12-31')).toBe(false);
    expect(inForceOn(set2015, '2016-01-01')).toBe(true);
    expect(inForceOn(set2015, '2022-06-26')).toBe(true);
    expect(inForceOn(set2015, '2022-06-27')).toBe(false);
  });

  it('C-3: runs new rounds while in force and refuses them once repealed', () => {
    expect(() => assertRuleSetOpenForNewRounds(set2015, '2019-03-01')).not.toThrow();
    expect(() => assertRuleSetOpenForNewRounds(set2015, '2026-11-16')).toThrow(RuleViolationError);
    expect(() => assertRuleSetOpenForNewRounds(set2015, '2015-06-01')).toThrow(/in force only from 2016-01-01/);
  });

  it('a bad file stops the app with the path named', () => {
    const path = new URL('../../../test/support/rule-sets.test.json', import.meta.url);
    expect(loadRuleSets(path)).toHaveLength(2); // a successor set is data, not code
    const broken = JSON.parse(readFileSync(path, 'utf8')) as { ruleSets: Record<string, unknown>[] };
    delete broken.ruleSets[1]!['announcementLeadCalendarDays'];
    const file = join(mkdtempSync(join(tmpdir(), 'clusters-rules-')), 'broken.json');
    writeFileSync(file, JSON.stringify(broken));
    expect(() => loadRuleSets(file)).toThrow(/broken\.json: ruleSets\.1\.announcementLeadCalendarDays/);
  });
});
