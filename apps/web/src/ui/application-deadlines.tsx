import { Card, Table, Text, Title } from '@mantine/core';
import { formatCivilDate } from '../format';
import { useLocale, useT } from '../i18n/i18n';
import type { MessageId } from '../i18n/locales';
import { Empty } from './states';

export type ApplicationDeadline = { kind: string; ruleId: string; startedOn: string; dueDate: string; status: string; overdue: boolean };

/**
 * An application's deadlines as registration computed them on the working-day calendar (F-12, F-14,
 * F-15, F-17 …): the due working day, where it was counted from, met / open / overdue. The applicant's
 * page and the staff review page show the same card; the UI computes no deadline (ADR 0040).
 */
export function DeadlinesCard({ deadlines }: { deadlines: readonly ApplicationDeadline[] }) {
  const t = useT();
  const { locale } = useLocale();
  const sorted = [...deadlines].sort((x, y) => x.dueDate.localeCompare(y.dueDate));
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="sm">
        {t('application.deadlines')}
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        {t('application.deadlines.hint')}
      </Text>
      {sorted.length === 0 ? (
        <Empty>{t('application.deadlines.none')}</Empty>
      ) : (
        <Table data-testid="application-deadlines">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('application.deadline.what')}</Table.Th>
              <Table.Th>{t('application.deadline.due')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((d, i) => (
              <Table.Tr key={i} data-due={d.dueDate} data-kind={d.kind} data-overdue={String(d.overdue)}>
                <Table.Td>
                  <Text size="sm">{t(`deadlineKind.${d.kind}` as MessageId, { rule: d.ruleId })}</Text>
                  <Text size="xs" c="dimmed">
                    {t('application.deadline.from', { date: formatCivilDate(d.startedOn, locale) })}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={600} c={d.overdue ? '#a51d1d' : undefined}>
                    {formatCivilDate(d.dueDate, locale)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {d.status === 'met' ? t('application.deadline.met') : d.overdue ? t('application.deadline.overdue') : t('application.deadline.open')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
