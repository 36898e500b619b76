import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, createLazyRoute, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useApi } from '../api/api-context';
import { fieldErrors, idempotent, mayCall, ok } from '../api/client';
import { useCommand } from '../api/command';
import { useSession } from '../auth/auth-context';
import { formatCivilDate, formatInstantDate, formatInstantDateTime, formatTiyn } from '../format';
import { useLocale, useT } from '../i18n/i18n';
import type { MessageId } from '../i18n/locales';
import { RequireAccess } from '../ui/guard';
import { Empty, ErrorState, Loading } from '../ui/states';
import '../ui/lazy-styles';

/** F-68: the eight refusal grounds by the name training gives them (refusal-grounds/*.ground.ts), in the reader's language. */
const GROUND_NAMES = {
  'tax-debt-above-6-mci': 'trainingGround.tax-debt-above-6-mci',
  'false-information': 'trainingGround.false-information',
  'bankruptcy-or-liquidation': 'trainingGround.bankruptcy-or-liquidation',
  'unfair-procurement-register': 'trainingGround.unfair-procurement-register',
  'unified-register-of-debtors': 'trainingGround.unified-register-of-debtors',
  'course-shorter-than-minimum': 'trainingGround.course-shorter-than-minimum',
  'no-detailed-curriculum': 'trainingGround.no-detailed-curriculum',
  'no-internet-resource-stating-participation': 'trainingGround.no-internet-resource-stating-participation',
} as const satisfies Record<string, MessageId>;

/**
 * One provider application of ICT training (issue #13), for the Fund's training officer and for the
 * provider itself: the courses (F-65), the F-68 completeness review with each of the eight grounds,
 * its source and date; the F-70 remarks (the officer writes them, the provider sees the F-71 day);
 * the presentation slot and the Commission's decision with quotas (F-72, F-73); the contract (F-75,
 * recorded by the officer); and the provider's trainee list (F-76: personal data, every read logged
 * by training). Each action shows only when the application's state allows it AND the gateway lets
 * the role call it; training decides and answers 409/422 otherwise.
 */
function TrainingApplicationPage() {
  const t = useT();
  const api = useApi();
  const session = useSession();
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  const id = useParams({ strict: false }).id ?? '';
  const path = { params: { path: { id } } };
  const app = useQuery({
    refetchOnMount: 'always', // a staff screen shows the file as it is now
    queryKey: ['provider-application', id],
    queryFn: async () => ok(await api.GET('/api/training/provider-applications/{id}', path)),
  });
  const mayReadReviews = mayCall(session, 'GET /api/training/provider-applications/{id}/completeness-reviews');
  const reviews = useQuery({
    refetchOnMount: 'always', // a staff screen shows the file as it is now
    queryKey: ['provider-application', id, 'reviews'],
    enabled: mayReadReviews,
    queryFn: async () => ok(await api.GET('/api/training/provider-applications/{id}/completeness-reviews', path)),
  });
  const hasContract = Boolean(app.data?.contract);
  const mayReadTrainees = hasContract && mayCall(session, 'GET /api/training/provider-applications/{id}/trainees');
  const trainees = useQuery({
    refetchOnMount: 'always', // a staff screen shows the file as it is now
    queryKey: ['provider-application', id, 'trainees'],
    enabled: mayReadTrainees,
    queryFn: async () => ok(await api.GET('/api/training/provider-applications/{id}/trainees', path)),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['provider-application', id] });
  const [remarkText, setRemarkText] = useState('');
  const [contract, setContract] = useState({ number: '', signedOn: '', documentId: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const remarks = useCommand(async (body: { items: string[] }, key: string) =>
    ok(await api.POST('/api/training/provider-applications/{id}/remarks', { ...path, body, ...idempotent(key) })),
  );
  const sign = useCommand(async (body: { number: string; signedOn: string; documentId: string }, key: string) =>
    ok(await api.POST('/api/training/provider-applications/{id}/contract', { ...path, body, ...idempotent(key) })),
  );
  const run = async (what: () => Promise<unknown>) => {
    setErrors({});
    try {
      await what();
      await refresh();
    } catch (e) {
      setErrors(fieldErrors(e));
    }
  };

  if (app.isPending) return <Loading />;
  if (app.isError) return <ErrorState error={app.error} onRetry={() => void app.refetch()} />;
  const a = app.data;
  const date = (d: string | null | undefined) => (d ? formatCivilDate(d, locale) : '—');
  const mayRemark = (a.status === 'filed' || a.status === 'review-overdue') && mayCall(session, 'POST /api/training/provider-applications/{id}/remarks');
  const maySign = a.status === 'admitted' && !a.contract && mayCall(session, 'POST /api/training/provider-applications/{id}/contract');
  const review = reviews.data?.[reviews.data.length - 1];

  return (
    <Stack gap="md" maw={1100}>
      <Anchor component={Link} to="/training" size="sm">
        {t('trainingApp.back')}
      </Anchor>
      <Group justify="space-between" align="start">
        <div>
          <Title order={2}>{t('trainingApp.title', { bin: a.bin })}</Title>
          <Text c="dimmed" size="sm">
            {t('trainingApp.filed', { date: formatInstantDate(a.filedAt, locale), due: date(a.reviewDueOn) })}
          </Text>
        </div>
        <Badge size="lg" variant="light" tt="none" data-testid="training-status" data-status={a.status}>
          {t(`trainingStatus.${a.status}` as MessageId)}
        </Badge>
      </Group>

      <Card withBorder>
        <Title order={3} size="h4" mb="sm">
          {t('trainingApp.courses')}
        </Title>
        <Table striped layout="fixed" style={{ overflowWrap: 'anywhere' }} data-testid="courses">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('trainingApp.col.course')}</Table.Th>
              <Table.Th>{t('trainingApp.col.months')}</Table.Th>
              <Table.Th>{t('trainingApp.col.hours')}</Table.Th>
              <Table.Th>{t('trainingApp.col.price')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {a.courses.map((c, i) => (
              <Table.Tr key={i}>
                <Table.Td>{c.name}</Table.Td>
                <Table.Td>{c.durationMonths}</Table.Td>
                <Table.Td>{c.curriculum.reduce((s, w) => s + w.academicHours, 0)}</Table.Td>
                <Table.Td>{formatTiyn(c.priceTiyn, locale)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        {mayReadReviews && (
          <Card withBorder data-testid="completeness-review">
            <Title order={3} size="h4" mb="sm">
              {t('trainingApp.review')}
            </Title>
            {reviews.isPending ? (
              <Loading />
            ) : reviews.isError ? (
              <ErrorState error={reviews.error} onRetry={() => void reviews.refetch()} />
            ) : !review ? (
              <Empty>{t('trainingApp.review.none')}</Empty>
            ) : (
              <Stack gap={4}>
                <Text size="sm" fw={600}>
                  {t('trainingApp.review.result', { result: t(`trainingApp.review.result.${review.result}`), date: date(review.reviewedOn) })}
                </Text>
                {review.outcomes.map((o) => (
                  <Text key={o.ruleId} size="sm" data-testid="ground" data-refuses={String(o.refuses)} c={o.refuses ? '#a51d1d' : undefined}>
                    {o.refuses ? '✗' : '✓'} {o.ruleId} {o.name in GROUND_NAMES ? t(GROUND_NAMES[o.name as keyof typeof GROUND_NAMES]) : o.name} —{' '}
                    <Text span size="xs" c="dimmed">
                      {o.source}, {date(o.checkedOn)}
                    </Text>
                  </Text>
                ))}
              </Stack>
            )}
          </Card>
        )}
        <Card withBorder data-testid="remarks">
          <Title order={3} size="h4" mb="sm">
            {t('trainingApp.remarks')}
          </Title>
          {a.remarks ? (
            <Stack gap={4}>
              {a.remarks.items.map((r, i) => (
                <Text key={i} size="sm" data-testid="remark">
                  {r}
                </Text>
              ))}
              <Text size="xs" c="dimmed">
                {a.remarks.fixedOn
                  ? t('trainingApp.remarks.fixed', { date: date(a.remarks.fixedOn) })
                  : t('trainingApp.remarks.due', { issued: date(a.remarks.issuedOn), due: date(a.remarks.fixDueOn) })}
              </Text>
            </Stack>
          ) : (
            <Empty>{t('trainingApp.remarks.none')}</Empty>
          )}
          {mayRemark && (
            <Stack gap="xs" mt="md">
              <Textarea
                label={t('trainingApp.remarks.compose')}
                description={t('trainingApp.remarks.hint')}
                autosize
                minRows={3}
                value={remarkText}
                onChange={(e) => setRemarkText(e.currentTarget.value)}
                error={errors.items}
                data-testid="remarks-text"
              />
              <Button
                onClick={() =>
                  void run(() =>
                    remarks.submit({
                      items: remarkText
                        .split('\n')
                        .map((l) => l.trim())
                        .filter(Boolean),
                    }),
                  )
                }
                loading={remarks.isPending}
                data-testid="issue-remarks"
              >
                {t('trainingApp.remarks.issue')}
              </Button>
              {remarks.isError && !errors.items && <ErrorState error={remarks.error} action />}
            </Stack>
          )}
        </Card>
      </SimpleGrid>

      <Card withBorder data-testid="decision">
        <Title order={3} size="h4" mb="sm">
          {t('trainingApp.decision')}
        </Title>
        <Stack gap={4}>
          <Text size="sm">
            {a.presentationAt
              ? t('trainingApp.presentation', { at: formatInstantDateTime(a.presentationAt, locale), minutes: a.presentationMinutes ?? 0 })
              : t('trainingApp.presentation.none')}
          </Text>
          {a.decidedOn ? (
            <>
              <Text size="sm" fw={600} data-testid="quotas">
                {a.status === 'admitted'
                  ? t('trainingApp.admitted', { date: date(a.decidedOn), quotas: a.quotas ?? 0 })
                  : t('trainingApp.rejected', { date: date(a.decidedOn) })}
              </Text>
              {a.refusalReasons.map((r, i) => (
                <Text key={i} size="sm">
                  {r}
                </Text>
              ))}
              <Text size="sm">{t('trainingApp.notice', { due: date(a.noticeDueOn), sent: date(a.noticeSentOn) })}</Text>
              {a.contractDueOn && <Text size="sm">{t('trainingApp.contractDue', { due: date(a.contractDueOn) })}</Text>}
            </>
          ) : (
            <Text size="sm" c="dimmed">
              {t('trainingApp.decision.none')}
            </Text>
          )}
          {a.contract && (
            <Text size="sm" fw={600} data-testid="contract">
              {t('training.next.contract', { number: a.contract.number, date: date(a.contract.signedOn) })}
            </Text>
          )}
        </Stack>
        {maySign && (
          <Stack gap="xs" mt="md" data-testid="contract-form">
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <TextInput
                label={t('trainingApp.contract.number')}
                value={contract.number}
                onChange={(e) => {
                  const value = e.currentTarget.value; // read now: React clears currentTarget before a queued updater runs
                  setContract((c) => ({ ...c, number: value }));
                }}
                error={errors.number}
                data-testid="field-number"
              />
              <TextInput
                type="date"
                label={t('trainingApp.contract.signedOn')}
                value={contract.signedOn}
                onChange={(e) => {
                  const value = e.currentTarget.value; // read now: React clears currentTarget before a queued updater runs
                  setContract((c) => ({ ...c, signedOn: value }));
                }}
                error={errors.signedOn}
                data-testid="field-signedOn"
              />
              <TextInput
                label={t('trainingApp.contract.document')}
                value={contract.documentId}
                onChange={(e) => {
                  const value = e.currentTarget.value; // read now: React clears currentTarget before a queued updater runs
                  setContract((c) => ({ ...c, documentId: value }));
                }}
                error={errors.documentId}
                data-testid="field-documentId"
              />
            </SimpleGrid>
            <Button onClick={() => void run(() => sign.submit(contract))} loading={sign.isPending} data-testid="sign-contract">
              {t('trainingApp.contract.record')}
            </Button>
            {sign.isError && Object.keys(errors).length === 0 && <ErrorState error={sign.error} action />}
          </Stack>
        )}
      </Card>

      {mayReadTrainees && (
        <Card withBorder data-testid="trainees">
          <Title order={3} size="h4" mb="sm">
            {t('trainingApp.trainees', { count: a.traineeCount, quotas: a.quotas ?? 0 })}
          </Title>
          <Text size="xs" c="dimmed" mb="xs">
            {t('trainingApp.trainees.logged')}
          </Text>
          {trainees.isPending ? (
            <Loading />
          ) : trainees.isError ? (
            <ErrorState error={trainees.error} onRetry={() => void trainees.refetch()} />
          ) : trainees.data.length === 0 ? (
            <Empty>{t('trainingApp.trainees.none')}</Empty>
          ) : (
            <Table striped data-testid="trainee-list">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('trainingApp.col.iin')}</Table.Th>
                  <Table.Th>{t('trainingApp.col.name')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {trainees.data.map((p) => (
                  <Table.Tr key={p.iin} data-testid="trainee">
                    <Table.Td>{p.iin}</Table.Td>
                    <Table.Td>{p.fullName}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Card>
      )}
    </Stack>
  );
}

export const Route = createLazyRoute('/training/applications/$id')({
  component: () => (
    <RequireAccess op="GET /api/training/provider-applications/{id}">
      <TrainingApplicationPage />
    </RequireAccess>
  ),
});
