import { readFileSync } from 'node:fs';
import type { Provider } from '@nestjs/common';
import { z } from 'zod';
import { IsoDateSchema } from '@hub/contracts';
import { kzCalendar } from '@hub/calendar';
import { HUB_CONFIG } from '@hub/nest-commons';
import type { ClustersConfig } from '../../config.js';
import { RuleSetSource, WorkingDays } from '../application/ports/selection.ports.js';
import type { SelectionRuleSet } from '../domain/rule-set.js';

const days = (max: number) => z.int().min(1).max(max);

const RuleSetsFile = z.object({
  ruleSets: z
    .array(
      z.object({
        id: z.string().min(1).max(100),
        title: z.string().min(1),
        source: z.string().min(1),
        effectiveFrom: IsoDateSchema,
        repealedFrom: IsoDateSchema.nullable(),
        announcementLeadCalendarDays: days(365),
        complianceCheckWorkingDays: days(60),
        toInstituteWorkingDays: days(60),
        expertOpinionCalendarDaysAfterDeadline: days(365),
        opinionsToOrganiserWorkingDays: days(60),
        toCommissionWorkingDays: days(60),
        publicationWorkingDays: days(60),
        criteria: z.array(z.object({ code: z.string().min(1), ruleId: z.string().min(1), title: z.string().min(1) })).min(1),
      }),
    )
    .min(1),
});

export const DEFAULT_RULE_SETS_FILE = new URL('../../../data/cluster-selection-rules.json', import.meta.url);

/** Reads and checks the rule sets once at start (a bad file stops the app with the path named). */
export function loadRuleSets(path: string | URL = DEFAULT_RULE_SETS_FILE): readonly SelectionRuleSet[] {
  const parsed = RuleSetsFile.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  const name = typeof path === 'string' ? path : path.pathname;
  if (!parsed.success) throw new Error(`${name}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const ids = parsed.data.ruleSets.map((s) => s.id);
  if (new Set(ids).size !== ids.length) throw new Error(`${name}: rule set ids repeat`);
  return parsed.data.ruleSets;
}

export const selectionProviders: Provider[] = [
  {
    provide: WorkingDays,
    useFactory: (): WorkingDays => {
      const calendar = kzCalendar();
      return { add: (date, n) => calendar.addWorkingDays(date, n) };
    },
  },
  {
    provide: RuleSetSource,
    inject: [HUB_CONFIG],
    useFactory: (c: ClustersConfig): RuleSetSource => {
      const sets = loadRuleSets(c.CLUSTERS_RULE_SETS_FILE ?? DEFAULT_RULE_SETS_FILE);
      return { all: () => sets };
    },
  },
];
