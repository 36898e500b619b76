import { Anchor, Badge, Button, Card, Checkbox, Group, NumberInput, Radio, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, createLazyRoute, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useApi } from '../api/api-context';
import { ApiError, fieldErrors, idempotent, mayCall, ok } from '../api/client';
import { useCommand } from '../api/command';
import { useSession } from '../auth/auth-context';
import { formatCivilDate, formatInstantDateTime } from '../format';
import { useLocale, useT } from '../i18n/i18n';
import type { MessageId } from '../i18n/locales';
import { RequireAccess } from '../ui/guard';
import { Empty, ErrorState, Loading } from '../ui/states';
import '../ui/lazy-styles';

type Vote = { choice: 'admit' | 'refuse' | ''; score: number | string; reason: string };

/** One application before a member: its presentation slot and the member's vote (F-72, F-73 score). */
function VoteCard(props: { application: { id: string; bin: string; presentationAt: string | null; courses: { name: string }[] }; onVoted: () => void }) {
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  const a = props.application;
  const [vote, setVote] = useState<Vote>({ choice: '', score: '', reason: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState(false);
  const cast = useCommand(async (body: { choice: 'admit' | 'refuse'; score: number; reason: string }, key: string) =>
    ok(await api.POST('/api/training/provider-applications/{id}/votes', { params: { path: { id: a.id } }, body, ...idempotent(key) })),
  );
  const submit = async () => {
    setErrors({});
    if (!vote.choice) return setErrors({ choice: t('commissionT.vote.choiceRequired') });
    try {
      await cast.submit({ choice: vote.choice, score: Number(vote.score), reason: vote.reason.trim() });
      setDone(true);
      props.onVoted();
    } catch (e) {
      setErrors(fieldErrors(e));
    }
  };
  return (
    <Card withBorder padding="sm" data-testid="member-application" data-id={a.id}>
      <Group justify="space-between" gap="xs">
        <Text fw={600} size="sm">
          {a.bin} · {a.courses.map((c) => c.name).join(', ')}
        </Text>
        <Text size="xs" c="dimmed">
          {a.presentationAt ? t('commissionT.presents', { at: formatInstantDateTime(a.presentationAt, locale) }) : t('trainingApp.presentation.none')}
        </Text>
      </Group>
      {done ? (
        <Text size="sm" c="teal.9" data-testid="voted">
          {t('commissionT.voted')}
        </Text>
      ) : (
        <Stack gap="xs" mt="xs">
          <Radio.Group label={t('commissionT.vote.choice')} value={vote.choice} onChange={(v) => setVote((x) => ({ ...x, choice: v }))} error={errors.choice}>
            <Group gap="md" mt={4}>
              <Radio value="admit" label={t('commissionT.vote.admit')} data-testid="vote-admit" />
              <Radio value="refuse" label={t('commissionT.vote.refuse')} data-testid="vote-refuse" />
            </Group>
          </Radio.Group>
          <NumberInput
            label={t('commissionT.vote.score')}
            min={0}
            max={100}
            value={vote.score}
            onChange={(v) => setVote((x) => ({ ...x, score: v }))}
            error={errors.score}
            data-testid="vote-score"
          />
          <Textarea
            label={t('commissionT.vote.reason')}
            value={vote.reason}
            onChange={(e) => {
              const value = e.currentTarget.value; // read now: React clears currentTarget before a queued updater runs
              setVote((x) => ({ ...x, reason: value }));
            }}
            error={errors.reason}
            data-testid="vote-reason"
          />
          <Button onClick={() => void submit()} loading={cast.isPending} data-testid="cast-vote">
            {t('commissionT.vote.cast')}
          </Button>
          {cast.isError && Object.keys(errors).length === 0 && <ErrorState error={cast.error} action />}
        </Stack>
      )}
    </Card>
  );
}

/**
 * The Independent Commission of one intake (issue #13, F-69, F-72, F-73): a member declares conflicts
 * of interest before seeing any application (training answers 409 before), then sees the applications
 * without those they are conflicted with and votes on each after its presentation; everyone of the
 * Fund sees the presentation schedule; the F-73 quota calculation is shown with its snapshotted inputs
 * and downloadable as CSV (also by applicants: the mechanism is transparent).
 */
function TrainingCommissionPage() {
  const t = useT();
  const api = useApi();
  const session = useSession();
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  const id = useParams({ strict: false }).id ?? '';
  const path = { params: { path: { id } } };
  const isMember = session?.roles.includes('commission-member') ?? false;
  const mayReadMembers = mayCall(session, 'GET /api/training/intakes/{id}/commission');
  const members = useQuery({
    refetchOnMount: 'always', // a staff screen shows the file as it is now
    queryKey: ['training-commission', id, 'members'],
    enabled: mayReadMembers,
    queryFn: async () => ok(await api.GET('/api/training/intakes/{id}/commission', path)),
  });
  const me = members.data?.find((m) => m.subject === session?.subject);
  const declared = Boolean(me?.declaration);
  const applications = useQuery({
    refetchOnMount: 'always', // a staff screen shows the file as it is now
    queryKey: ['training-commission', id, 'applications'],
    enabled: isMember && declared,
    queryFn: async () => ok(await api.GET('/api/training/intakes/{id}/commission/applications', path)),
  });
  const schedule = useQuery({
    refetchOnMount: 'always', // a staff screen shows the file as it is now
    queryKey: ['training-commission', id, 'schedule'],
    enabled: mayCall(session, 'GET /api/training/intakes/{id}/commission/schedule') && (!isMember || declared),
    queryFn: async () => ok(await api.GET('/api/training/intakes/{id}/commission/schedule', path)),
  });
  const calculation = useQuery({
    refetchOnMount: 'always', // a staff screen shows the file as it is now
    queryKey: ['training-commission', id, 'quotas'],
    retry: false,
    queryFn: async () => {
      const res = await api.GET('/api/training/intakes/{id}/quota-calculation', path);
      if (res.response.status === 404) return null; // not decided yet
      return ok(res);
    },
  });
  const [declaration, setDeclaration] = useState({ hasConflict: false, bins: '', statement: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const declare = useCommand(async (body: { hasConflict: boolean; conflictingBins: string[]; statement: string }, key: string) =>
    ok(await api.POST('/api/training/intakes/{id}/commission/declaration', { ...path, body, ...idempotent(key) })),
  );
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['training-commission', id] });
  const submitDeclaration = async () => {
    setErrors({});
    try {
      await declare.submit({
        hasConflict: declaration.hasConflict,
        conflictingBins: declaration.hasConflict ? declaration.bins.split(/[\s,]+/).filter(Boolean) : [],
        statement: declaration.statement.trim(),
      });
      await refresh();
    } catch (e) {
      setErrors(fieldErrors(e));
    }
  };
  const download = async () => {
    const res = await api.GET('/api/training/intakes/{id}/quota-calculation.csv', { ...path, parseAs: 'text' });
    if (!res.response.ok) throw new ApiError(res.response.status, undefined);
    const url = URL.createObjectURL(new Blob([res.data as unknown as string], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `training-quotas-${id}.csv`;
    link.click();
    URL.revokeObjectURL(url);
  };

  return (
    <Stack gap="md" maw={1100}>
      <Anchor component={Link} to="/training" size="sm">
        {t('trainingApp.back')}
      </Anchor>
      <Title order={2}>{t('commissionT.title')}</Title>
      <Text c="dimmed" size="sm">
        {t('commissionT.intro')}
      </Text>

      {isMember &&
        (members.isPending ? (
          <Loading />
        ) : members.isError ? (
          <ErrorState error={members.error} onRetry={() => void members.refetch()} />
        ) : !me ? (
          <Empty>{t('commissionT.notMember')}</Empty>
        ) : !declared ? (
          <Card withBorder data-testid="declaration-form">
            <Title order={3} size="h4" mb="xs">
              {t('commissionT.declaration')}
            </Title>
            <Text size="sm" c="dimmed" mb="sm">
              {t('commissionT.declaration.hint')}
            </Text>
            <Stack gap="xs">
              <Checkbox
                label={t('commissionT.declaration.hasConflict')}
                checked={declaration.hasConflict}
                onChange={(e) => {
                  const checked = e.currentTarget.checked; // read now: React clears currentTarget before a queued updater runs
                  setDeclaration((d) => ({ ...d, hasConflict: checked }));
                }}
                data-testid="has-conflict"
              />
              {declaration.hasConflict && (
                <TextInput
                  label={t('commissionT.declaration.bins')}
                  value={declaration.bins}
                  onChange={(e) => {
                    const value = e.currentTarget.value; // read now: React clears currentTarget before a queued updater runs
                    setDeclaration((d) => ({ ...d, bins: value }));
                  }}
                  error={errors.conflictingBins}
                  data-testid="conflicting-bins"
                />
              )}
              <Textarea
                label={t('commissionT.declaration.statement')}
                value={declaration.statement}
                onChange={(e) => {
                  const value = e.currentTarget.value; // read now: React clears currentTarget before a queued updater runs
                  setDeclaration((d) => ({ ...d, statement: value }));
                }}
                error={errors.statement}
                data-testid="statement"
              />
              <Button onClick={() => void submitDeclaration()} loading={declare.isPending} data-testid="declare">
                {t('commissionT.declaration.submit')}
              </Button>
              {declare.isError && Object.keys(errors).length === 0 && <ErrorState error={declare.error} action />}
            </Stack>
          </Card>
        ) : (
          <Stack gap="sm">
            <Text size="sm" data-testid="declared">
              {t('commissionT.declared', { date: me.declaration ? formatCivilDate(me.declaration.declaredOn, locale) : '' })}
            </Text>
            {applications.isPending ? (
              <Loading />
            ) : applications.isError ? (
              <ErrorState error={applications.error} onRetry={() => void applications.refetch()} />
            ) : applications.data.filter((a) => a.status === 'complete').length === 0 ? (
              <Empty>{t('commissionT.applications.none')}</Empty>
            ) : (
              applications.data.filter((a) => a.status === 'complete').map((a) => <VoteCard key={a.id} application={a} onVoted={() => void refresh()} />)
            )}
          </Stack>
        ))}

      {schedule.data && (
        <Card withBorder data-testid="schedule">
          <Title order={3} size="h4" mb="sm">
            {t('commissionT.schedule')}
          </Title>
          {schedule.data.slots.length === 0 ? (
            <Empty>{t('commissionT.schedule.none')}</Empty>
          ) : (
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('commissionT.col.at')}</Table.Th>
                  <Table.Th>{t('form.bin')}</Table.Th>
                  <Table.Th>{t('queue.col.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {schedule.data.slots.map((s) => (
                  <Table.Tr key={s.applicationId} data-testid="slot">
                    <Table.Td>{t('commissionT.slot', { at: formatInstantDateTime(s.at, locale), minutes: s.minutes })}</Table.Td>
                    <Table.Td>{s.bin}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" tt="none">
                        {t(`trainingStatus.${s.status}` as MessageId)}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Card>
      )}

      <Card withBorder data-testid="quota-calculation">
        <Group justify="space-between" mb="sm">
          <Title order={3} size="h4">
            {t('commissionT.quotas')}
          </Title>
          {calculation.data && (
            <Button variant="light" size="xs" onClick={() => void download()} data-testid="download-csv">
              {t('commissionT.quotas.download')}
            </Button>
          )}
        </Group>
        {calculation.isPending ? (
          <Loading />
        ) : calculation.isError ? (
          <ErrorState error={calculation.error} onRetry={() => void calculation.refetch()} />
        ) : !calculation.data ? (
          <Empty>{t('commissionT.quotas.none')}</Empty>
        ) : (
          <>
            <Text size="sm" mb="xs" data-testid="quota-formula">
              {t('commissionT.quotas.formula', { version: calculation.data.formulaVersion, budget: calculation.data.budget })}
            </Text>
            <Table striped data-testid="quota-lines">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('trainingApp.col.application')}</Table.Th>
                  <Table.Th>{t('commissionT.col.score')}</Table.Th>
                  <Table.Th>{t('trainingApp.col.months')}</Table.Th>
                  <Table.Th>{t('commissionT.col.quota')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {calculation.data.lines.map((l) => (
                  <Table.Tr key={l.applicationId} data-testid="quota-line">
                    <Table.Td>
                      <Anchor component={Link} to="/training/applications/$id" params={{ id: l.applicationId } as never} size="sm">
                        {l.applicationId.slice(0, 8)}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{(l.inputs.commissionScoreMilli / 1000).toFixed(3)}</Table.Td>
                    <Table.Td>{l.inputs.courseMonths}</Table.Td>
                    <Table.Td fw={600}>{l.quota}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        )}
      </Card>
    </Stack>
  );
}

export const Route = createLazyRoute('/training/intakes/$id/commission')({
  component: () => (
    <RequireAccess op="GET /api/training/intakes/{id}/quota-calculation">
      <TrainingCommissionPage />
    </RequireAccess>
  ),
});
