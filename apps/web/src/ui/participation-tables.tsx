// The participation tables both sides of the Fund's internet resource show (issue #11): the fees per
// quarter (F-21 … F-24), the quarterly reports (F-37, F-39, F-42 counts) and the information requests
// with their working-day answer-by days (F-32, F-38). The participant's page (/my/participation) and
// the staff console (/staff/participation/$id) render the same rows; what differs is passed in — the
// row's action (declare income / file a report / answer vs record a payment) and how loudly an overdue
// status is shown (the staff console flags arrears, F-28(4), F-28(6)).
import { Badge, Card, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { formatCivilDate, formatInstantDate, formatTiyn } from '../format';
import { useLocale, useT } from '../i18n/i18n';
import type { MessageId } from '../i18n/locales';

export type FeeRow = {
  readonly id: string;
  readonly year: number;
  readonly quarter: number;
  readonly dueDate: string;
  readonly status: string;
  readonly declaredIncomeTiyn?: number | null;
  readonly feeTiyn?: number | null;
  readonly paidTiyn?: number | null;
  readonly outstandingTiyn?: number | null;
};
export type ReportRow = {
  readonly id: string;
  readonly year: number;
  readonly quarter: number;
  readonly dueDate: string;
  readonly status: string;
  readonly submittedAt: string | null;
  readonly nonResidentCount: number;
  readonly familyMemberCount: number;
};
export type RequestRow = {
  readonly id: string;
  readonly kind: string;
  readonly description: string;
  readonly requestedOn: string;
  readonly dueDate: string;
  readonly status: string;
  readonly answeredOn: string | null;
  readonly documentIds: readonly string[];
};

/** A status badge in a narrow column wraps its words instead of cutting them. */
const WRAP = { label: { whiteSpace: 'normal', overflow: 'visible' } } as const;
/** The staff console's overdue: a filled dark red that stands out in a long list (and keeps AA contrast). */
export const OVERDUE = '#a51d1d';
export const FEE_COLOR: Readonly<Record<string, string>> = { 'awaiting-declaration': 'blue', assessed: 'yellow', paid: 'green', overdue: 'red' };
export const REPORT_COLOR: Readonly<Record<string, string>> = { due: 'blue', submitted: 'green', overdue: 'red', 'submitted-late': 'orange' };
export const REQUEST_COLOR: Readonly<Record<string, string>> = { open: 'blue', answered: 'green', overdue: 'red', 'answered-late': 'orange' };

/** One status; `strongOverdue` (the staff console) shows an overdue one filled. */
export function StatusBadge({
  status,
  label,
  colors,
  strongOverdue,
}: {
  status: string;
  label: MessageId;
  colors: Readonly<Record<string, string>>;
  strongOverdue?: boolean;
}) {
  const t = useT();
  const strong = strongOverdue === true && status === 'overdue';
  return (
    <Badge color={strong ? OVERDUE : colors[status]} variant={strong ? 'filled' : 'light'} tt="none" h="auto" styles={WRAP}>
      {t(label)}
    </Badge>
  );
}

/** A wide table scrolls on its own on a phone, as a focusable, named region (axe: scrollable-region-focusable). */
export function Scroll({ minWidth, label, children }: { minWidth: number; label: string; children: ReactNode }) {
  return (
    <Table.ScrollContainer minWidth={minWidth} type="native" tabIndex={0} role="region" aria-label={label}>
      {children}
    </Table.ScrollContainer>
  );
}

/** F-21 … F-24: the fees per quarter; `action` is the row's button (the participant declares income, the officer records a payment). */
export function FeesTable<F extends FeeRow>({ fees, action, strongOverdue }: { fees: readonly F[]; action?: (fee: F) => ReactNode; strongOverdue?: boolean }) {
  const t = useT();
  const { locale } = useLocale();
  const money = (v: number | null | undefined) => (v === null || v === undefined ? '—' : formatTiyn(v, locale));
  return (
    <Scroll minWidth={760} label={t('fees.title')}>
      <Table striped data-testid="fees-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('fees.col.quarter')}</Table.Th>
            <Table.Th>{t('fees.col.due')}</Table.Th>
            <Table.Th>{t('fees.col.status')}</Table.Th>
            <Table.Th>{t('fees.col.income')}</Table.Th>
            <Table.Th>{t('fees.col.fee')}</Table.Th>
            <Table.Th>{t('fees.col.paid')}</Table.Th>
            <Table.Th>{t('fees.col.outstanding')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('fees.col.action')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {fees.map((f) => (
            <Table.Tr key={f.id} data-quarter={`${f.year}-Q${f.quarter}`} data-status={f.status}>
              <Table.Td>{t('common.quarter', { year: f.year, quarter: f.quarter })}</Table.Td>
              <Table.Td>{formatCivilDate(f.dueDate, locale)}</Table.Td>
              <Table.Td>
                <StatusBadge status={f.status} label={`feeStatus.${f.status}` as MessageId} colors={FEE_COLOR} strongOverdue={strongOverdue} />
              </Table.Td>
              <Table.Td>{money(f.declaredIncomeTiyn)}</Table.Td>
              <Table.Td>{money(f.feeTiyn)}</Table.Td>
              <Table.Td>{money(f.paidTiyn)}</Table.Td>
              <Table.Td>{money(f.outstandingTiyn)}</Table.Td>
              <Table.Td>{action?.(f)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Scroll>
  );
}

/** F-37, F-39, F-42: the quarterly reports; with `action` (the participant files one) the table grows an action column. */
export function ReportsTable<R extends ReportRow>({
  reports,
  action,
  strongOverdue,
}: {
  reports: readonly R[];
  action?: (report: R) => ReactNode;
  strongOverdue?: boolean;
}) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <Scroll minWidth={640} label={t('reports.title')}>
      <Table striped data-testid="reports-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('fees.col.quarter')}</Table.Th>
            <Table.Th>{t('fees.col.due')}</Table.Th>
            <Table.Th>{t('fees.col.status')}</Table.Th>
            <Table.Th>{t('reports.col.submitted')}</Table.Th>
            <Table.Th>{t('reports.col.nonResidents')}</Table.Th>
            {action && (
              <Table.Th>
                <VisuallyHidden>{t('fees.col.action')}</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {reports.map((r) => (
            <Table.Tr key={r.id} data-quarter={`${r.year}-Q${r.quarter}`} data-status={r.status}>
              <Table.Td>{t('common.quarter', { year: r.year, quarter: r.quarter })}</Table.Td>
              <Table.Td>{formatCivilDate(r.dueDate, locale)}</Table.Td>
              <Table.Td>
                <StatusBadge status={r.status} label={`reportStatus.${r.status}` as MessageId} colors={REPORT_COLOR} strongOverdue={strongOverdue} />
              </Table.Td>
              <Table.Td>{r.submittedAt ? formatInstantDate(r.submittedAt, locale) : '—'}</Table.Td>
              <Table.Td>{t('reports.nonResidents', { engaged: r.nonResidentCount, family: r.familyMemberCount })}</Table.Td>
              {action && <Table.Td>{action(r)}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Scroll>
  );
}

/** F-32, F-38: the information requests with their working-day answer-by days; `action` is the row's button (the participant answers). */
export function RequestRows<Q extends RequestRow>({ requests, action }: { requests: readonly Q[]; action?: (request: Q) => ReactNode }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <Scroll minWidth={680} label={t('requests.title')}>
      <Table striped data-testid="requests-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('requests.col.kind')}</Table.Th>
            <Table.Th>{t('requests.col.requested')}</Table.Th>
            <Table.Th>{t('requests.col.due')}</Table.Th>
            <Table.Th>{t('fees.col.status')}</Table.Th>
            <Table.Th>{t('requests.col.answered')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('fees.col.action')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {requests.map((r) => (
            <Table.Tr key={r.id} data-request={r.id} data-status={r.status}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {t(`requestKind.${r.kind}` as MessageId)}
                </Text>
                <Text size="xs" c="dimmed">
                  {r.description}
                </Text>
              </Table.Td>
              <Table.Td>{formatCivilDate(r.requestedOn, locale)}</Table.Td>
              <Table.Td>{t('requests.due', { date: formatCivilDate(r.dueDate, locale) })}</Table.Td>
              <Table.Td>
                <StatusBadge status={r.status} label={`requestStatus.${r.status}` as MessageId} colors={REQUEST_COLOR} />
              </Table.Td>
              <Table.Td>
                {r.answeredOn ? t('requests.answeredWith', { date: formatCivilDate(r.answeredOn, locale), count: r.documentIds.length }) : '—'}
              </Table.Td>
              <Table.Td>{action?.(r)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Scroll>
  );
}

/** One titled card of a participation's obligations in the staff console. */
export function Section({ title, intro, testId, children }: { title: MessageId; intro: MessageId; testId: string; children: ReactNode }) {
  const t = useT();
  return (
    <Card withBorder data-testid={testId}>
      <Title order={3} size="h4" mb="xs">
        {t(title)}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t(intro)}
      </Text>
      {children}
    </Card>
  );
}
