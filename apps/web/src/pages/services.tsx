import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, createLazyRoute } from '@tanstack/react-router';
import { useApi } from '../api/api-context';
import { mayCall, ok } from '../api/client';
import { useSession } from '../auth/auth-context';
import { formatCivilDate, formatTiyn } from '../format';
import { useLocale, useT } from '../i18n/i18n';
import type { MessageId } from '../i18n/locales';
import { Empty, ErrorState, Loading } from '../ui/states';
import { almatyToday, currentPrice } from './service-prices';
import '../ui/lazy-styles';

/**
 * The Fund's services (issue #12, F-43 … F-56), public: the catalogue with each service's current
 * price for participants and others (F-56) and its published calls with the intake window (F-55);
 * an applicant applies to an open call.
 */
function ServicesPage() {
  const t = useT();
  const api = useApi();
  const session = useSession();
  const { locale } = useLocale();
  const services = useQuery({
    queryKey: ['services'],
    queryFn: async () => ok(await api.GET('/api/services/services')),
  });
  const calls = useQuery({
    queryKey: ['service-calls'],
    queryFn: async () => ok(await api.GET('/api/services/calls', {})),
  });
  const mayApply = mayCall(session, 'POST /api/services/service-applications') && session?.roles.includes('applicant');
  const today = almatyToday();
  if (services.isPending || calls.isPending) return <Loading />;
  if (services.isError) return <ErrorState error={services.error} onRetry={() => void services.refetch()} />;
  if (calls.isError) return <ErrorState error={calls.error} onRetry={() => void calls.refetch()} />;
  return (
    <Stack gap="md">
      <Title order={2}>{t('services.title')}</Title>
      <Text c="dimmed" size="sm">
        {t('services.intro')}
      </Text>
      <Text fw={500} data-testid="services-total">
        {t('services.total', { count: services.data.length })}
      </Text>
      {services.data.length === 0 ? (
        <Empty>{t('services.empty')}</Empty>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" data-testid="services">
          {services.data.map((s) => {
            const price = currentPrice(s, today);
            const own = calls.data.filter((c) => c.serviceId === s.id);
            return (
              <Card key={s.id} withBorder data-testid="service" data-code={s.code}>
                <Group justify="space-between" align="start" gap="xs">
                  <Title order={3} size="h4">
                    {s.title}
                  </Title>
                  <Badge variant="light" tt="none">
                    {t(`services.eligibility.${s.eligibility}` as MessageId)}
                  </Badge>
                </Group>
                <Text size="sm" c="dimmed">
                  {t(`services.delivery.${s.delivery}` as MessageId)}
                </Text>
                <Text size="sm" mt="xs" data-testid="price">
                  {price
                    ? [
                        price.participantPriceTiyn === null ? null : t('services.price.participant', { price: formatTiyn(price.participantPriceTiyn, locale) }),
                        price.nonParticipantPriceTiyn === null ? null : t('services.price.other', { price: formatTiyn(price.nonParticipantPriceTiyn, locale) }),
                      ]
                        .filter(Boolean)
                        .join(' · ') || t('services.price.none')
                    : t('services.price.none')}
                </Text>
                <Title order={4} size="h6" mt="sm">
                  {t('services.calls')}
                </Title>
                {own.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('services.calls.none')}
                  </Text>
                ) : (
                  <Stack gap={6} mt={4}>
                    {own.map((c) => {
                      const open = c.intakeOpensOn <= today && today <= c.intakeClosesOn;
                      return (
                        <Card key={c.id} withBorder padding="xs" data-testid="call" data-open={String(open)}>
                          <Text size="sm" fw={500}>
                            {c.title}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {t('services.call.window', { from: formatCivilDate(c.intakeOpensOn, locale), to: formatCivilDate(c.intakeClosesOn, locale) })} ·{' '}
                            {t('services.call.review', { days: c.reviewWorkingDays })}
                          </Text>
                          <Group gap="xs" mt={4}>
                            <Badge size="sm" variant="light" color={open ? '#0b6e4f' : 'gray'} tt="none">
                              {open ? t('services.call.open') : t('services.call.closed')}
                            </Badge>
                            {open && mayApply && (
                              <Button size="compact-sm" component={Link} to="/services/calls/$id/apply" params={{ id: c.id } as never} data-testid="apply">
                                {t('services.apply')}
                              </Button>
                            )}
                          </Group>
                        </Card>
                      );
                    })}
                  </Stack>
                )}
              </Card>
            );
          })}
        </SimpleGrid>
      )}
      {mayApply && (
        <Anchor component={Link} to="/my/service-applications" size="sm">
          {t('services.mine.link')}
        </Anchor>
      )}
    </Stack>
  );
}

export const Route = createLazyRoute('/services')({ component: ServicesPage });
