import { List, Stack, Text } from '@mantine/core';
import { CalendarYearNotLoadedError, type WorkingDayCalendar, addCalendarDays, shippedKzCalendar } from '@hub/calendar';
import { formatCivilDate } from '../format';
import { useLocale, useT } from '../i18n/i18n';
import type { MessageId } from '../i18n/locales';

/** What the preview needs of a rule set (GET /api/clusters/rule-sets): its periods, in calendar or working days. */
export type PreviewRuleSet = {
  announcementLeadCalendarDays: number;
  complianceCheckWorkingDays: number;
  toInstituteWorkingDays: number;
  expertOpinionCalendarDaysAfterDeadline: number;
  opinionsToOrganiserWorkingDays: number;
  toCommissionWorkingDays: number;
  publicationWorkingDays: number;
};

/** A step's last day, or the year whose working-day calendar is missing (calendar.year-not-loaded). */
type Due = { on: string } | { missingYear: number };

/** The day as an attribute for tests and assistive tools, or nothing when it cannot be worked out. */
const dueOf = (d: Due): string | undefined => ('on' in d ? d.on : undefined);

const daysBetween = (from: string, to: string): number => Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000);

function plusWorkingDays(calendar: WorkingDayCalendar, from: Due, n: number): Due {
  if (!('on' in from)) return from;
  try {
    return { on: calendar.addWorkingDays(from.on, n) };
  } catch (e) {
    if (e instanceof CalendarYearNotLoadedError) return { missingYear: e.year };
    throw e;
  }
}

/**
 * The schedule a deadline implies, worked out the way the clusters context will (C-5, C-12, C-13, C-16 …
 * C-18), for an application filed on the deadline's day — the latest dates of each step. Calendar-day
 * periods need no calendar; working days come from the shipped Kazakh calendar (@hub/calendar, ADR 0122).
 */
export function announcementSchedule(set: PreviewRuleSet, today: string, deadlineOn: string, calendar: WorkingDayCalendar = shippedKzCalendar()) {
  const lead = daysBetween(today, deadlineOn);
  const compliance = plusWorkingDays(calendar, { on: deadlineOn }, set.complianceCheckWorkingDays); // C-12 (from the filing day)
  const toInstitute = plusWorkingDays(calendar, compliance, set.toInstituteWorkingDays); // C-13 (after the check period)
  const opinions: Due = { on: addCalendarDays(deadlineOn, set.expertOpinionCalendarDaysAfterDeadline) }; // C-16
  const toOrganiser = plusWorkingDays(calendar, opinions, set.opinionsToOrganiserWorkingDays); // C-17
  const toCommission = plusWorkingDays(calendar, toOrganiser, set.toCommissionWorkingDays); // C-18 (from the day received, at the latest)
  return { lead, leadMet: lead >= set.announcementLeadCalendarDays, compliance, toInstitute, opinions, toOrganiser, toCommission };
}

/**
 * C-3 … C-5 and what follows (issue #15, ADR 0122): before the organiser announces, the deadline, the
 * C-5 check of its lead in calendar days, and the later steps' last days. A year without calendar data is
 * said so (calendar.year-not-loaded) instead of a date; the context records the real dates as steps happen.
 */
export function AnnouncePreview(props: { set: PreviewRuleSet; today: string; deadlineOn: string; deadlineTime: string }) {
  const t = useT();
  const { locale } = useLocale();
  const { set, today, deadlineOn } = props;
  const s = announcementSchedule(set, today, deadlineOn);
  const date = (d: Due, rule: 'C-12' | 'C-13' | 'C-16' | 'C-17' | 'C-18', n: number) =>
    'on' in d ? (
      t(`clusters.announce.preview.${rule}` as MessageId, { date: formatCivilDate(d.on, locale), n })
    ) : (
      <span data-testid="announce-preview-no-calendar">{t('clusters.announce.preview.noCalendar', { rule, year: d.missingYear })}</span>
    );
  return (
    <Stack gap={4} data-testid="announce-preview">
      <Text size="sm" fw={600}>
        {t('clusters.announce.preview.title')}
      </Text>
      <Text size="sm" data-testid="announce-preview-deadline">
        {t('clusters.announce.preview.deadline', { date: formatCivilDate(deadlineOn, locale), time: props.deadlineTime || '18:00' })}
      </Text>
      <Text size="sm" c={s.leadMet ? '#1d6b34' : '#a51d1d'} data-testid="announce-preview-lead" data-met={s.leadMet}>
        {t(s.leadMet ? 'clusters.announce.preview.leadMet' : 'clusters.announce.preview.leadShort', { days: s.lead, min: set.announcementLeadCalendarDays })}
      </Text>
      <List size="sm" spacing={2} data-testid="announce-preview-steps">
        <List.Item data-testid="announce-preview-C-12" data-due={dueOf(s.compliance)}>
          {date(s.compliance, 'C-12', set.complianceCheckWorkingDays)}
        </List.Item>
        <List.Item data-testid="announce-preview-C-13" data-due={dueOf(s.toInstitute)}>
          {date(s.toInstitute, 'C-13', set.toInstituteWorkingDays)}
        </List.Item>
        <List.Item data-testid="announce-preview-C-16" data-due={dueOf(s.opinions)}>
          {date(s.opinions, 'C-16', set.expertOpinionCalendarDaysAfterDeadline)}
        </List.Item>
        <List.Item data-testid="announce-preview-C-17" data-due={dueOf(s.toOrganiser)}>
          {date(s.toOrganiser, 'C-17', set.opinionsToOrganiserWorkingDays)}
        </List.Item>
        <List.Item data-testid="announce-preview-C-18" data-due={dueOf(s.toCommission)}>
          {date(s.toCommission, 'C-18', set.toCommissionWorkingDays)}
        </List.Item>
        <List.Item data-testid="announce-preview-C-21">{t('clusters.announce.preview.C-21', { n: set.publicationWorkingDays })}</List.Item>
      </List>
      <Text size="xs" c="dimmed">
        {t('clusters.announce.preview.note')}
      </Text>
    </Stack>
  );
}
