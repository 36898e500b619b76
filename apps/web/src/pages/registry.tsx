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

export interface RegistrySearch {
  q?: string;
  status?: 'active' | 'expired';
  activityType?: string;
  page?: number;
}
export const PAGE_SIZE = 20;
export const CONTROL_LABELS = { first: 'common.first', previous: 'common.previous', next: 'common.next', last: 'common.last' } as const;

export function validateRegistrySearch(s: Record<string, unknown>): RegistrySearch {
  const page = Number(s.page);
  return {
    ...(typeof s.q === 'string' && s.q ? { q: s.q } : {}),
    ...(s.status === 'active' || s.status === 'expired' ? { status: s.status } : {}),
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
  const pages = registry.data ? Math.max(1, Math.ceil(registry.data.total / PAGE_SIZE)) : 1;

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
          onChange={(v) => set({ status: v === 'active' || v === 'expired' ? v : undefined })}
          data={[
            { value: '', label: t('registry.status.all') },
            { value: 'active', label: t('certificateStatus.active') },
            { value: 'expired', label: t('certificateStatus.expired') },
          ]}
          allowDeselect={false}
          w={160}
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
          {registry.data ? t('registry.total', { count: registry.data.total }) : '\u00a0'}
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
                    <Table.Td>
                      <Anchor component={Link} to={`/verify/${encodeURIComponent(p.certificateNumber)}`}>
                        {p.certificateNumber}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{t('registry.validity', { from: formatCivilDate(p.validFrom, locale), to: formatCivilDate(p.validTo, locale) })}</Table.Td>
                    <Table.Td>
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
                <Text size="sm">{t('registry.validity', { from: formatCivilDate(p.validFrom, locale), to: formatCivilDate(p.validTo, locale) })}</Text>
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

export function StatusBadge({ status }: { status: 'active' | 'expired' }) {
  const t = useT();
  return (
    <Badge tt="none" color={status === 'active' ? '#1e6b30' : '#495057'} variant="filled">
      {t(status === 'active' ? 'certificateStatus.active' : 'certificateStatus.expired')}
    </Badge>
  );
}
