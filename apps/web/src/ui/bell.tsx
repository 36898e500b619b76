import { ActionIcon, Indicator } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useApi } from '../api/api-context';
import { mayCall, ok } from '../api/client';
import { useSession } from '../auth/auth-context';
import { useT } from '../i18n/i18n';
import '../ui/lazy-styles';

/** The inbox as the bell and the notifications page read it (notifications' GET /inbox through the gateway). */
export function useInbox() {
  const api = useApi();
  const session = useSession();
  return useQuery({
    queryKey: ['inbox', session?.subject],
    queryFn: async () => ok(await api.GET('/api/notifications/inbox')),
    enabled: mayCall(session, 'GET /api/notifications/inbox'),
    refetchInterval: 30_000,
  });
}

/** The notifications bell (issue #11): the unread count of the caller's companies' messages; opens the list. */
export function Bell() {
  const t = useT();
  const session = useSession();
  const inbox = useInbox();
  if (!mayCall(session, 'GET /api/notifications/inbox')) return null;
  const unread = inbox.data?.unread ?? 0;
  return (
    <Indicator label={unread > 99 ? '99+' : unread} size={18} color="red" disabled={unread === 0} offset={4} data-testid="bell-count" data-unread={unread}>
      <ActionIcon component={Link} to="/my/notifications" variant="default" size="lg" aria-label={t('bell.label', { count: unread })} data-testid="bell">
        <svg
          width="18"
          height="18"
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinecap="round"
          strokeLinejoin="round"
          aria-hidden="true"
        >
          <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
      </ActionIcon>
    </Indicator>
  );
}
