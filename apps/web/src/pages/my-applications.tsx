import { Anchor, Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, createLazyRoute } from '@tanstack/react-router';
import { ok } from '../api/client';
import { useApi } from '../api/api-context';
import { formatCivilDate, formatInstantDate } from '../format';
import { useLocale, useT } from '../i18n/i18n';
import type { MessageId } from '../i18n/locales';
import { RequireAccess } from '../ui/guard';
import { Empty, ErrorState, Loading } from '../ui/states';
import '../ui/lazy-styles';

type Deadline = { kind: string; ruleId: string; applicationId: string; dueDate: string; overdue: boolean; status: string };

/** The applicant's applications (its own companies only: F-35, enforced by the gateway and registration) with status and the Fund's next deadline. */
function MyApplications() {
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  const apps = useQuery({
    queryKey: ['my-applications'],
    queryFn: async () => ok(await api.GET('/api/registration/applications', { params: { query: { pageSize: 100 } } })),
  });
  const deadlines = useQuery({
    queryKey: ['my-deadlines'],
    // One keyset page (ADR 0047), soonest first: a company's open deadlines are a handful, far below the 1 000 of a page.
    queryFn: async () => ok(await api.GET('/api/registration/deadlines', { params: { query: { status: 'open', limit: 1000 } } })).items as Deadline[],
  });
  const next = (id: string) =>
    (deadlines.data ?? []).filter((d) => d.applicationId === id && d.status === 'open').sort((a, b) => a.dueDate.localeCompare(b.dueDate))[0];
  const deadlineText = (id: string) => {
    const d = next(id);
    if (!d)
      return (
        <Text c="dimmed" size="sm">
          {t('applications.noDeadline')}
        </Text>
      );
    const what = t(`deadlineKind.${d.kind}` as MessageId, { rule: d.ruleId });
    return (
      <Stack gap={2}>
        <Text size="sm">{what}</Text>
        <Group gap={6}>
          <Text size="sm" fw={600} c={d.overdue ? '#a51d1d' : undefined}>
            {t(d.overdue ? 'deadline.overdue' : 'deadline.due', { date: formatCivilDate(d.dueDate, locale) })}
          </Text>
        </Group>
      </Stack>
    );
  };
  const status = (s: string) => (
    <Badge variant="light" tt="none">
      {t(`applicationStatus.${s}` as MessageId)}
    </Badge>
  );
  const filed = (a: { filedAt: string | null }) => (a.filedAt ? formatInstantDate(a.filedAt, locale) : t('applications.notFiled'));

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>{t('applications.title')}</Title>
        <Button component={Link} to="/my/applications/new" data-testid="new-application">
          {t('applications.new')}
        </Button>
      </Group>
      <Text c="dimmed" size="sm">
        {t('applications.intro')}
      </Text>
      {apps.isPending ? (
        <Loading />
      ) : apps.isError ? (
        <ErrorState error={apps.error} onRetry={() => void apps.refetch()} />
      ) : apps.data.items.length === 0 ? (
        <Empty>{t('applications.empty')}</Empty>
      ) : (
        <>
          <Text fw={500} data-testid="applications-total">
            {t('applications.total', { count: apps.data.total })}
          </Text>
          <Table.ScrollContainer minWidth={720} visibleFrom="sm">
            <Table striped data-testid="applications-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('applications.col.company')}</Table.Th>
                  <Table.Th>{t('applications.col.kind')}</Table.Th>
                  <Table.Th>{t('applications.col.status')}</Table.Th>
                  <Table.Th>{t('applications.col.filed')}</Table.Th>
                  <Table.Th>{t('applications.col.deadline')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {apps.data.items.map((a) => (
                  <Table.Tr key={a.id} data-status={a.status}>
                    <Table.Td>
                      <Anchor component={Link} to="/my/applications/$id" params={{ id: a.id } as never} size="sm" fw={500}>
                        {a.companyName}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {a.bin}
                      </Text>
                    </Table.Td>
                    <Table.Td>{t(`applicationKind.${a.kind}`)}</Table.Td>
                    <Table.Td>{status(a.status)}</Table.Td>
                    <Table.Td>{filed(a)}</Table.Td>
                    <Table.Td>{deadlineText(a.id)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Stack hiddenFrom="sm" gap="sm">
            {apps.data.items.map((a) => (
              <Card key={a.id} withBorder padding="sm">
                <Group justify="space-between" align="start" gap={6}>
                  <Anchor component={Link} to="/my/applications/$id" params={{ id: a.id } as never} fw={600}>
                    {a.companyName}
                  </Anchor>
                  {status(a.status)}
                </Group>
                <Text size="sm" c="dimmed">
                  {t(`applicationKind.${a.kind}`)} · {filed(a)}
                </Text>
                {deadlineText(a.id)}
              </Card>
            ))}
          </Stack>
        </>
      )}
    </Stack>
  );
}

export const Route = createLazyRoute('/my/applications')({
  component: () => (
    <RequireAccess op="GET /api/registration/applications">
      <MyApplications />
    </RequireAccess>
  ),
});
