import { Badge, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createLazyRoute } from '@tanstack/react-router';
import { useState } from 'react';
import { useApi } from '../api/api-context';
import { ApiError, fieldErrors, idempotent, ok } from '../api/client';
import { useCommand } from '../api/command';
import { problemText } from '../api/problem-text';
import { formatCivilDate, formatTiyn } from '../format';
import { DocumentLink } from '../forms/document-field';
import { tengeToTiyn } from '../forms/form-state';
import { useLocale, useT } from '../i18n/i18n';
import type { MessageId } from '../i18n/locales';
import { RequireAccess } from '../ui/guard';
import { Empty, ErrorState, Loading } from '../ui/states';
import { StatementImport } from '../ui/statement-import';
import '../ui/lazy-styles';

type T = ReturnType<typeof useT>;

/** The server's field errors, in the reader's language, on the form's own field names. */
const errorsOf = (e: unknown, t: T) => fieldErrors(e, (p) => problemText(p, t));

/** A typed amount in tenge → tiyn (ADR 0036), or a field error. */
function amountOrError(text: string, t: T): { tiyn: number } | { error: string } {
  const tiyn = tengeToTiyn(text);
  return tiyn === null || tiyn <= 0 ? { error: t('problem.amount') } : { tiyn };
}

/** F-55: issue an invoice on one contracted application — an amount in tenge and its purpose (the instalment). */
function IssueInvoice({ applicationId, onDone }: { applicationId: string; onDone: () => Promise<void> }) {
  const t = useT();
  const api = useApi();
  const [amount, setAmount] = useState('');
  const [purpose, setPurpose] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const issue = useCommand(async (body: { amountTiyn: number; purpose: string }, key: string) =>
    ok(await api.POST('/api/services/service-applications/{id}/invoices', { params: { path: { id: applicationId } }, body, ...idempotent(key) })),
  );
  const send = async () => {
    const a = amountOrError(amount, t);
    if ('error' in a) return setErrors({ amountTiyn: a.error });
    setErrors({});
    try {
      await issue.submit({ amountTiyn: a.tiyn, purpose: purpose.trim() });
      setAmount('');
      setPurpose('');
      await onDone();
    } catch (e) {
      setErrors(errorsOf(e, t));
    }
  };
  return (
    <Group align="end" gap="xs" mt="xs" wrap="wrap">
      <TextInput
        label={t('billing.amount')}
        value={amount}
        onChange={(e) => setAmount(e.currentTarget.value)}
        error={errors.amountTiyn}
        w={180}
        data-testid="invoice-amount"
      />
      <TextInput
        label={t('billing.purpose')}
        value={purpose}
        onChange={(e) => setPurpose(e.currentTarget.value)}
        error={errors.purpose}
        w={320}
        data-testid="invoice-purpose"
      />
      <Button onClick={() => void send()} loading={issue.isPending} data-testid="issue-invoice">
        {t('billing.issue')}
      </Button>
    </Group>
  );
}

/** F-55: a payment entered by hand — amount, day paid, the bank's reference (recorded once). */
function RecordPayment({ invoiceId, onDone }: { invoiceId: string; onDone: () => Promise<void> }) {
  const t = useT();
  const api = useApi();
  const [amount, setAmount] = useState('');
  const [paidOn, setPaidOn] = useState('');
  const [reference, setReference] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const pay = useCommand(async (body: { amountTiyn: number; paidOn: string; reference: string }, key: string) =>
    ok(await api.POST('/api/services/invoices/{id}/payments', { params: { path: { id: invoiceId } }, body, ...idempotent(key) })),
  );
  const send = async () => {
    const a = amountOrError(amount, t);
    if ('error' in a) return setErrors({ amountTiyn: a.error });
    setErrors({});
    try {
      await pay.submit({ amountTiyn: a.tiyn, paidOn: paidOn.trim(), reference: reference.trim() });
      setAmount('');
      setReference('');
      await onDone();
    } catch (e) {
      setErrors(e instanceof ApiError && e.status === 409 ? { reference: e.problem?.detail ?? t('problem.conflict') } : errorsOf(e, t));
    }
  };
  return (
    <Group align="end" gap="xs" mt="xs" wrap="wrap">
      <TextInput
        label={t('billing.amount')}
        value={amount}
        onChange={(e) => setAmount(e.currentTarget.value)}
        error={errors.amountTiyn}
        w={160}
        data-testid="payment-amount"
      />
      <TextInput
        label={t('billing.paidOn')}
        placeholder="2026-12-21"
        value={paidOn}
        onChange={(e) => setPaidOn(e.currentTarget.value)}
        error={errors.paidOn}
        w={160}
        data-testid="payment-paid-on"
      />
      <TextInput
        label={t('billing.reference')}
        value={reference}
        onChange={(e) => setReference(e.currentTarget.value)}
        error={errors.reference}
        w={200}
        data-testid="payment-reference"
      />
      <Button variant="light" onClick={() => void send()} loading={pay.isPending} data-testid="record-payment">
        {t('billing.record')}
      </Button>
    </Group>
  );
}

/** F-55, ADR 0066: the Fund's bank statement (CSV) — all rows or none; each problem named by its row and column (the shared import, ui/statement-import). */
function ImportStatement({ onDone }: { onDone: () => Promise<void> }) {
  const t = useT();
  const api = useApi();
  return (
    <StatementImport
      title={t('billing.import.title')}
      hint={t('billing.import.hint')}
      send={async ({ csv }, key) => ok(await api.POST('/api/services/invoice-payments/imports', { body: { csv }, ...idempotent(key) }))}
      onDone={onDone}
    />
  );
}

/** Finance's billing desk (F-55, ADR 0066): contracts to invoice, invoices and their payments, the bank statement. */
function BillingPage() {
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  const contracts = useQuery({
    queryKey: ['service-applications', 'contracted'],
    queryFn: async () => ok(await api.GET('/api/services/service-applications', { params: { query: { status: 'contracted' } } })),
  });
  const invoices = useQuery({ queryKey: ['invoices'], queryFn: async () => ok(await api.GET('/api/services/invoices', {})) });
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: ['invoices'] });
  };
  return (
    <Stack gap="md" maw={1100}>
      <Title order={2}>{t('billing.title')}</Title>
      <Title order={3} size="h4">
        {t('billing.contracts')}
      </Title>
      {contracts.isPending ? (
        <Loading />
      ) : contracts.isError ? (
        <ErrorState error={contracts.error} onRetry={() => void contracts.refetch()} />
      ) : contracts.data.length === 0 ? (
        <Empty>{t('billing.contracts.empty')}</Empty>
      ) : (
        <Stack gap="sm" data-testid="contracts">
          {contracts.data.map((a) => (
            <Card key={a.id} withBorder data-testid="contract">
              <Text fw={600}>{a.content.project.name}</Text>
              <Text size="sm" c="dimmed">
                {a.recipientKind === 'legal-entity' ? `${t('form.bin')} ${a.recipientId}` : t('serviceApply.kind.individual')}
                {a.contract
                  ? ` · ${t('serviceApps.contract', { date: formatCivilDate(a.contract.signedOn, locale), price: formatTiyn(a.contract.priceTiyn, locale) })}`
                  : ''}
              </Text>
              <IssueInvoice applicationId={a.id} onDone={refresh} />
            </Card>
          ))}
        </Stack>
      )}
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
              {i.status === 'issued' && <RecordPayment invoiceId={i.id} onDone={refresh} />}
            </Card>
          ))}
        </Stack>
      )}
      <ImportStatement onDone={refresh} />
    </Stack>
  );
}

export interface InvoiceLineProps {
  invoice: {
    number: string;
    amountTiyn: number;
    paidTiyn: number;
    outstandingTiyn: number;
    purpose: string;
    dueOn: string;
    status: string;
    overdue: boolean;
    bin?: string;
    /** The invoice PDF in the Fund's archive (ADR 0067, 0109): documents serves it, never services. */
    document?: { status: 'archived'; documentId: string } | { status: 'pending' } | { status: 'not-available-for-individuals' };
  };
}

/** Where the invoice's PDF is: a download from documents (logged there), being prepared, or not issued for an individual (ADR 0067 §5). */
function InvoiceDocument({ document: d }: { document: NonNullable<InvoiceLineProps['invoice']['document']> }) {
  const t = useT();
  if (d.status === 'archived') return <DocumentLink id={d.documentId} />;
  return (
    <Text size="sm" c="dimmed" data-testid="invoice-document-status">
      {t(d.status === 'pending' ? 'billing.document.pending' : 'billing.document.individual')}
    </Text>
  );
}

/** One invoice: number, purpose, amount, paid, outstanding, due day (overdue flagged), status, its PDF. */
export function InvoiceLine({ invoice: i }: InvoiceLineProps) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <Group justify="space-between" align="start" gap="xs">
      <div>
        <Text fw={600}>
          {i.number}
          {i.bin ? ` · ${t('form.bin')} ${i.bin}` : ''}
        </Text>
        <Text size="sm">{i.purpose}</Text>
        <Text size="sm" data-testid="invoice-money">
          {t('billing.money', {
            amount: formatTiyn(i.amountTiyn, locale),
            paid: formatTiyn(i.paidTiyn, locale),
            outstanding: formatTiyn(i.outstandingTiyn, locale),
          })}
        </Text>
        {i.status === 'issued' && (
          <Text size="sm" c={i.overdue ? '#a51d1d' : undefined} data-testid="invoice-due">
            {t('billing.due', { date: formatCivilDate(i.dueOn, locale) })}
            {i.overdue ? ` · ${t('queue.overdue')}` : ''}
          </Text>
        )}
        {i.document && <InvoiceDocument document={i.document} />}
      </div>
      <Badge variant="light" tt="none" data-testid="invoice-status">
        {t(`invoiceStatus.${i.status}` as MessageId)}
      </Badge>
    </Group>
  );
}

export const Route = createLazyRoute('/staff/billing')({
  component: () => (
    <RequireAccess op="POST /api/services/invoice-payments/imports">
      <BillingPage />
    </RequireAccess>
  ),
});
