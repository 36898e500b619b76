import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import { useT } from '../i18n/i18n';

/** Loading, error and empty states: every screen uses these three (issue #11). */
export function Loading() {
  const t = useT();
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Stack align="center" gap="xs">
        <Loader size="md" aria-hidden />
        <Text c="dimmed">{t('common.loading')}</Text>
      </Stack>
    </Center>
  );
}

/** A failed load (`onRetry` offers a retry) or, with `action`, a refused command: the context's problem detail. */
export function ErrorState({ error, onRetry, action = false }: { error: unknown; onRetry?: () => void; action?: boolean }) {
  const t = useT();
  const detail = error instanceof Error ? error.message : String(error);
  return (
    <Alert color="red" variant="light" title={t(action ? 'common.actionFailed' : 'common.error', { detail })} role="alert">
      {onRetry && (
        <Button variant="outline" color="red" size="xs" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      )}
    </Alert>
  );
}

export function Empty({ children }: { children: string }) {
  return (
    <Text c="dimmed" py="lg" ta="center" data-testid="empty">
      {children}
    </Text>
  );
}
