import { Anchor, Badge, Card, Group, NativeSelect, Pagination, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, createLazyRoute } from '@tanstack/react-router';
import { useState } from 'react';
import { useApi } from '../api/api-context';
import { mayCall, ok } from '../api/client';
import { useSession } from '../auth/auth-context';
import { formatCivilDate } from '../format';
import { useLocale, useT } from '../i18n/i18n';
import type { MessageId } from '../i18n/locales';
import { RequireAccess } from '../ui/guard';
import { QueryView } from '../ui/query-view';
import { CONTROL_LABELS } from './registry';
import '../ui/lazy-styles';

const PAGE_SIZE = 20;
const STATUSES = ['active', 'terminated', 'ended'] as const;
type Status = (typeof STATUSES)[number];

/** What a row's flags say: an overdue obligation of a kind (participation's deadlines), or an open early-termination case. */
export type Flag = 'membership-fee' | 'quarterly-report' | 'information-request' | 'audit-opinion' | 'termination';
const FLAG_TEXT: Record<Flag, MessageId> = {
  'membership-fee': 'staffPart.flag.fee',
  'quarterly-report': 'staffPart.flag.report',
  'information-request': 'staffPart.flag.request',
  'audit-opinion': 'staffPart.flag.audit',
  termination: 'staffPart.flag.termination',
};
export const STATUS_COLOR: Record<string, string> = { active: 'green', terminated: 'red', ended: 'gray' };

/**
 * Each participation's flags: participation's own overdue deadlines (fees F-21, reports F-37, requests
 * F-32/F-38, audit opinions F-33 — the first 1 000, most overdue first) and its early-termination
 * cases still open (F-28 … F-30). The list shows without them if they fail.
 */
function useFlags(): Map<string, Set<Flag>> | undefined {
  const api = useApi();
  const overdue = useQuery({
    queryKey: ['staff-participation', 'overdue'],
    queryFn: async () => ok(await api.GET('/api/participation/deadlines', { params: { query: { overdue: 'true', limit: 1000 } } })),
  });
  const cases = useQuery({
    queryKey: ['staff-participation', 'cases'],
    queryFn: async () => ok(await api.GET('/api/participation/early-terminations', {})),
  });
  if (!overdue.data || !cases.data) return undefined;
  const flags = new Map<string, Set<Flag>>();
  const add = (id: string, f: Flag) => flags.set(id, (flags.get(id) ?? new Set<Flag>()).add(f));
  for (const d of overdue.data.items) if (d.kind !== 'term-end') add(d.participationId, d.kind);
  for (const c of cases.data) if (c.status === 'pending-commission' || c.status === 'scheduled') add(c.participationId, 'termination');
  return flags;
}

function Flags({ flags }: { flags: Set<Flag> | undefined }) {
  const t = useT();
  if (!flags?.size) return <Text size="sm">—</Text>;
  return (
    <Group gap={4}>
      {[...flags].map((f) => (
        <Badge key={f} color={f === 'termination' ? 'orange' : '#a51d1d'} variant={f === 'termination' ? 'light' : 'filled'} tt="none" data-flag={f}>
          {t(FLAG_TEXT[f])}
        </Badge>
      ))}
    </Group>
  );
}

/**
 * The Fund staff's participants (issue #11): every participation with its status, term and flags
 * (overdue fees, reports, requests, audit opinions; an open early-termination case); each row opens
 * the participant's obligations. Filters: status and BIN, server-side, 20 a page.
 */
function StaffParticipations() {
  const t = useT();
  const api = useApi();
  const session = useSession();
  const { locale } = useLocale();
  const [status, setStatus] = useState<Status | ''>('');
  const [bin, setBin] = useState('');
  const [page, setPage] = useState(1);
  const query = { page, pageSize: PAGE_SIZE, ...(status ? { status } : {}), ...(/^\d{12}$/.test(bin) ? { bin } : {}) };
  const list = useQuery({
    queryKey: ['staff-participation', 'list', query],
    queryFn: async () => ok(await api.GET('/api/participation/participations', { params: { query } })),
    placeholderData: keepPreviousData,
  });
  const flags = useFlags();
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / PAGE_SIZE)) : 1;
  const term = (p: { termStart: string; termEnd: string }) => `${formatCivilDate(p.termStart, locale)} – ${formatCivilDate(p.termEnd, locale)}`;
  const statusBadge = (s: string) => (
    <Badge color={STATUS_COLOR[s]} variant="light" tt="none">
      {t(`participationStatus.${s}` as MessageId)}
    </Badge>
  );

  return (
    <Stack gap="md" maw={1200}>
      <Title order={2}>{t('staffPart.title')}</Title>
      <Text c="dimmed" size="sm">
        {t('staffPart.intro')}
      </Text>
      {mayCall(session, 'GET /api/participation/analytics/quarterly/{year}/{quarter}') && (
        <Anchor component={Link} to="/staff/analytics" size="sm" data-testid="analytics-link">
          {t('staffPart.analyticsLink')}
        </Anchor>
      )}
      <Group align="end" wrap="wrap">
        <NativeSelect
          label={t('fees.col.status')}
          value={status}
          onChange={(e) => {
            setStatus(e.currentTarget.value as Status | '');
            setPage(1);
          }}
          data={[{ value: '', label: t('staffPart.filter.all') }, ...STATUSES.map((s) => ({ value: s, label: t(`participationStatus.${s}`) }))]}
          data-testid="status-filter"
        />
        <TextInput
          label={t('form.bin')}
          value={bin}
          onChange={(e) => {
            setBin(e.currentTarget.value.trim());
            setPage(1);
          }}
          inputMode="numeric"
          maxLength={12}
          data-testid="bin-filter"
        />
      </Group>
      <QueryView query={list} empty={t('staffPart.empty')} isEmpty={(d) => d.items.length === 0}>
        {(data) => (
          <>
            <Text fw={500} data-testid="participations-total">
              {t('staffPart.total', { count: data.total })}
            </Text>
            <Table.ScrollContainer minWidth={820} visibleFrom="sm">
              <Table striped data-testid="participations-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('queue.col.company')}</Table.Th>
                    <Table.Th>{t('fees.col.status')}</Table.Th>
                    <Table.Th>{t('staffPart.col.term')}</Table.Th>
                    <Table.Th>{t('staffPart.col.flags')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((p) => (
                    <Table.Tr key={p.id} data-participation={p.id} data-bin={p.bin}>
                      <Table.Td>
                        <Anchor component={Link} to="/staff/participation/$id" params={{ id: p.id } as never} size="sm" fw={500}>
                          {p.companyName}
                        </Anchor>
                        <Text size="xs" c="dimmed">
                          {p.bin} · {p.certificateNumber}
                        </Text>
                      </Table.Td>
                      <Table.Td>{statusBadge(p.status)}</Table.Td>
                      <Table.Td>{term(p)}</Table.Td>
                      <Table.Td>
                        <Flags flags={flags?.get(p.id)} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Stack hiddenFrom="sm" gap="sm">
              {data.items.map((p) => (
                <Card key={p.id} withBorder padding="sm" data-participation={p.id}>
                  <Group justify="space-between" align="start" gap={6}>
                    <Anchor component={Link} to="/staff/participation/$id" params={{ id: p.id } as never} fw={600}>
                      {p.companyName}
                    </Anchor>
                    {statusBadge(p.status)}
                  </Group>
                  <Text size="xs" c="dimmed">
                    {p.bin} · {p.certificateNumber}
                  </Text>
                  <Text size="sm">{term(p)}</Text>
                  <Flags flags={flags?.get(p.id)} />
                </Card>
              ))}
            </Stack>
            {pages > 1 && (
              <Group justify="center">
                <Pagination
                  total={pages}
                  value={page}
                  onChange={setPage}
                  getControlProps={(c) => ({ 'aria-label': t(CONTROL_LABELS[c]) })}
                  getItemProps={(p) => ({ 'aria-label': t('common.page', { page: p, pages }) })}
                />
              </Group>
            )}
          </>
        )}
      </QueryView>
    </Stack>
  );
}

export const Route = createLazyRoute('/staff/participation')({
  component: () => (
    <RequireAccess op="GET /api/participation/participations">
      <StaffParticipations />
    </RequireAccess>
  ),
});
