import { Badge, Card, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createLazyRoute } from '@tanstack/react-router';
import { useApi } from '../api/api-context';
import { idempotent, ok } from '../api/client';
import { formatCivilDate, formatTiyn } from '../format';
import { useLocale, useT } from '../i18n/i18n';
import type { MessageId } from '../i18n/locales';
import { RequireAccess } from '../ui/guard';
import { FEE_COLOR, Scroll } from '../ui/participation-tables';
import { QueryView } from '../ui/query-view';
import { StatementImport } from '../ui/statement-import';
import '../ui/lazy-styles';

/** One statement row and the fee it paid (participation's import answer, issue #11). */
interface MatchedPayment {
  readonly row: number;
  readonly bin: string;
  readonly year: number;
  readonly quarter: number;
  readonly amountTiyn: number;
  readonly reference: string;
  readonly feeId: string;
  readonly feeStatus: string;
  readonly outstandingTiyn: number | null;
}
interface FeeImported {
  readonly rows: number;
  readonly totalTiyn: number;
  readonly payments: readonly MatchedPayment[];
}

/** Participation's own problem codes of a fee statement (F-21): its header and columns, and its matching rules. */
const FEE_CODES: Readonly<Record<string, MessageId>> = {
  'csv.header': 'feePayments.problem.header',
  'csv.bin': 'feePayments.problem.bin',
  'csv.period': 'feePayments.problem.period',
  'csv.future': 'feePayments.problem.future',
  'csv.no-fee': 'feePayments.problem.noFee',
  'csv.fee-paid': 'feePayments.problem.feePaid',
};

/** The payments the statement matched: each row's company, quarter, amount and what its fee still owes. */
function MatchedPayments({ payments }: { payments: readonly MatchedPayment[] }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <Scroll minWidth={720} label={t('feePayments.matched')}>
      <Table striped data-testid="import-payments" aria-label={t('feePayments.matched')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('feePayments.col.row')}</Table.Th>
            <Table.Th>{t('feePayments.col.bin')}</Table.Th>
            <Table.Th>{t('fees.col.quarter')}</Table.Th>
            <Table.Th>{t('feePayments.col.amount')}</Table.Th>
            <Table.Th>{t('billing.reference')}</Table.Th>
            <Table.Th>{t('fees.col.status')}</Table.Th>
            <Table.Th>{t('fees.col.outstanding')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {payments.map((p) => (
            <Table.Tr key={p.row} data-testid="import-payment" data-row={p.row} data-bin={p.bin} data-fee-status={p.feeStatus}>
              <Table.Td>{p.row}</Table.Td>
              <Table.Td>{p.bin}</Table.Td>
              <Table.Td>{t('common.quarter', { year: p.year, quarter: p.quarter })}</Table.Td>
              <Table.Td>{formatTiyn(p.amountTiyn, locale)}</Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{p.reference}</Table.Td>
              <Table.Td>
                <Badge variant="light" tt="none" color={FEE_COLOR[p.feeStatus] ?? 'gray'} h="auto" styles={{ label: { whiteSpace: 'normal' } }}>
                  {t(`feeStatus.${p.feeStatus}` as MessageId)}
                </Badge>
              </Table.Td>
              <Table.Td>{p.outstandingTiyn === null ? '—' : formatTiyn(p.outstandingTiyn, locale)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Scroll>
  );
}

/**
 * Finance's membership-fee payments (F-21, issue #11): the Fund's bank statement of fee payments
 * imported in one call (all rows or none; each refused cell named by row and column), the payments it
 * matched, and the fees still overdue (F-21, F-28(6)) — the same import screen as services' invoices
 * (ui/statement-import), with participation's statement format and matching rules.
 */
function FeePaymentsPage() {
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  const arrears = useQuery({ queryKey: ['fee-arrears'], queryFn: async () => ok(await api.GET('/api/participation/fees/arrears', {})) });
  return (
    <Stack gap="md" maw={1100}>
      <Title order={2}>{t('feePayments.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('feePayments.intro')}
      </Text>
      <StatementImport<FeeImported>
        title={t('billing.import.title')}
        hint={t('feePayments.hint')}
        codes={FEE_CODES}
        send={async (body, key) => ok(await api.POST('/api/participation/fee-payments/imports', { body, ...idempotent(key) }))}
        summary={(r) =>
          r.payments.length > 0 && (
            <>
              <Text fw={600} size="sm">
                {t('feePayments.matched')}
              </Text>
              <MatchedPayments payments={r.payments} />
            </>
          )
        }
        onDone={() => queryClient.invalidateQueries({ queryKey: ['fee-arrears'] })}
      />
      <Card withBorder>
        <Title order={3} size="h4" mb="xs">
          {t('feePayments.arrears')}
        </Title>
        <QueryView query={arrears} empty={t('feePayments.arrears.empty')}>
          {(data) => (
            <Scroll minWidth={720} label={t('feePayments.arrears')}>
              <Table striped data-testid="fee-arrears">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('feePayments.col.bin')}</Table.Th>
                    <Table.Th>{t('fees.col.quarter')}</Table.Th>
                    <Table.Th>{t('fees.col.due')}</Table.Th>
                    <Table.Th>{t('fees.col.fee')}</Table.Th>
                    <Table.Th>{t('fees.col.paid')}</Table.Th>
                    <Table.Th>{t('fees.col.outstanding')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.map((f) => (
                    <Table.Tr key={f.id} data-testid="arrear" data-bin={f.bin} data-period={`${f.year}-Q${f.quarter}`}>
                      <Table.Td>{f.bin}</Table.Td>
                      <Table.Td>{t('common.quarter', { year: f.year, quarter: f.quarter })}</Table.Td>
                      <Table.Td>{formatCivilDate(f.dueDate, locale)}</Table.Td>
                      <Table.Td>{f.feeTiyn === null ? t('feePayments.undeclared') : formatTiyn(f.feeTiyn, locale)}</Table.Td>
                      <Table.Td>{formatTiyn(f.paidTiyn, locale)}</Table.Td>
                      <Table.Td>{f.outstandingTiyn === null ? '—' : formatTiyn(f.outstandingTiyn, locale)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Scroll>
          )}
        </QueryView>
      </Card>
    </Stack>
  );
}

export const Route = createLazyRoute('/staff/fee-payments')({
  component: () => (
    <RequireAccess op="POST /api/participation/fee-payments/imports">
      <FeePaymentsPage />
    </RequireAccess>
  ),
});
