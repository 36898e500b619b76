import { Alert, Badge, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createLazyRoute } from '@tanstack/react-router';
import { useState } from 'react';
import { useApi } from '../api/api-context';
import { fieldErrors, idempotent, ok } from '../api/client';
import { useCommand } from '../api/command';
import { problemText } from '../api/problem-text';
import { formatCivilDate } from '../format';
import { useLocale, useT } from '../i18n/i18n';
import type { MessageId } from '../i18n/locales';
import { RequireAccess } from '../ui/guard';
import { Empty, ErrorState, Loading } from '../ui/states';
import { InvoiceLine } from './billing';
import '../ui/lazy-styles';

type Answer = { accept: true } | { accept: false; reason: string };

/** F-55: the recipient accepts an act of delivery, or disputes it with a reason (the Fund then issues a new one). */
function AnswerAct({ actId, onDone }: { actId: string; onDone: () => Promise<void> }) {
  const t = useT();
  const api = useApi();
  const [disputing, setDisputing] = useState(false);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const answer = useCommand(async (body: Answer, key: string) =>
    ok(await api.POST('/api/services/delivery-acts/{id}/answer', { params: { path: { id: actId } }, body, ...idempotent(key) })),
  );
  const send = async (body: Answer) => {
    setErrors({});
    try {
      await answer.submit(body);
      await onDone();
    } catch (e) {
      setErrors(fieldErrors(e, (p) => problemText(p, t)));
    }
  };
  return (
    <Stack gap="xs" mt="xs">
      {disputing && (
        <Textarea
          label={t('acts.reason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={errors.reason}
          autosize
          minRows={2}
          data-testid="dispute-reason"
        />
      )}
      <Group gap="xs">
        {!disputing && (
          <Button onClick={() => void send({ accept: true })} loading={answer.isPending} data-testid="accept-act">
            {t('acts.accept')}
          </Button>
        )}
        <Button
          variant="light"
          color="red"
          onClick={() => (disputing ? void send({ accept: false, reason: reason.trim() }) : setDisputing(true))}
          loading={answer.isPending}
          data-testid="dispute-act"
        >
          {disputing ? t('acts.sendDispute') : t('acts.dispute')}
        </Button>
      </Group>
      {answer.isError && Object.keys(errors).length === 0 && <ErrorState error={answer.error} action />}
    </Stack>
  );
}

/** The recipient's invoices (with what is still to pay and by when, F-55) and acts of delivery to answer. */
function MyInvoices() {
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  const invoices = useQuery({ queryKey: ['invoices', 'mine'], queryFn: async () => ok(await api.GET('/api/services/invoices', {})) });
  const acts = useQuery({ queryKey: ['delivery-acts', 'mine'], queryFn: async () => ok(await api.GET('/api/services/delivery-acts', {})) });
  return (
    <Stack gap="md" maw={1000}>
      <Title order={2}>{t('myInvoices.title')}</Title>
      <Title order={3} size="h4">
        {t('billing.invoices')}
      </Title>
      {invoices.isPending ? (
        <Loading />
      ) : invoices.isError ? (
        <ErrorState error={invoices.error} onRetry={() => void invoices.refetch()} />
      ) : invoices.data.length === 0 ? (
        <Empty>{t('billing.invoices.empty')}</Empty>
      ) : (
        <Stack gap="sm" data-testid="invoices">
          {invoices.data.map((i) => (
            <Card key={i.id} withBorder data-testid="invoice" data-number={i.number} data-status={i.status}>
              <InvoiceLine invoice={i} />
            </Card>
          ))}
        </Stack>
      )}
      <Title order={3} size="h4">
        {t('acts.title')}
      </Title>
      {acts.isPending ? (
        <Loading />
      ) : acts.isError ? (
        <ErrorState error={acts.error} onRetry={() => void acts.refetch()} />
      ) : acts.data.length === 0 ? (
        <Empty>{t('acts.empty')}</Empty>
      ) : (
        <Stack gap="sm" data-testid="acts">
          {acts.data.map((a) => (
            <Card key={a.id} withBorder data-testid="act" data-status={a.status}>
              <Group justify="space-between" align="start" gap="xs">
                <div>
                  <Text fw={600}>{a.number}</Text>
                  <Text size="sm">{a.description}</Text>
                  <Text size="sm" c="dimmed">
                    {t('acts.period', { from: formatCivilDate(a.deliveredFrom, locale), to: formatCivilDate(a.deliveredTo, locale) })}
                  </Text>
                </div>
                <Badge variant="light" tt="none" data-testid="act-status">
                  {t(`actStatus.${a.status}` as MessageId)}
                </Badge>
              </Group>
              {a.disputeReason && (
                <Alert color="red" variant="light" mt="xs">
                  {t('acts.disputed', { reason: a.disputeReason })}
                </Alert>
              )}
              {a.status === 'issued' && <AnswerAct actId={a.id} onDone={() => queryClient.invalidateQueries({ queryKey: ['delivery-acts', 'mine'] })} />}
            </Card>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

export const Route = createLazyRoute('/my/invoices')({
  component: () => (
    <RequireAccess op="GET /api/services/invoices">
      <MyInvoices />
    </RequireAccess>
  ),
});
