import { Alert, Badge, Button, Card, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createLazyRoute, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useApi } from '../api/api-context';
import { idempotent, mayCall, ok } from '../api/client';
import { useCommand } from '../api/command';
import { useSession } from '../auth/auth-context';
import { formatCivilDate, formatInstantDate } from '../format';
import { useLocale, useT } from '../i18n/i18n';
import type { MessageId } from '../i18n/locales';
import { RequireAccess } from '../ui/guard';
import { Empty, ErrorState, Loading } from '../ui/states';
import '../ui/lazy-styles';

type Status = 'pending' | 'sent' | 'dead' | 'unread' | 'read';
const STATUS_TEXT: Readonly<Record<Status, MessageId>> = {
  pending: 'messages.status.pending',
  sent: 'messages.status.sent',
  dead: 'messages.status.dead',
  unread: 'messages.status.unread',
  read: 'messages.status.read',
};
const STATUS_COLOR: Readonly<Record<Status, string>> = { pending: 'gray', sent: 'teal', dead: '#a51d1d', unread: 'blue', read: 'teal' };

interface Entry {
  readonly id: string;
  readonly createdAt: string;
  readonly subject: string;
  readonly ruleId: string | null;
  readonly statutory: boolean;
  readonly channel: 'email' | 'portal';
  readonly recipient: string;
  readonly status: Status;
  readonly attempts: number;
  readonly lastError: string | null;
  readonly dueOn: string | null;
}

function StatusBadge({ status }: { status: Status }) {
  const t = useT();
  return (
    <Badge color={STATUS_COLOR[status]} variant={status === 'dead' ? 'filled' : 'light'} tt="none" data-testid="message-status" data-status={status}>
      {t(STATUS_TEXT[status])}
    </Badge>
  );
}

/** One list of messages: a table on wide screens, cards on a phone; no bodies, the address masked (F-42). */
function MessageList({ entries, testId, action }: { entries: readonly Entry[]; testId: string; action?: (e: Entry) => React.ReactNode }) {
  const t = useT();
  const { locale } = useLocale();
  const rule = (e: Entry) => `${e.ruleId ?? '—'}${e.statutory ? ` · ${t('messages.statutory')}` : ''}`;
  const channel = (e: Entry) => t(e.channel === 'email' ? 'messages.channel.email' : 'messages.channel.portal');
  return (
    <>
      <Table.ScrollContainer minWidth={860} visibleFrom="sm">
        <Table striped data-testid={testId}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('messages.col.when')}</Table.Th>
              <Table.Th>{t('messages.col.what')}</Table.Th>
              <Table.Th>{t('messages.col.to')}</Table.Th>
              <Table.Th>{t('messages.col.status')}</Table.Th>
              {action && <Table.Th>{t('messages.col.action')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((e) => (
              <Table.Tr key={e.id} data-testid="message-row" data-status={e.status} data-channel={e.channel}>
                <Table.Td>{formatInstantDate(e.createdAt, locale)}</Table.Td>
                <Table.Td>
                  <Text size="sm">{e.subject}</Text>
                  <Text size="xs" c="dimmed">
                    {rule(e)}
                    {e.dueOn ? ` · ${t('messages.dueOn', { date: formatCivilDate(e.dueOn, locale) })}` : ''}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{channel(e)}</Text>
                  <Text size="xs" c="dimmed">
                    {e.recipient}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={e.status} />
                  {e.channel === 'email' && (
                    <Text size="xs" c="dimmed">
                      {t('messages.attempts', { count: e.attempts })}
                    </Text>
                  )}
                  {e.lastError && (
                    <Text size="xs" c="dimmed" data-testid="message-error">
                      {e.lastError}
                    </Text>
                  )}
                </Table.Td>
                {action && <Table.Td>{action(e)}</Table.Td>}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Stack hiddenFrom="sm" gap="sm">
        {entries.map((e) => (
          <Card key={e.id} withBorder padding="sm" data-status={e.status}>
            <Group justify="space-between" align="start" gap={6}>
              <Text fw={600} size="sm">
                {formatInstantDate(e.createdAt, locale)}
              </Text>
              <StatusBadge status={e.status} />
            </Group>
            <Text size="sm">{e.subject}</Text>
            <Text size="xs" c="dimmed">
              {rule(e)} · {channel(e)} · {e.recipient}
            </Text>
            {e.lastError && (
              <Text size="xs" c="dimmed">
                {e.lastError}
              </Text>
            )}
            {action?.(e)}
          </Card>
        ))}
      </Stack>
    </>
  );
}

/**
 * The message log for the Fund's staff (issue #16: "who, what, when, channel, status" per company) and
 * the dead letters with their resend (ADR 0104 §3) — notifications' `GET /messages?bin=`,
 * `GET /messages/dead-letters` and `POST /messages/:id/resend` through the gateway. No message body
 * and only masked addresses reach the browser (F-42); a resend goes to the company's current address.
 */
function MessageLog() {
  const t = useT();
  const api = useApi();
  const session = useSession();
  const queryClient = useQueryClient();
  const [bin, setBin] = useState('');
  const [resent, setResent] = useState<string | null>(null);
  const binFilter = /^\d{12}$/.test(bin) ? bin : undefined;
  // issue #16: the log of one deadline's subject, linked from the deadlines board (`?subjectId=`)
  const { subjectId } = useSearch({ from: '/staff/messages' });
  const log = useQuery({
    queryKey: ['message-log', binFilter, subjectId],
    queryFn: async () => ok(await api.GET('/api/notifications/messages', { params: { query: { bin: binFilter, subjectId } } })),
    enabled: binFilter !== undefined || subjectId !== undefined,
  });
  const dead = useQuery({
    queryKey: ['dead-letters', binFilter],
    queryFn: async () => ok(await api.GET('/api/notifications/messages/dead-letters', { params: { query: binFilter ? { bin: binFilter } : {} } })),
  });
  const mayResend = mayCall(session, 'POST /api/notifications/messages/{id}/resend');
  const resend = useCommand(async (id: string, key: string) =>
    ok(await api.POST('/api/notifications/messages/{id}/resend', { params: { path: { id } }, ...idempotent(key) })),
  );
  const resendOne = async (id: string) => {
    setResent(null);
    await resend.submit(id);
    setResent(id);
    await queryClient.invalidateQueries({ queryKey: ['dead-letters'] });
    await queryClient.invalidateQueries({ queryKey: ['message-log'] });
  };

  return (
    <Stack gap="md">
      <Title order={2}>{t('messages.title')}</Title>
      <Text c="dimmed" size="sm">
        {t('messages.intro')}
      </Text>
      <TextInput
        label={t('deadlines.bin')}
        value={bin}
        onChange={(e) => setBin(e.currentTarget.value.replace(/\D/g, '').slice(0, 12))}
        inputMode="numeric"
        maw={320}
        error={bin && !binFilter ? t('deadlines.binHint') : undefined}
        data-testid="messages-bin"
      />
      <section aria-labelledby="message-log-title">
        <Stack gap="sm">
          <Title order={3} id="message-log-title">
            {binFilter ? t('messages.logOf', { bin: binFilter }) : subjectId ? t('messages.logOfSubject', { subjectId }) : t('messages.log')}
          </Title>
          {!binFilter && !subjectId ? (
            <Text size="sm" data-testid="messages-choose">
              {t('messages.choose')}
            </Text>
          ) : log.isPending ? (
            <Loading />
          ) : log.isError ? (
            <ErrorState error={log.error} onRetry={() => void log.refetch()} />
          ) : log.data.length === 0 ? (
            <Empty>{t('messages.empty')}</Empty>
          ) : (
            <MessageList entries={log.data} testId="message-log" />
          )}
        </Stack>
      </section>
      <section aria-labelledby="dead-letters-title">
        <Stack gap="sm">
          <Title order={3} id="dead-letters-title">
            {t('messages.deadLetters')}
          </Title>
          <Text c="dimmed" size="sm">
            {t('messages.deadLettersIntro')}
          </Text>
          {resend.isError && <ErrorState error={resend.error} />}
          {resent && (
            <Alert color="teal" role="status" data-testid="messages-resent">
              {t('messages.resent')}
            </Alert>
          )}
          {dead.isPending ? (
            <Loading />
          ) : dead.isError ? (
            <ErrorState error={dead.error} onRetry={() => void dead.refetch()} />
          ) : dead.data.length === 0 ? (
            <Empty>{t('messages.noDeadLetters')}</Empty>
          ) : (
            <MessageList
              entries={dead.data}
              testId="dead-letters"
              {...(mayResend
                ? {
                    action: (e: Entry) =>
                      e.status === 'dead' ? (
                        <Button size="xs" variant="light" loading={resend.isPending} onClick={() => void resendOne(e.id)} data-testid="message-resend">
                          {t('messages.resend')}
                        </Button>
                      ) : null,
                  }
                : {})}
            />
          )}
        </Stack>
      </section>
    </Stack>
  );
}

export const Route = createLazyRoute('/staff/messages')({
  component: () => (
    <RequireAccess op="GET /api/notifications/messages">
      <MessageLog />
    </RequireAccess>
  ),
});
