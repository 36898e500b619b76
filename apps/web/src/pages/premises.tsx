import { Alert, Button, Card, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createLazyRoute } from '@tanstack/react-router';
import { useState } from 'react';
import { useApi } from '../api/api-context';
import { fieldErrors, idempotent, ok } from '../api/client';
import { useCommand } from '../api/command';
import { useSession } from '../auth/auth-context';
import { useT } from '../i18n/i18n';
import { RequireAccess } from '../ui/guard';
import { Empty, ErrorState, Loading } from '../ui/states';
import { PremisesTable } from './housing-staff';
import '../ui/lazy-styles';

const KINDS = ['administrative', 'production', 'auxiliary'] as const;

/**
 * A participant's premises (F-57, F-58): ask the Fund for administrative, production or auxiliary
 * premises for a period within the participation term, and follow the company's leases — allocated,
 * released, the day the premises are to be handed back under an act (ADR 0053).
 */
function PremisesPage() {
  const t = useT();
  const api = useApi();
  const session = useSession();
  const queryClient = useQueryClient();
  const companies = session?.companies ?? [];
  const [bin, setBin] = useState(companies[0] ?? '');
  const [kind, setKind] = useState<(typeof KINDS)[number]>('administrative');
  const [from, setFrom] = useState('');
  const [until, setUntil] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState(false);
  const leases = useQuery({ queryKey: ['my-premises-leases'], queryFn: async () => ok(await api.GET('/api/housing/premises-leases', {})) });
  const request = useCommand(async (body: { bin: string; premisesKind: (typeof KINDS)[number]; from: string; until?: string }, key: string) =>
    ok(await api.POST('/api/housing/premises-leases', { body: body as never, ...idempotent(key) })),
  );
  // F-57 (ADR 0053 amendment): one open request per company — the company may withdraw it (a release of a request cancels it) and ask again.
  const withdraw = useCommand(async (lease: { id: string; startsOn: string }, key: string) =>
    ok(await api.POST('/api/housing/premises-leases/{id}/release', { params: { path: { id: lease.id } }, body: { from: lease.startsOn }, ...idempotent(key) })),
  );
  const withdrawAction = (l: { id: string; status: string; startsOn: string }) =>
    l.status === 'requested' ? (
      <Button
        size="xs"
        variant="default"
        loading={withdraw.isPending}
        onClick={() =>
          void withdraw
            .submit({ id: l.id, startsOn: l.startsOn })
            .then(() => queryClient.invalidateQueries({ queryKey: ['my-premises-leases'] }))
            .catch((e: unknown) => setErrors({ form: e instanceof Error ? e.message : String(e) }))
        }
        data-testid="premises-withdraw"
      >
        {t('premises.withdraw')}
      </Button>
    ) : null;
  const send = async () => {
    setDone(false);
    if (!from) {
      setErrors({ from: t('premises.error.from') });
      return;
    }
    setErrors({});
    try {
      await request.submit({ bin, premisesKind: kind, from, ...(until ? { until } : {}) });
      setDone(true);
      await queryClient.invalidateQueries({ queryKey: ['my-premises-leases'] });
    } catch (e) {
      // the fields the server named, and its message (a refused rule names itself, e.g. F-57)
      setErrors({ ...fieldErrors(e), form: e instanceof Error ? e.message : String(e) });
    }
  };
  return (
    <Stack gap="md" maw={1000}>
      <Title order={2}>{t('premises.title')}</Title>
      <Text c="dimmed" size="sm">
        {t('premises.intro')}
      </Text>
      <Card withBorder>
        <Title order={3} size="h4" mb="xs">
          {t('premises.request')}
        </Title>
        <Stack gap="sm" maw={420}>
          <NativeSelect
            label={t('form.bin')}
            data={[...companies]}
            value={bin}
            onChange={(e) => setBin(e.currentTarget.value)}
            error={errors.bin}
            data-testid="premises-bin"
          />
          <NativeSelect
            label={t('premises.kind')}
            data={KINDS.map((k) => ({ value: k, label: t(`housing.premisesKind.${k}`) }))}
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value as (typeof KINDS)[number])}
            error={errors.premisesKind}
            data-testid="premises-kind"
          />
          <Group grow>
            <TextInput
              type="date"
              label={t('premises.from')}
              value={from}
              onChange={(e) => setFrom(e.currentTarget.value)}
              error={errors.from}
              required
              data-testid="premises-from"
            />
            <TextInput
              type="date"
              label={t('premises.until')}
              description={t('premises.until.hint')}
              value={until}
              onChange={(e) => setUntil(e.currentTarget.value)}
              error={errors.until}
              data-testid="premises-until"
            />
          </Group>
          {errors.form && (
            <Alert color="red" variant="light" data-testid="premises-error">
              {errors.form}
            </Alert>
          )}
          {done && (
            <Alert color="green" variant="light" data-testid="premises-requested">
              {t('premises.requested')}
            </Alert>
          )}
          <Button onClick={() => void send()} loading={request.isPending} disabled={!bin} data-testid="premises-submit">
            {t('premises.submit')}
          </Button>
        </Stack>
      </Card>
      <Card withBorder>
        <Title order={3} size="h4" mb="xs">
          {t('premises.mine')}
        </Title>
        {leases.isPending ? (
          <Loading />
        ) : leases.isError ? (
          <ErrorState error={leases.error} onRetry={() => void leases.refetch()} />
        ) : leases.data.length === 0 ? (
          <Empty>{t('premises.none')}</Empty>
        ) : (
          <PremisesTable leases={leases.data} actions={withdrawAction} />
        )}
      </Card>
    </Stack>
  );
}

export const Route = createLazyRoute('/my/premises')({
  component: () => (
    <RequireAccess op="POST /api/housing/premises-leases">
      <PremisesPage />
    </RequireAccess>
  ),
});
