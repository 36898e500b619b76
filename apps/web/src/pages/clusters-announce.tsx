import { Button, Card, Group, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useApi } from '../api/api-context';
import { fieldErrors, idempotent, ok } from '../api/client';
import { useCommand } from '../api/command';
import { formatCivilDate } from '../format';
import { useLocale, useT } from '../i18n/i18n';
import { ErrorState } from '../ui/states';
import { AnnouncePreview, type PreviewRuleSet } from './clusters-announce-preview';

type RuleSet = { id: string; title: string; inForceToday: boolean } & PreviewRuleSet;

/** Today in Asia/Almaty, as 'YYYY-MM-DD'. */
const almatyToday = (): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty' }).format(new Date());

/** A civil date plus calendar days (C-5, C-16 count calendar days: no working-day calendar needed). */
export function plusCalendarDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days, 12)).toISOString().slice(0, 10);
}

/**
 * C-3 … C-5: the organiser announces a round under a rule set in force (ADR 0080) with the instant
 * acceptance closes (C-9, C-11), in Asia/Almaty. The screen shows the earliest deadline the set allows
 * (today + its announcement lead in calendar days, 60 under the 2015 set) and the day the institute's
 * analysis is due after it (C-16); the context decides — a deadline too early is its 422, shown here.
 * ADR 0122: once a day is chosen, before submitting, the C-5 check and the later steps' last days on the
 * working-day calendar (`AnnouncePreview`).
 */
export function AnnounceRound(props: { ruleSets: RuleSet[] }) {
  const t = useT();
  const api = useApi();
  const navigate = useNavigate();
  const { locale } = useLocale();
  const inForce = props.ruleSets.filter((r) => r.inForceToday);
  const [ruleSetId, setRuleSetId] = useState(inForce[0]?.id ?? '');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [deadlineOn, setDeadlineOn] = useState('');
  const [deadlineTime, setDeadlineTime] = useState('18:00');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [tooEarly, setTooEarly] = useState(false);
  const announce = useCommand(async (body: { ruleSetId: string; title: string; description: string; applicationDeadline: string }, key: string) =>
    ok(await api.POST('/api/clusters/rounds', { body, ...idempotent(key) })),
  );
  const set = inForce.find((r) => r.id === ruleSetId);
  if (!set) return null;
  const earliest = plusCalendarDays(almatyToday(), set.announcementLeadCalendarDays);
  const submit = async () => {
    setErrors({});
    // Kept as a flag, translated when shown (follows a language switch).
    const early = Boolean(deadlineOn) && deadlineOn < earliest;
    setTooEarly(early);
    if (early) return;
    try {
      const { id } = await announce.submit({
        ruleSetId,
        title: title.trim(),
        description: description.trim(),
        // Asia/Almaty: UTC+5 since 1 March 2024, no daylight saving (the deadline is an instant there, C-11).
        applicationDeadline: deadlineOn ? `${deadlineOn}T${deadlineTime || '18:00'}:00+05:00` : '',
      });
      await navigate({ to: '/clusters/rounds/$id', params: { id } as never });
    } catch (e) {
      setErrors(fieldErrors(e));
    }
  };
  return (
    <Card withBorder padding="sm" data-testid="announce-round">
      <Stack gap="xs">
        <Text fw={600}>{t('clusters.announce.title')}</Text>
        <Select
          label={t('clusters.announce.ruleSet')}
          value={ruleSetId}
          allowDeselect={false}
          onChange={(v) => setRuleSetId(v ?? ruleSetId)}
          data={inForce.map((r) => ({ value: r.id, label: r.title }))}
          error={errors.ruleSetId}
          data-testid="announce-rule-set"
        />
        <TextInput
          label={t('clusters.announce.roundTitle')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={errors.title}
          data-testid="announce-title"
        />
        <Textarea
          label={t('clusters.announce.description')}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          error={errors.description}
          autosize
          minRows={2}
        />
        <Group gap="xs" align="start" grow>
          <TextInput
            label={t('clusters.announce.deadlineOn')}
            type="date"
            min={earliest}
            value={deadlineOn}
            onChange={(e) => {
              setDeadlineOn(e.currentTarget.value);
              setTooEarly(false);
            }}
            error={tooEarly ? t('clusters.announce.tooEarly', { date: formatCivilDate(earliest, locale) }) : errors.applicationDeadline}
            data-testid="announce-deadline"
          />
          <TextInput
            label={t('clusters.announce.deadlineTime')}
            type="time"
            value={deadlineTime}
            onChange={(e) => setDeadlineTime(e.currentTarget.value)}
            data-testid="announce-deadline-time"
          />
        </Group>
        <Text size="sm" data-testid="announce-lead">
          {t('clusters.announce.lead', { days: set.announcementLeadCalendarDays, date: formatCivilDate(earliest, locale) })}
        </Text>
        {deadlineOn && !tooEarly && (
          <Text size="sm" c="dimmed" data-testid="announce-window">
            {t('clusters.announce.window', {
              from: formatCivilDate(almatyToday(), locale),
              to: formatCivilDate(deadlineOn, locale),
              time: deadlineTime || '18:00',
              opinions: formatCivilDate(plusCalendarDays(deadlineOn, set.expertOpinionCalendarDaysAfterDeadline), locale),
            })}
          </Text>
        )}
        {deadlineOn && <AnnouncePreview set={set} today={almatyToday()} deadlineOn={deadlineOn} deadlineTime={deadlineTime} />}
        <Button onClick={() => void submit()} loading={announce.isPending} w="fit-content" data-testid="announce-submit">
          {t('clusters.announce.submit')}
        </Button>
        {announce.isError && Object.keys(errors).length === 0 && <ErrorState error={announce.error} action />}
      </Stack>
    </Card>
  );
}
