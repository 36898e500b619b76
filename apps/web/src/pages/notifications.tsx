import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { createLazyRoute } from '@tanstack/react-router';
import { useApi } from '../api/api-context';
import { idempotent, ok } from '../api/client';
import { useCommand } from '../api/command';
import { formatCivilDate, formatInstantDate } from '../format';
import { useLocale, useT } from '../i18n/i18n';
import { useInbox } from '../ui/bell';
import { RequireAccess } from '../ui/guard';
import { Empty, ErrorState, Loading } from '../ui/states';
import '../ui/lazy-styles';

/**
 * The in-portal inbox (notifications, issue #16): the notices to the caller's companies, newest
 * first; reading one marks it read — for a statutory notice that is its delivery (ADR 0092).
 */
function NotificationsPage() {
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  const inbox = useInbox();
  const markRead = useCommand(async (id: string, key: string) =>
    ok(await api.POST('/api/notifications/inbox/{id}/read', { params: { path: { id } }, ...idempotent(key) })),
  );
  const read = async (id: string) => {
    await markRead.submit(id).catch(() => undefined);
    await queryClient.invalidateQueries({ queryKey: ['inbox'] });
  };
  return (
    <Stack gap="md" maw={900}>
      <Title order={2}>{t('notifications.title')}</Title>
      {inbox.isPending ? (
        <Loading />
      ) : inbox.isError ? (
        <ErrorState error={inbox.error} onRetry={() => void inbox.refetch()} />
      ) : inbox.data.messages.length === 0 ? (
        <Empty>{t('notifications.empty')}</Empty>
      ) : (
        <>
          <Text fw={500} data-testid="notifications-unread">
            {t('notifications.unread', { count: inbox.data.unread })}
          </Text>
          {markRead.isError && <ErrorState error={markRead.error} />}
          <Stack gap="sm" data-testid="notifications-list">
            {inbox.data.messages.map((m) => (
              <Card key={m.id} withBorder data-status={m.status} data-testid="notification">
                <Group justify="space-between" align="start" gap="xs">
                  <div>
                    <Text fw={m.status === 'unread' ? 700 : 500}>{m.subject}</Text>
                    <Text size="xs" c="dimmed">
                      {m.bin} · {formatInstantDate(m.createdAt, locale)}
                      {m.ruleId ? ` · ${m.ruleId}` : ''}
                      {m.dueOn ? ` · ${t('notifications.dueOn', { date: formatCivilDate(m.dueOn, locale) })}` : ''}
                    </Text>
                  </div>
                  <Badge variant={m.status === 'unread' ? 'filled' : 'light'} color={m.status === 'unread' ? 'blue' : 'gray'} tt="none">
                    {t(m.status === 'unread' ? 'notifications.status.unread' : 'notifications.status.read')}
                  </Badge>
                </Group>
                <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
                  {m.body}
                </Text>
                {m.status === 'unread' && (
                  <Button
                    mt="xs"
                    size="xs"
                    variant="light"
                    w="fit-content"
                    onClick={() => void read(m.id)}
                    loading={markRead.isPending}
                    data-testid="mark-read"
                  >
                    {t('notifications.markRead')}
                  </Button>
                )}
              </Card>
            ))}
          </Stack>
        </>
      )}
    </Stack>
  );
}

export const Route = createLazyRoute('/my/notifications')({
  component: () => (
    <RequireAccess op="GET /api/notifications/inbox">
      <NotificationsPage />
    </RequireAccess>
  ),
});
