import { Alert, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Textarea, Timeline, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, createLazyRoute, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useApi } from '../api/api-context';
import { fieldErrors, idempotent, ok } from '../api/client';
import { useCommand } from '../api/command';
import { fieldLabel } from '../forms/field-labels';
import { formatInstantDate } from '../format';
import { useLocale, useT } from '../i18n/i18n';
import type { MessageId } from '../i18n/locales';
import { DeadlinesCard } from '../ui/application-deadlines';
import { type CommissionDecision, DecisionAlert } from '../ui/decision-alert';
import { RequireAccess } from '../ui/guard';
import { Empty, ErrorState, Loading } from '../ui/states';
import '../ui/lazy-styles';

type Remark = { id: string; round: number; field: string; message: string; issuedAt: string; answer?: string; answeredAt?: string };

/**
 * One application (F-8 … F-19): its status timeline, each deadline of the Fund as the working-day
 * date registration computed (F-12, F-14, F-17 …), the remarks per field with their answers (F-14),
 * and — while remarks are open — the answers and the resubmission. Once the Commission has decided:
 * the decision with its F-16 grounds and reasons (F-17) and the extract of its protocol (issue #10).
 */
function ApplicationPage() {
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  const id = useParams({ strict: false }).id ?? '';
  const app = useQuery({
    queryKey: ['application', id],
    queryFn: async () => ok(await api.GET('/api/registration/applications/{id}', { params: { path: { id } } })),
  });
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const resubmit = useCommand(async (body: { answers: { remarkId: string; answer: string }[] }, key: string) =>
    ok(await api.POST('/api/registration/applications/{id}/resubmit', { params: { path: { id } }, body, ...idempotent(key) })),
  );

  if (app.isPending) return <Loading />;
  if (app.isError) return <ErrorState error={app.error} onRetry={() => void app.refetch()} />;
  const a = app.data;
  const remarks = a.remarks as Remark[];
  const open = remarks.filter((r) => !r.answer);
  const decided = (a.decision ?? null) as CommissionDecision | null;
  const label = (field: string) => {
    const id = fieldLabel(field);
    return id ? t(id) : field;
  };
  const send = async () => {
    setErrors({});
    try {
      await resubmit.submit({ answers: open.map((r) => ({ remarkId: r.id, answer: (answers[r.id] ?? '').trim() })).filter((x) => x.answer) });
      await queryClient.invalidateQueries({ queryKey: ['application', id] });
    } catch (e) {
      setErrors(fieldErrors(e));
    }
  };

  return (
    <Stack gap="md" maw={1000}>
      <Group justify="space-between" align="start">
        <div>
          <Title order={2}>{a.companyName}</Title>
          <Text c="dimmed" size="sm">
            {t('form.bin')}: {a.bin} · {t(`applicationKind.${a.kind}` as MessageId)}
          </Text>
        </div>
        <Badge size="lg" variant="light" tt="none" data-testid="application-status" data-status={a.status}>
          {t(`applicationStatus.${a.status}` as MessageId)}
        </Badge>
      </Group>
      {a.status === 'draft' && (
        <Alert color="blue" variant="light" title={t('application.draft')}>
          <Button component={Link} to="/my/applications/$id/edit" params={{ id } as never} mt="xs" data-testid="continue-filling">
            {t('application.continue')}
          </Button>
        </Alert>
      )}
      {decided && <DecisionAlert decided={decided} protocolDocumentId={a.protocolDocumentId} />}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Card withBorder>
          <Title order={3} size="h4" mb="sm">
            {t('application.timeline')}
          </Title>
          <Timeline active={a.history.length - 1} bulletSize={14} lineWidth={2} data-testid="timeline">
            {a.history.map((h, i) => (
              <Timeline.Item key={i} title={t(`applicationStatus.${h.to}` as MessageId)}>
                <Text size="xs" c="dimmed">
                  {formatInstantDate(h.at, locale)}
                </Text>
              </Timeline.Item>
            ))}
          </Timeline>
        </Card>
        <DeadlinesCard deadlines={a.deadlines} />
      </SimpleGrid>
      <Card withBorder>
        <Title order={3} size="h4" mb="sm">
          {t('application.remarks')}
        </Title>
        {remarks.length === 0 ? (
          <Empty>{t('application.remarks.none')}</Empty>
        ) : (
          <Stack gap="sm" data-testid="remarks">
            {remarks.map((r) => (
              <Card key={r.id} withBorder padding="sm" data-field={r.field}>
                <Group justify="space-between" gap="xs">
                  <Text fw={600} size="sm">
                    {label(r.field)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('application.remark.round', { round: r.round, date: formatInstantDate(r.issuedAt, locale) })}
                  </Text>
                </Group>
                <Text size="sm">{r.message}</Text>
                {r.answer ? (
                  <Text size="sm" mt={4} c="teal.9">
                    {t('application.remark.answer', { answer: r.answer })}
                  </Text>
                ) : a.status === 'remarks-issued' ? (
                  <Textarea
                    mt="xs"
                    label={t('application.remark.yourAnswer')}
                    value={answers[r.id] ?? ''}
                    onChange={(e) => setAnswers({ ...answers, [r.id]: e.currentTarget.value })}
                    error={errors.answers}
                    data-testid={`answer-${r.field}`}
                  />
                ) : null}
              </Card>
            ))}
            {a.status === 'remarks-issued' && open.length > 0 && (
              <Group>
                <Button onClick={() => void send()} loading={resubmit.isPending} data-testid="resubmit">
                  {t('application.resubmit')}
                </Button>
              </Group>
            )}
            {resubmit.isError && Object.keys(errors).length === 0 && <ErrorState error={resubmit.error} action />}
          </Stack>
        )}
      </Card>
    </Stack>
  );
}

export const Route = createLazyRoute('/my/applications/$id')({
  component: () => (
    <RequireAccess op="GET /api/registration/applications/{id}">
      <ApplicationPage />
    </RequireAccess>
  ),
});
