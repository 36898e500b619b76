import { Alert, Badge, Button, Card, Checkbox, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, createLazyRoute } from '@tanstack/react-router';
import { useState } from 'react';
import { useApi } from '../api/api-context';
import { idempotent, mayCall, ok } from '../api/client';
import { useSession } from '../auth/auth-context';
import { useCommand } from '../api/command';
import { formatCivilDate, formatTiyn } from '../format';
import { useLocale, useT } from '../i18n/i18n';
import type { MessageId } from '../i18n/locales';
import { RequireAccess } from '../ui/guard';
import { Empty, ErrorState, Loading } from '../ui/states';
import '../ui/lazy-styles';

interface ActJson {
  readonly kind: 'check-in' | 'acceptance-transfer';
  readonly signedOn: string;
  readonly condition: string;
  readonly inventory?: readonly { item: string; expected: number; found: number }[];
  readonly meterReadings?: readonly { meter: string; reading: string }[];
  readonly damages?: readonly { description: string; amountTiyn: number }[];
}
const actOf = (v: unknown): ActJson | null => (v && typeof v === 'object' && 'kind' in v ? (v as ActJson) : null);

interface AllocationRow {
  readonly id: string;
  readonly bed: string;
  readonly status: string;
  readonly startsOn: string;
  readonly acceptBy: string;
  readonly contractNumber: string | null;
  readonly contractEndsOn: string | null;
  readonly vacateBy: string | null;
  readonly vacateOverdue: boolean;
  readonly checkInAct: unknown;
  readonly handoverAct: unknown;
}

/**
 * The person in acceleration's own housing (issue #14, F-59 … F-62): their housing request, the
 * offer of a bed with the day to accept by (F-62, ADR 0057) — accept it (agreeing to the F-60 duty
 * to keep the dwelling and common property intact) or decline it — the housing contract (F-60) and
 * the check-in and acceptance-transfer acts (F-61). The person sees only their own (housing matches
 * the token's subject); no IIN or contacts are shown here (F-42).
 */
function MyHousingPage() {
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  const requests = useQuery({ queryKey: ['my-housing-requests'], queryFn: async () => ok(await api.GET('/api/housing/housing-requests', {})) });
  const allocations = useQuery({ queryKey: ['my-housing-allocations'], queryFn: async () => ok(await api.GET('/api/housing/allocations', {})) });
  const date = (d: string | null | undefined) => (d ? formatCivilDate(d, locale) : '—');

  return (
    <Stack gap="md" maw={1000}>
      <Title order={2}>{t('myHousing.title')}</Title>
      <Text c="dimmed" size="sm">
        {t('myHousing.intro')}
      </Text>

      <Card withBorder>
        <Title order={3} size="h4" mb="xs">
          {t('myHousing.requests')}
        </Title>
        {requests.isPending ? (
          <Loading />
        ) : requests.isError ? (
          <ErrorState error={requests.error} onRetry={() => void requests.refetch()} />
        ) : requests.data.length === 0 ? (
          <Empty>{t('myHousing.requests.none')}</Empty>
        ) : (
          <Table striped layout="fixed" fz="sm" data-testid="my-housing-requests">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('housing.col.town')}</Table.Th>
                <Table.Th>{t('housing.col.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {requests.data.map((r) => (
                <Table.Tr key={r.id} data-status={r.status}>
                  <Table.Td>{r.townKatoCode}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" tt="none">
                      {t(`caseStatus.${r.status}` as MessageId)}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>

      <Card withBorder>
        <Title order={3} size="h4" mb="xs">
          {t('myHousing.offers')}
        </Title>
        {allocations.isPending ? (
          <Loading />
        ) : allocations.isError ? (
          <ErrorState error={allocations.error} onRetry={() => void allocations.refetch()} />
        ) : allocations.data.length === 0 ? (
          <Empty>{t('myHousing.offers.none')}</Empty>
        ) : (
          <Stack gap="sm">
            {allocations.data.map((a) => (
              <OfferCard
                key={a.id}
                allocation={a}
                date={date}
                onChanged={async () => {
                  await queryClient.invalidateQueries({ queryKey: ['my-housing-allocations'] });
                  await queryClient.invalidateQueries({ queryKey: ['my-housing-requests'] });
                }}
              />
            ))}
          </Stack>
        )}
      </Card>
      <NoticeSettingsCard />
    </Stack>
  );
}

function OfferCard({ allocation: a, date, onChanged }: { allocation: AllocationRow; date: (d: string | null) => string; onChanged: () => Promise<void> }) {
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  const [duties, setDuties] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const accept = useCommand(async (id: string, key: string) =>
    ok(await api.POST('/api/housing/allocations/{id}/accept', { params: { path: { id } }, body: { acceptsDuties: true }, ...idempotent(key) })),
  );
  const decline = useCommand(async (id: string, key: string) =>
    ok(await api.POST('/api/housing/allocations/{id}/decline', { params: { path: { id } }, ...idempotent(key) })),
  );
  const act = async (command: typeof accept | typeof decline) => {
    setError(null);
    try {
      await command.submit(a.id);
      await onChanged();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const acts = [actOf(a.checkInAct), actOf(a.handoverAct)].filter((x): x is ActJson => x !== null);
  return (
    <Card withBorder data-testid="my-allocation" data-status={a.status}>
      <Group justify="space-between" mb="xs">
        <Text fw={600}>{t('myHousing.place', { bed: a.bed, from: date(a.startsOn) })}</Text>
        <Badge variant="light" tt="none">
          {t(`allocationStatus.${a.status}` as MessageId)}
        </Badge>
      </Group>
      {a.status === 'offered' && (
        <Stack gap="xs">
          <Text size="sm" data-testid="my-offer-accept-by">
            {t('myHousing.acceptBy', { date: date(a.acceptBy) })}
          </Text>
          <Checkbox label={t('myHousing.duties')} checked={duties} onChange={(e) => setDuties(e.currentTarget.checked)} data-testid="my-offer-duties" />
          <Group>
            <Button onClick={() => void act(accept)} disabled={!duties} loading={accept.isPending} data-testid="my-offer-accept">
              {t('myHousing.accept')}
            </Button>
            <Button variant="default" onClick={() => void act(decline)} loading={decline.isPending} data-testid="my-offer-decline">
              {t('myHousing.decline')}
            </Button>
          </Group>
        </Stack>
      )}
      {a.contractNumber && (
        <Stack gap={4} data-testid="my-contract">
          <Text size="sm">{t('myHousing.contract', { number: a.contractNumber, date: date(a.contractEndsOn) })}</Text>
          <Text size="sm" c="dimmed">
            {t('myHousing.duties')}
          </Text>
        </Stack>
      )}
      {a.vacateBy && (
        <Text size="sm" c={a.vacateOverdue ? '#a51d1d' : undefined} data-testid="my-vacate-by">
          {t('myHousing.vacateBy', { date: date(a.vacateBy) })}
          {a.vacateOverdue ? ` · ${t('queue.overdue')}` : ''}
        </Text>
      )}
      {acts.length > 0 && (
        <Table striped layout="fixed" fz="sm" mt="xs" data-testid="my-acts">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('housing.col.act')}</Table.Th>
              <Table.Th>{t('housing.col.signedOn')}</Table.Th>
              <Table.Th>{t('myHousing.col.condition')}</Table.Th>
              <Table.Th>{t('myHousing.col.damages')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {acts.map((x) => (
              <Table.Tr key={x.kind} data-kind={x.kind}>
                <Table.Td>{x.kind === 'check-in' ? t('housing.act.checkIn') : t('housing.act.handover')}</Table.Td>
                <Table.Td>{date(x.signedOn)}</Table.Td>
                <Table.Td>{x.condition}</Table.Td>
                <Table.Td>
                  {formatTiyn(
                    (x.damages ?? []).reduce((n, d) => n + d.amountTiyn, 0),
                    locale,
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {error && (
        <Alert color="red" variant="light" mt="xs" data-testid="my-offer-error">
          {error}
        </Alert>
      )}
    </Card>
  );
}

/**
 * ADR 0114, 0116: the notices about their housing (the offer, the contract, the F-61 notice to vacate,
 * the acts) come to the person's portal inbox; their language and e-mail reminders are the person's own
 * settings in notifications (`GET|PUT /me/notification-settings`) — shown here and changed on the
 * notifications page. A person in acceleration signs in as an individual (no company, F-42: no address typed).
 */
function NoticeSettingsCard() {
  const t = useT();
  const api = useApi();
  const session = useSession();
  const allowed = mayCall(session, 'GET /api/notifications/me/notification-settings');
  const settings = useQuery({
    queryKey: ['person-notice-settings'],
    enabled: allowed,
    queryFn: async () => ok(await api.GET('/api/notifications/me/notification-settings')),
  });
  if (!allowed) return null;
  const language = settings.data?.language;
  return (
    <Card withBorder data-testid="my-housing-notice-settings">
      <Title order={3} size="h4" mb="xs">
        {t('myHousing.notices.title')}
      </Title>
      <Stack gap="xs">
        <Text size="sm">{t('myHousing.notices.intro')}</Text>
        {settings.isPending ? (
          <Loading />
        ) : settings.isError ? (
          <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
        ) : (
          <Text size="sm" data-testid="my-housing-notice-language" data-language={language ?? ''}>
            {t('myHousing.notices.language', { language: language ? LANGUAGE_NAMES[language] : t('myHousing.notices.languageDefault') })}
            {' · '}
            {t(settings.data.kinds.reminders.email ? 'myHousing.notices.remindersOn' : 'myHousing.notices.remindersOff')}
          </Text>
        )}
        <Button component={Link} to="/my/notifications" variant="light" w="fit-content" data-testid="my-housing-notice-settings-link">
          {t('myHousing.notices.change')}
        </Button>
      </Stack>
    </Card>
  );
}

const LANGUAGE_NAMES: Record<string, string> = { kk: 'Қазақша', ru: 'Русский', en: 'English' };

export const Route = createLazyRoute('/my/housing')({
  component: () => (
    <RequireAccess op="POST /api/housing/allocations/{id}/accept">
      <MyHousingPage />
    </RequireAccess>
  ),
});
