import { Anchor, Badge, Button, Card, Group, Pagination, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { ok } from '../api/client';
import { useApi } from '../api/api-context';
import { formatCivilDate } from '../format';
import { useLocale, useT } from '../i18n/i18n';
import type { Locale } from '../i18n/locales';
import { Empty, ErrorState, Loading } from '../ui/states';

export type ParticipantStatus = 'active' | 'expired' | 'terminated';
const STATUSES: readonly ParticipantStatus[] = ['active', 'expired', 'terminated'];
const isStatus = (v: unknown): v is ParticipantStatus => STATUSES.includes(v as ParticipantStatus);

export interface RegistrySearch {
  q?: string;
  status?: ParticipantStatus;
  activityType?: string;
  page?: number;
}
export const PAGE_SIZE = 20;
export const CONTROL_LABELS = { first: 'common.first', previous: 'common.previous', next: 'common.next', last: 'common.last' } as const;

export function validateRegistrySearch(s: Record<string, unknown>): RegistrySearch {
  const page = Number(s.page);
  return {
    ...(typeof s.q === 'string' && s.q ? { q: s.q } : {}),
    ...(isStatus(s.status) ? { status: s.status } : {}),
    ...(typeof s.activityType === 'string' && s.activityType ? { activityType: s.activityType } : {}),
    ...(Number.isInteger(page) && page > 1 ? { page } : {}),
  };
}

interface ActivityType {
  code: string;
  nameRu?: string;
  nameKk?: string;
  nameEn?: string;
}
const typeName = (t: ActivityType, locale: Locale) => ({ kk: t.nameKk, ru: t.nameRu, en: t.nameEn })[locale] ?? t.nameRu ?? t.code;

/** The public registry of participants (F-19): search, filters, paging, CSV/JSON export. */
export function RegistryPage() {
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  const search = useSearch({ from: '/registry' });
  const navigate = useNavigate({ from: '/registry' });
  const [text, setText] = useState(search.q ?? '');
  const [debounced] = useDebouncedValue(text, 300);
  useEffect(() => {
    if ((search.q ?? '') !== debounced) void navigate({ search: (s: RegistrySearch) => ({ ...s, q: debounced || undefined, page: undefined }), replace: true });
  }, [debounced, navigate, search.q]);

  const page = search.page ?? 1;
  const query = {
    page,
    pageSize: PAGE_SIZE,
    ...(search.q ? { q: search.q } : {}),
    ...(search.status ? { status: search.status } : {}),
    ...(search.activityType ? { activityType: search.activityType } : {}),
  };
  const registry = useQuery({
    queryKey: ['registry', query],
    queryFn: async () => ok(await api.GET('/api/registration/registry', { params: { query } })),
    placeholderData: keepPreviousData,
  });
  // ADR 0125: the registry counts on the first page only (a later page says `total: null`); the
  // total of a later page is the first page's — usually already in the cache, read once on a deep link.
  const firstQuery = { ...query, page: 1 };
  const first = useQuery({
    queryKey: ['registry', firstQuery],
    queryFn: async () => ok(await api.GET('/api/registration/registry', { params: { query: firstQuery } })),
    enabled: page > 1,
  });
  const total = registry.data?.total ?? first.data?.total ?? null;
  const types = useQuery({
    queryKey: ['activity-types'],
    queryFn: async () => ok(await api.GET('/api/registration/activity-types')).activityTypes as ActivityType[],
    staleTime: 3600_000,
  });
  const exportQuery = new URLSearchParams({
    ...(search.q ? { q: search.q } : {}),
    ...(search.status ? { status: search.status } : {}),
    ...(search.activityType ? { activityType: search.activityType } : {}),
  });
  const exportHref = (format: 'csv' | 'json') => `/api/registration/registry/export?${new URLSearchParams([...exportQuery, ['format', format]])}`;
  const set = (patch: Partial<RegistrySearch>) => void navigate({ search: (s: RegistrySearch) => ({ ...s, ...patch, page: undefined }) });
  const pages = total !== null ? Math.max(1, Math.ceil(total / PAGE_SIZE)) : page;

  return (
    <Stack gap="md">
      <Title order={2}>{t('registry.title')}</Title>
      <Text c="dimmed" size="sm">
        {t('registry.intro')}
      </Text>
      <Group align="end" gap="sm" wrap="wrap">
        <TextInput
          label={t('registry.search')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          type="search"
          style={{ flex: '1 1 16rem' }}
          data-testid="registry-search"
        />
        <Select
          label={t('registry.status')}
          value={search.status ?? ''}
          onChange={(v) => set({ status: isStatus(v) ? v : undefined })}
          data={[{ value: '', label: t('registry.status.all') }, ...STATUSES.map((v) => ({ value: v, label: t(`certificateStatus.${v}`) }))]}
          allowDeselect={false}
          w={270}
          data-testid="registry-status"
        />
        <Select
          label={t('registry.activityType')}
          value={search.activityType ?? ''}
          onChange={(v) => set({ activityType: v || undefined })}
          data={[
            { value: '', label: t('registry.activityType.all') },
            ...(types.data ?? []).map((a) => ({ value: a.code, label: `${a.code} ${typeName(a, locale)}` })),
          ]}
          allowDeselect={false}
          searchable
          style={{ flex: '1 1 14rem' }}
          data-testid="registry-activity"
        />
      </Group>
      <Group justify="space-between" wrap="wrap">
        <Text fw={500} aria-live="polite" data-testid="registry-total">
          {total !== null ? t('registry.total', { count: total }) : '\u00a0'}
        </Text>
        <Group gap="xs">
          <Button component="a" href={exportHref('csv')} download variant="light" size="xs" data-testid="export-csv">
            {t('registry.export.csv')}
          </Button>
          <Button component="a" href={exportHref('json')} download variant="light" size="xs" data-testid="export-json">
            {t('registry.export.json')}
          </Button>
        </Group>
      </Group>
      {registry.isPending ? (
        <Loading />
      ) : registry.isError ? (
        <ErrorState error={registry.error} onRetry={() => void registry.refetch()} />
      ) : registry.data.items.length === 0 ? (
        <Empty>{t('registry.empty')}</Empty>
      ) : (
        <>
          <Table.ScrollContainer minWidth={720} visibleFrom="sm">
            <Table striped highlightOnHover data-testid="registry-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('registry.col.company')}</Table.Th>
                  <Table.Th>{t('registry.col.bin')}</Table.Th>
                  <Table.Th>{t('registry.col.activity')}</Table.Th>
                  <Table.Th>{t('registry.col.certificate')}</Table.Th>
                  <Table.Th>{t('registry.col.validity')}</Table.Th>
                  <Table.Th>{t('registry.col.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {registry.data.items.map((p) => (
                  <Table.Tr key={p.certificateNumber}>
                    <Table.Td>{p.companyName}</Table.Td>
                    <Table.Td ff="monospace">{p.bin}</Table.Td>
                    <Table.Td>{p.activityTypes.map((a) => a.code).join(', ')}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Anchor component={Link} to={`/verify/${encodeURIComponent(p.certificateNumber)}`}>
                        {p.certificateNumber}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <LifeDetails entry={p} />
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <StatusBadge status={p.status} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Stack hiddenFrom="sm" gap="sm" data-testid="registry-cards">
            {registry.data.items.map((p) => (
              <Card key={p.certificateNumber} withBorder padding="sm">
                <Group justify="space-between" align="start" gap={6}>
                  <Text fw={600}>{p.companyName}</Text>
                  <StatusBadge status={p.status} />
                </Group>
                <Text size="sm">
                  {t('registry.col.bin')}: {p.bin}
                </Text>
                <Text size="sm">
                  {t('registry.col.certificate')}:{' '}
                  <Anchor component={Link} to={`/verify/${encodeURIComponent(p.certificateNumber)}`}>
                    {p.certificateNumber}
                  </Anchor>
                </Text>
                <LifeDetails entry={p} />
                <Text size="sm" c="dimmed">
                  {p.activityTypes.map((a) => a.code).join(', ')}
                </Text>
              </Card>
            ))}
          </Stack>
          {pages > 1 && (
            <Group justify="center">
              <Pagination
                total={pages}
                value={page}
                onChange={(p) => void navigate({ search: (s: RegistrySearch) => ({ ...s, page: p > 1 ? p : undefined }) })}
                getControlProps={(control) => ({ 'aria-label': t(CONTROL_LABELS[control]) })}
                getItemProps={(p) => ({ 'aria-label': t('common.page', { page: p, pages }) })}
                aria-label={t('common.pagination')}
                data-testid="registry-pages"
              />
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}

const STATUS_COLOR: Record<ParticipantStatus, string> = { active: '#1e6b30', expired: '#495057', terminated: '#a61e1e' };

export function StatusBadge({ status }: { status: ParticipantStatus }) {
  const t = useT();
  return (
    <Badge
      tt="none"
      color={STATUS_COLOR[status]}
      variant="filled"
      data-status={status}
      styles={{ root: { flexShrink: 0, maxWidth: 'none', overflow: 'visible' }, label: { overflow: 'visible', textOverflow: 'clip' } }}
    >
      {t(`certificateStatus.${status}`)}
    </Badge>
  );
}

const GROUNDS = [
  'monitoring-not-expedient',
  'planned-results-achieved',
  'voluntary-withdrawal',
  'reports-not-submitted',
  'liquidation',
  'membership-fees-not-paid',
  'contract-breach',
] as const;

/** F-28: the ground's public category (and its number in the Rules) — nothing of the case itself (F-35). */
export function useGroundLabel(): (termination: { ground: string; groundNumber: number | null }) => string {
  const t = useT();
  return ({ ground, groundNumber }) => {
    const name = (GROUNDS as readonly string[]).includes(ground) ? t(`terminationGround.${ground as (typeof GROUNDS)[number]}`) : t('terminationGround.other');
    return groundNumber === null ? name : t('terminationGround.withNumber', { ground: name, number: groundNumber });
  };
}

interface Life {
  validFrom: string;
  validTo: string;
  extensions: readonly { certificateNumber: string }[];
  termination: { terminatedOn: string; ground: string; groundNumber: number | null } | null;
}

/** The current validity (moved by Annex 3 extensions, F-25) and an early termination's date and ground (F-28). */
function LifeDetails({ entry }: { entry: Life }) {
  const t = useT();
  const { locale } = useLocale();
  const groundLabel = useGroundLabel();
  return (
    <>
      <Text size="sm" data-testid="registry-validity">
        {t('registry.validity', { from: formatCivilDate(entry.validFrom, locale), to: formatCivilDate(entry.validTo, locale) })}
      </Text>
      {entry.extensions.length > 0 && (
        <Text size="xs" c="dimmed" data-testid="registry-extended">
          {t('registry.extendedBy', { numbers: entry.extensions.map((x) => x.certificateNumber).join(', ') })}
        </Text>
      )}
      {entry.termination && (
        <Text size="xs" c="#a61e1e" data-testid="registry-terminated">
          {t('registry.terminatedOn', { date: formatCivilDate(entry.termination.terminatedOn, locale), ground: groundLabel(entry.termination) })}
        </Text>
      )}
    </>
  );
}
