import { Badge, Button, Card, Group, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { AnswerBody, FileExtensionBody } from '@hub/contracts';
import { type ReactNode, useState } from 'react';
import { useApi } from '../api/api-context';
import { fieldErrors, idempotent, ok, type Api } from '../api/client';
import { useCommand } from '../api/command';
import { DocumentUpload } from '../forms/document-field';
import { FormFrame } from '../forms/form-frame';
import { zodFieldErrors } from '../forms/zod-messages';
import { formatCivilDate } from '../format';
import { useLocale, useT } from '../i18n/i18n';
import type { MessageId } from '../i18n/locales';
import { RequestRows, type RequestRow } from '../ui/participation-tables';
import { QueryView } from '../ui/query-view';
import { Empty, ErrorState } from '../ui/states';

type InfoRequest = RequestRow;

/** F-32, F-38: one participation's information requests (the participant's page and the staff console share the cache). */
export const requestsQuery = (api: Api, participationId: string) =>
  queryOptions({
    queryKey: ['information-requests', participationId],
    queryFn: async () => ok(await api.GET('/api/participation/information-requests', { params: { query: { participationId } } })) as InfoRequest[],
  });

/**
 * F-32, F-38: the Fund's requests for information or documents, each due 10 working days after it
 * was sent (the due day is participation's, counted on the Kazakh working-day calendar); the
 * participant answers with its documents (kind request-answer, issue #10) and a note.
 */
export function InformationRequests({
  participationId,
  bin,
  canAnswer,
  children,
}: {
  participationId: string;
  bin: string;
  canAnswer: boolean;
  /** The staff console's own part of the card (issue #11: sending a request). */
  children?: ReactNode;
}) {
  const t = useT();
  const api = useApi();
  const requests = useQuery(requestsQuery(api, participationId));
  const [answering, setAnswering] = useState<InfoRequest | null>(null);
  return (
    <Card withBorder data-testid="requests-card">
      <Title order={3} size="h4" mb="xs">
        {t('requests.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('requests.intro')}
      </Text>
      <QueryView query={requests} empty={t('requests.empty')}>
        {(data) => (
          <RequestRows
            requests={data}
            action={(r) =>
              canAnswer &&
              (r.status === 'open' || r.status === 'overdue') && (
                <Button size="xs" variant="light" onClick={() => setAnswering(r)} data-testid={`answer-${r.id}`}>
                  {t('requests.answer')}
                </Button>
              )
            }
          />
        )}
      </QueryView>
      {children}
      {answering && <AnswerForm request={answering} participationId={participationId} bin={bin} onDone={() => setAnswering(null)} />}
    </Card>
  );
}

function AnswerForm({ request, participationId, bin, onDone }: { request: InfoRequest; participationId: string; bin: string; onDone: () => void }) {
  const t = useT();
  const api = useApi();
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const [documentId, setDocumentId] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const answer = useCommand(async (body: unknown, key: string) =>
    ok(
      await api.POST('/api/participation/information-requests/{requestId}/answer', {
        params: { path: { requestId: request.id } },
        body: body as never,
        ...idempotent(key),
      }),
    ),
  );
  const send = async () => {
    const parsed = AnswerBody.safeParse({ note, ...(documentId ? { documentIds: [documentId] } : {}) });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error.issues, t));
      return;
    }
    setErrors({});
    try {
      await answer.submit(parsed.data);
      await queryClient.invalidateQueries({ queryKey: ['information-requests', participationId] });
      onDone();
    } catch (e) {
      setErrors(fieldErrors(e));
    }
  };
  const docError = errors.documentIds ?? errors['documentIds.0'];
  return (
    <FormFrame
      testId="answer-form"
      title={t('requests.answer.title', { kind: t(`requestKind.${request.kind}` as MessageId) })}
      errors={errors}
      command={answer}
      action={false}
      submit={{ label: 'requests.answer.submit', onClick: () => void send(), testId: 'answer-submit' }}
      onCancel={onDone}
    >
      <DocumentUpload
        testId="answer-document"
        kind="request-answer"
        bin={bin}
        label="requests.answer.document"
        required
        value={documentId}
        onChange={(id) => {
          setDocumentId(id);
          setErrors({});
        }}
        error={docError}
      />
      <Textarea
        label={t('requests.answer.note')}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        error={errors.note}
        autosize
        minRows={2}
        data-testid="answer-note"
      />
    </FormFrame>
  );
}

type Extension = {
  id: string;
  filedOn: string;
  requestedTermEnd: string;
  status: string;
  decidedOn: string | null;
  reason: string | null;
  certificateNumber: string | null;
};

/**
 * F-25: the participant applies to extend its term while the window is open (the last day is
 * participation's `extensionDeadline`, a working-day date; null while that year's calendar is not
 * published), one application at a time; the Fund decides and issues the Annex 3 certificate.
 */
export function ExtensionPanel({
  participationId,
  termEnd,
  extensionDeadline,
  active,
}: {
  participationId: string;
  termEnd: string;
  extensionDeadline: string | null;
  active: boolean;
}) {
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  const list = useQuery({
    queryKey: ['extensions', participationId],
    queryFn: async () => ok(await api.GET('/api/participation/participations/{id}/extensions', { params: { path: { id: participationId } } })) as Extension[],
  });
  const [requested, setRequested] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const file = useCommand(async (body: unknown, key: string) =>
    ok(
      await api.POST('/api/participation/participations/{id}/extensions', {
        params: { path: { id: participationId } },
        body: body as never,
        ...idempotent(key),
      }),
    ),
  );
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Almaty' });
  const pending = list.data?.some((e) => e.status === 'submitted') ?? false;
  const windowOpen = active && extensionDeadline !== null && today <= extensionDeadline && !pending;
  const send = async () => {
    const parsed = FileExtensionBody.safeParse({ requestedTermEnd: requested });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error.issues, t));
      return;
    }
    setErrors({});
    try {
      await file.submit(parsed.data);
      setRequested('');
      await queryClient.invalidateQueries({ queryKey: ['extensions', participationId] });
    } catch (e) {
      setErrors(fieldErrors(e));
    }
  };
  return (
    <Card withBorder data-testid="extension-card">
      <Title order={3} size="h4" mb="xs">
        {t('extension.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {extensionDeadline
          ? t('extension.window', { deadline: formatCivilDate(extensionDeadline, locale), end: formatCivilDate(termEnd, locale) })
          : t('extension.windowUnknown')}
      </Text>
      <QueryView query={list}>
        {(data) => (
          <Stack gap="xs">
            {data.length === 0 ? (
              <Empty>{t('extension.empty')}</Empty>
            ) : (
              data.map((e) => (
                <Group key={e.id} gap="xs" data-testid="extension-row" data-status={e.status}>
                  <Badge variant="light" tt="none" color={e.status === 'approved' ? 'green' : e.status === 'rejected' ? 'red' : 'blue'}>
                    {t(`extensionStatus.${e.status}` as MessageId)}
                  </Badge>
                  <Text size="sm">
                    {t('extension.row', { filed: formatCivilDate(e.filedOn, locale), requested: formatCivilDate(e.requestedTermEnd, locale) })}
                  </Text>
                  {e.reason && (
                    <Text size="sm" c="dimmed">
                      {e.reason}
                    </Text>
                  )}
                </Group>
              ))
            )}
            {windowOpen && (
              <Group align="end" mt="xs">
                <TextInput
                  type="date"
                  label={t('extension.requestedEnd')}
                  value={requested}
                  min={termEnd}
                  onChange={(e) => setRequested(e.currentTarget.value)}
                  error={errors.requestedTermEnd}
                  data-testid="extension-end"
                />
                <Button onClick={() => void send()} loading={file.isPending} data-testid="extension-submit">
                  {t('extension.submit')}
                </Button>
              </Group>
            )}
            {file.isError && !Object.keys(errors).length && <ErrorState error={file.error} />}
          </Stack>
        )}
      </QueryView>
    </Card>
  );
}
