import { Anchor, Badge, Button, Card, Group, NativeSelect, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, createLazyRoute } from '@tanstack/react-router';
import { CompleteTranslationBody } from '@hub/contracts';
import { useState } from 'react';
import { useApi } from '../api/api-context';
import { ApiError, fieldErrors, idempotent, ok } from '../api/client';
import { useCommand } from '../api/command';
import { DocumentLink, DocumentUpload } from '../forms/document-field';
import { zodFieldErrors } from '../forms/zod-messages';
import { formatInstantDate } from '../format';
import { useLocale, useT } from '../i18n/i18n';
import { RequireAccess } from '../ui/guard';
import { Empty, ErrorState, Loading } from '../ui/states';
import '../ui/lazy-styles';
import '@mantine/core/styles/SegmentedControl.css';

interface Task {
  readonly id: string;
  readonly applicationId: string;
  readonly bin: string;
  readonly sourceLanguage: string;
  readonly targetLanguage: string;
  readonly status: 'open' | 'done';
  readonly createdAt: string;
  readonly completedAt: string | null;
  /** ADR 0137: the translation's document (null while open, and for tasks done before it). */
  readonly documentId: string | null;
  /** Tasks done before ADR 0137: the reference typed then. */
  readonly documentRef: string | null;
}

/**
 * One open task: the language it was translated into and the translation itself — a file uploaded to
 * the documents context as the company's `application-translation` (ADR 0137) — recorded once (F-10).
 */
function TaskForm({ task, onDone }: { task: Task; onDone: () => Promise<void> }) {
  const t = useT();
  const api = useApi();
  const [language, setLanguage] = useState<'kk' | 'ru'>('ru');
  const [documentId, setDocumentId] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  // 204 No Content: nothing to unwrap, only the refusal to raise
  const complete = useCommand(async (body: { targetLanguage: 'kk' | 'ru'; documentId: string }, key: string) => {
    const r = await api.POST('/api/registration/translation-tasks/{id}/complete', { params: { path: { id: task.id } }, body, ...idempotent(key) });
    if (!r.response.ok) throw new ApiError(r.response.status, r.error as ApiError['problem']);
  });
  const send = async () => {
    const parsed = CompleteTranslationBody.safeParse({ targetLanguage: language, documentId: documentId ?? undefined });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error.issues, t));
      return;
    }
    setErrors({});
    try {
      await complete.submit(parsed.data);
      await onDone();
    } catch (e) {
      setErrors(fieldErrors(e));
    }
  };
  return (
    <Group align="start" gap="sm" mt="xs">
      <NativeSelect
        label={t('desk.translation.language')}
        value={language}
        onChange={(e) => setLanguage(e.currentTarget.value === 'kk' ? 'kk' : 'ru')}
        data={[
          { value: 'ru', label: t('translations.lang.ru') },
          { value: 'kk', label: t('translations.lang.kk') },
        ]}
        error={errors.targetLanguage}
        data-testid="translation-language"
      />
      <div style={{ minWidth: 260 }}>
        <DocumentUpload
          testId={`translation-${task.id}`}
          kind="application-translation"
          bin={task.bin}
          label="desk.translation.document"
          required
          value={documentId}
          onChange={setDocumentId}
          error={errors.documentId}
        />
      </div>
      <Button mt={{ base: 0, sm: 44 }} onClick={() => void send()} loading={complete.isPending} data-testid="record-translation">
        {t('desk.translation.record')}
      </Button>
      {complete.isError && !Object.keys(errors).length && <ErrorState error={complete.error} action />}
    </Group>
  );
}

/**
 * F-10: an application in English gets the Fund's Kazakh or Russian translation. Registration opens a
 * translation task when such an application is filed; here the Fund's officer sees the open (or done)
 * ones and records each translation once — `GET /api/registration/translation-tasks`,
 * `POST …/{id}/complete` through the gateway.
 */
function TranslationTasksPage() {
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<'open' | 'done'>('open');
  const tasks = useQuery({
    queryKey: ['translation-tasks', status],
    queryFn: async () => ok(await api.GET('/api/registration/translation-tasks', { params: { query: { status } } })) as Task[],
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['translation-tasks'] });
  return (
    <Stack gap="md" maw={1000}>
      <Title order={2}>{t('nav.translations')}</Title>
      <Text size="sm" c="dimmed">
        {t('translations.intro')}
      </Text>
      <SegmentedControl
        w="fit-content"
        value={status}
        onChange={(v) => setStatus(v === 'done' ? 'done' : 'open')}
        data={[
          { value: 'open', label: t('translations.open') },
          { value: 'done', label: t('translations.done') },
        ]}
        aria-label={t('nav.translations')}
        data-testid="translation-status"
      />
      {tasks.isPending ? (
        <Loading />
      ) : tasks.isError ? (
        <ErrorState error={tasks.error} onRetry={() => void tasks.refetch()} />
      ) : tasks.data.length === 0 ? (
        <Empty>{t(status === 'open' ? 'desk.translations.empty' : 'translations.emptyDone')}</Empty>
      ) : (
        tasks.data.map((task) => (
          <Card key={task.id} withBorder data-testid="translation-task" data-id={task.id} data-application={task.applicationId} data-status={task.status}>
            <Group justify="space-between" align="start" gap="xs">
              <div>
                <Anchor component={Link} to="/staff/applications/$id" params={{ id: task.applicationId } as never} fw={600} c="blue.9">
                  {t('translations.application', { bin: task.bin })}
                </Anchor>
                <Text size="sm" c="dimmed">
                  {t('translations.opened', { date: formatInstantDate(task.createdAt, locale) })}
                  {task.completedAt ? ` · ${t('translations.completed', { date: formatInstantDate(task.completedAt, locale) })}` : ''}
                </Text>
              </div>
              {/* done: filled dark green (axe: the light teal badge fails AA contrast) */}
              <Badge variant={task.status === 'done' ? 'filled' : 'light'} tt="none" color={task.status === 'done' ? '#0b6e4f' : 'blue'}>
                {task.status === 'done'
                  ? t('translations.into', { language: t(task.targetLanguage === 'kk' ? 'translations.lang.kk' : 'translations.lang.ru') })
                  : t('translations.open')}
              </Badge>
            </Group>
            {task.status === 'open' && <TaskForm task={task} onDone={refresh} />}
            {task.status === 'done' && task.documentId && <DocumentLink id={task.documentId} />}
            {task.status === 'done' && !task.documentId && task.documentRef && (
              <Text size="sm" c="dimmed">
                {t('translations.reference', { reference: task.documentRef })}
              </Text>
            )}
          </Card>
        ))
      )}
    </Stack>
  );
}

export const Route = createLazyRoute('/staff/translations')({
  component: () => (
    <RequireAccess op="GET /api/registration/translation-tasks">
      <TranslationTasksPage />
    </RequireAccess>
  ),
});
