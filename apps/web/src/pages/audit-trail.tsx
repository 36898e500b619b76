import { Badge, Button, Card, Code, Group, NativeSelect, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { createLazyRoute, useNavigate, useSearch } from '@tanstack/react-router';
import { BinSchema } from '@hub/contracts';
import { type FormEvent, useEffect, useState } from 'react';
import { useApi } from '../api/api-context';
import { ok } from '../api/client';
import { zodIssueText } from '../forms/zod-messages';
import { formatInstantDateTime } from '../format';
import { useLocale, useT } from '../i18n/i18n';
import type { MessageId } from '../i18n/locales';
import { RequireAccess } from '../ui/guard';
import { Empty, ErrorState, Loading } from '../ui/states';
import '../ui/lazy-styles';
import { AUDIT_FILTER_KEYS, AUDIT_KINDS, AUDIT_OUTCOMES, AUDIT_UPSTREAMS, type AuditFilterKey, type AuditSearch, parseAuditSearch } from './audit-search';

const PAGE_SIZE = 25;
// allowed and failed filled in dark colours (AA contrast; a light teal badge fails it)
const OUTCOME_COLOR: Readonly<Record<string, string>> = { allowed: '#0b6e4f', denied: 'orange', rejected: 'gray', failed: '#a51d1d' };

/** The form's fields: every filter as the text typed (the URL holds only the valid, non-empty ones). */
type Filters = Record<AuditFilterKey, string>;
const filtersOf = (s: AuditSearch): Filters => Object.fromEntries(AUDIT_FILTER_KEYS.map((k) => [k, s[k] ?? ''])) as Filters;
/** The filters as search params: empty ones left out, no keyset position (a new filter starts at the newest). */
const searchOf = (f: Filters): AuditSearch => {
  const out: Record<string, string> = {};
  for (const k of AUDIT_FILTER_KEYS) if (f[k].trim()) out[k] = f[k].trim();
  return out;
};

interface AuditEvent {
  readonly seq: string;
  readonly id: string;
  readonly occurredAt: string;
  readonly kind: string;
  readonly subject: string | null;
  readonly roles: readonly string[];
  readonly companyBin: string | null;
  readonly method: string;
  readonly route: string | null;
  readonly path: string;
  readonly upstream: string | null;
  readonly resourceId: string | null;
  readonly status: number;
  readonly outcome: string;
  readonly correlationId: string;
}

/** An Almaty civil date → the instant its day starts there (Asia/Almaty is UTC+5 all year, no DST). */
const almatyMidnight = (date: string) => `${date}T00:00:00+05:00`;
const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The filters as the gateway's query: empty ones left out; the "to" day is inclusive (its next midnight, exclusive). */
function queryOf(f: AuditSearch) {
  const q: Record<string, string> = {};
  for (const key of ['subject', 'companyBin', 'kind', 'outcome', 'upstream', 'resourceId'] as const) {
    const v = f[key];
    if (v) q[key] = v;
  }
  if (f.from) q.from = almatyMidnight(f.from);
  if (f.to) q.to = almatyMidnight(nextDay(f.to));
  return q;
}

/**
 * The audit trail for the Fund's auditors (issue #11, ADR 0032): who (token subject and roles), acting
 * for which company, did what (method, route, resource), when (Asia/Almaty), with which outcome and
 * correlation id — the admin gateway's append-only `GET /api/audit/events`, newest first, one keyset
 * page at a time (`before` = the last row's seq, so rows appended meanwhile never shift a page).
 * The applied filters and the page's keyset position are the URL's search params (audit-search.ts):
 * a view can be shared, reloaded, and the browser's Back returns to the newer page.
 * Read-only: no route changes the trail, and reading it is itself on record.
 */
function AuditTrailPage() {
  const t = useT();
  const api = useApi();
  const search = useSearch({ from: '/staff/audit', select: parseAuditSearch });
  const navigate = useNavigate({ from: '/staff/audit' });
  const [draft, setDraft] = useState<Filters>(() => filtersOf(search));
  const [errors, setErrors] = useState<Partial<Record<AuditFilterKey, string>>>({});
  // the URL changed under the form (Back, a shared link opened in this tab): the form shows what is applied
  const searchKey = JSON.stringify(filtersOf(search));
  useEffect(() => {
    setDraft(filtersOf(search));
  }, [searchKey]);
  const query = queryOf(search);
  const events = useQuery({
    queryKey: ['audit-events', query, search.before ?? null],
    placeholderData: keepPreviousData,
    queryFn: async () =>
      ok(
        await api.GET('/api/audit/events', {
          params: { query: { ...query, pageSize: PAGE_SIZE, ...(search.before ? { before: search.before } : {}) } as never },
        }),
      ),
  });
  const set = (key: AuditFilterKey) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const apply = (e: FormEvent) => {
    e.preventDefault();
    const problems: Partial<Record<AuditFilterKey, string>> = {};
    if (draft.companyBin.trim()) {
      const bin = BinSchema.safeParse(draft.companyBin.trim());
      if (!bin.success && bin.error.issues[0]) problems.companyBin = zodIssueText(bin.error.issues[0], t);
    }
    if (draft.from && draft.to && draft.to < draft.from) problems.to = t('audit.error.period');
    setErrors(problems);
    if (Object.keys(problems).length === 0) void navigate({ search: searchOf(draft) });
  };
  const clear = () => {
    setDraft(filtersOf({}));
    setErrors({});
    void navigate({ search: {} });
  };
  const rows = events.data?.items ?? [];
  const total = events.data?.total ?? 0;
  const lastSeq = rows.length === PAGE_SIZE ? rows.at(-1)?.seq : undefined;
  const older = () => void navigate({ search: (s) => ({ ...s, before: lastSeq }) });
  const newest = () => void navigate({ search: (s) => ({ ...s, before: undefined }) });
  const options = (values: readonly string[], prefix: string) => [
    { value: '', label: t('audit.any') },
    ...values.map((v) => ({ value: v, label: prefix ? t(`${prefix}.${v}` as MessageId) : v })),
  ];

  return (
    <Stack gap="md" maw={1200}>
      <Title order={2}>{t('nav.audit')}</Title>
      <Text size="sm" c="dimmed">
        {t('audit.intro')}
      </Text>
      <Card withBorder component="form" onSubmit={apply} aria-labelledby="audit-filters-title" data-testid="audit-filters">
        <Title order={3} size="h5" mb="xs" id="audit-filters-title">
          {t('audit.filters')}
        </Title>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
          <TextInput label={t('audit.f.subject')} value={draft.subject} onChange={(e) => set('subject')(e.currentTarget.value)} data-testid="audit-subject" />
          <TextInput
            label={t('deadlines.col.company')}
            value={draft.companyBin}
            onChange={(e) => set('companyBin')(e.currentTarget.value)}
            inputMode="numeric"
            error={errors.companyBin}
            data-testid="audit-bin"
          />
          <NativeSelect
            label={t('messages.col.what')}
            value={draft.kind}
            onChange={(e) => set('kind')(e.currentTarget.value)}
            data={options(AUDIT_KINDS, 'audit.kind')}
            data-testid="audit-kind"
          />
          <NativeSelect
            label={t('clusterRound.tally.outcome')}
            value={draft.outcome}
            onChange={(e) => set('outcome')(e.currentTarget.value)}
            data={options(AUDIT_OUTCOMES, 'audit.outcome')}
            data-testid="audit-outcome"
          />
          <NativeSelect
            label={t('deadlines.col.context')}
            value={draft.upstream}
            onChange={(e) => set('upstream')(e.currentTarget.value)}
            data={options(AUDIT_UPSTREAMS, '')}
          />
          <TextInput
            label={t('audit.f.resource')}
            value={draft.resourceId}
            onChange={(e) => set('resourceId')(e.currentTarget.value)}
            data-testid="audit-resource"
          />
          <TextInput type="date" label={t('audit.f.from')} value={draft.from} onChange={(e) => set('from')(e.currentTarget.value)} data-testid="audit-from" />
          <TextInput
            type="date"
            label={t('audit.f.to')}
            value={draft.to}
            onChange={(e) => set('to')(e.currentTarget.value)}
            error={errors.to}
            data-testid="audit-to"
          />
        </SimpleGrid>
        <Group mt="sm">
          <Button type="submit" data-testid="audit-apply">
            {t('audit.apply')}
          </Button>
          <Button variant="default" onClick={clear}>
            {t('audit.clear')}
          </Button>
        </Group>
      </Card>
      <section>
        <Stack gap="sm">
          {events.isSuccess && (
            <Text size="sm" c="dimmed" data-testid="audit-total">
              {t('audit.shown', { shown: rows.length, total })}
            </Text>
          )}
          {events.isPending ? (
            <Loading />
          ) : events.isError ? (
            <ErrorState error={events.error} onRetry={() => void events.refetch()} />
          ) : rows.length === 0 ? (
            <Empty>{t('audit.empty')}</Empty>
          ) : (
            <AuditList rows={rows} />
          )}
          <Group gap="xs">
            {search.before && (
              <Button variant="default" w="fit-content" onClick={newest} data-testid="audit-newest">
                {t('audit.newest')}
              </Button>
            )}
            {lastSeq && (
              <Button variant="light" w="fit-content" onClick={older} loading={events.isFetching} data-testid="audit-older">
                {t('audit.older')}
              </Button>
            )}
          </Group>
        </Stack>
      </section>
    </Stack>
  );
}

/** The rows: a table on wide screens, cards on a phone. */
function AuditList({ rows }: { rows: readonly AuditEvent[] }) {
  const t = useT();
  const { locale } = useLocale();
  const who = (e: AuditEvent) => e.subject ?? '—';
  // the token's role codes as they are (service subjects carry roles the menu has no name for)
  const roles = (e: AuditEvent) => e.roles.join(', ');
  const outcome = (e: AuditEvent) => (
    <Badge
      color={OUTCOME_COLOR[e.outcome]}
      variant={e.outcome === 'failed' || e.outcome === 'allowed' ? 'filled' : 'light'}
      tt="none"
      h="auto"
      styles={{ label: { whiteSpace: 'normal' } }}
    >
      {t(`audit.outcome.${e.outcome}` as MessageId)} · {e.status}
    </Badge>
  );
  const what = (e: AuditEvent) => (
    <>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {t(`audit.kind.${e.kind}` as MessageId)}: <Code>{e.method}</Code> {e.route ?? e.path}
      </Text>
      {e.resourceId && (
        <Text size="xs" c="dimmed">
          {e.resourceId}
        </Text>
      )}
    </>
  );
  return (
    <>
      <Table.ScrollContainer minWidth={900} visibleFrom="sm">
        <Table striped data-testid="audit-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('messages.col.when')}</Table.Th>
              <Table.Th>{t('audit.col.who')}</Table.Th>
              <Table.Th>{t('messages.col.what')}</Table.Th>
              <Table.Th>{t('deadlines.col.company')}</Table.Th>
              <Table.Th>{t('clusterRound.tally.outcome')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((e) => (
              <Table.Tr key={e.id} data-testid="audit-row" data-seq={e.seq} data-kind={e.kind} data-outcome={e.outcome}>
                <Table.Td>{formatInstantDateTime(e.occurredAt, locale)}</Table.Td>
                <Table.Td>
                  <Text size="sm">{who(e)}</Text>
                  <Text size="xs" c="dimmed">
                    {roles(e)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {what(e)}
                  <Text size="xs" c="dimmed" ff="monospace">
                    {e.correlationId}
                  </Text>
                </Table.Td>
                <Table.Td>{e.companyBin ?? '—'}</Table.Td>
                <Table.Td>{outcome(e)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Stack hiddenFrom="sm" gap="sm" data-testid="audit-cards">
        {rows.map((e) => (
          <Card key={e.id} withBorder padding="sm" data-seq={e.seq}>
            <Group justify="space-between" align="start" gap={6}>
              <Text fw={600} size="sm">
                {formatInstantDateTime(e.occurredAt, locale)}
              </Text>
              {outcome(e)}
            </Group>
            <Text size="sm">
              {who(e)}
              {e.companyBin ? ` · ${e.companyBin}` : ''}
            </Text>
            {what(e)}
          </Card>
        ))}
      </Stack>
    </>
  );
}

export const Route = createLazyRoute('/staff/audit')({
  component: () => (
    <RequireAccess op="GET /api/audit/events">
      <AuditTrailPage />
    </RequireAccess>
  ),
});
