import { Alert, Badge, Button, Card, Group, NativeSelect, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { CorporateNoticeBody, OpenEarlyTerminationBody } from '@hub/contracts';
import { useState } from 'react';
import { useApi } from '../api/api-context';
import { ApiError, fieldErrors, idempotent, ok } from '../api/client';
import { useCommand } from '../api/command';
import { DocumentUpload } from '../forms/document-field';
import { zodFieldErrors } from '../forms/zod-messages';
import { formatCivilDate } from '../format';
import { useLocale, useT } from '../i18n/i18n';
import type { MessageId } from '../i18n/locales';
import { QueryView } from '../ui/query-view';
import { Empty, ErrorState, Loading } from '../ui/states';

type NoticeKind = 're-registration' | 'liquidation';
interface Notice {
  readonly id: string;
  readonly kind: NoticeKind;
  readonly eventDate: string;
  readonly filedOn: string;
  readonly dueDate: string;
  readonly onTime: boolean;
  readonly documentIds: readonly string[];
}

/**
 * F-34: the participant notifies the Fund of its re-registration (a reorganisation re-registers the
 * company) or liquidation within 10 working days of it, with a copy of the decision — a document of
 * kind decision-copy uploaded to the documents context. Participation counts the 10 working days from
 * the event's date and records the notice as on time or late; a liquidation notice is then the basis
 * of early termination on ground (5) (F-28), which the Fund opens.
 */
export function CorporateNoticePanel({ participationId, bin, canList }: { participationId: string; bin: string; canList: boolean }) {
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  // issue #11: the notices this company filed (F-35: participation answers another company's id 404)
  const notices = useQuery({
    queryKey: ['corporate-notices', participationId],
    enabled: canList,
    queryFn: async () =>
      ok(await api.GET('/api/participation/participations/{id}/corporate-notices', { params: { path: { id: participationId } } })) as Notice[],
  });
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<NoticeKind>('re-registration');
  const [eventDate, setEventDate] = useState('');
  const [description, setDescription] = useState('');
  const [documentId, setDocumentId] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [filed, setFiled] = useState<Notice | null>(null);
  const file = useCommand(async (body: unknown, key: string) =>
    ok(
      await api.POST('/api/participation/participations/{id}/corporate-notices', {
        params: { path: { id: participationId } },
        body: body as never,
        ...idempotent(key),
      }),
    ),
  );
  const send = async () => {
    const parsed = CorporateNoticeBody.safeParse({ kind, eventDate, description, ...(documentId ? { documentIds: [documentId] } : {}) });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error.issues, t));
      return;
    }
    setErrors({});
    try {
      setFiled(await file.submit(parsed.data));
      await queryClient.invalidateQueries({ queryKey: ['corporate-notices', participationId] });
      setOpen(false);
      setEventDate('');
      setDescription('');
      setDocumentId(null);
    } catch (e) {
      setErrors(fieldErrors(e));
    }
  };
  const docError = errors.documentIds ?? errors['documentIds.0'];
  return (
    <Card withBorder data-testid="notice-card">
      <Title order={3} size="h4" mb="xs">
        {t('notices.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('notices.intro')}
      </Text>
      {canList && (
        <Stack gap={6} mb="sm" data-testid="notice-list">
          <Text fw={600} size="sm">
            {t('notices.list')}
          </Text>
          <QueryView query={notices} empty={t('notices.list.empty')}>
            {(data) =>
              data.map((n) => (
                <Group key={n.id} gap="xs" wrap="nowrap" align="start" data-testid="notice-row" data-kind={n.kind} data-on-time={String(n.onTime)}>
                  <Badge variant="light" tt="none" color={n.onTime ? 'teal.9' : 'orange.9'} h="auto" styles={{ label: { whiteSpace: 'normal' } }}>
                    {t(n.onTime ? 'notices.onTime' : 'notices.late')}
                  </Badge>
                  <Text size="sm">
                    {t('notices.filedText', {
                      kind: t(`notices.kind.${n.kind}` as MessageId),
                      event: formatCivilDate(n.eventDate, locale),
                      filed: formatCivilDate(n.filedOn, locale),
                      due: formatCivilDate(n.dueDate, locale),
                      onTime: String(n.onTime),
                    })}
                  </Text>
                </Group>
              ))
            }
          </QueryView>
        </Stack>
      )}
      {filed && (
        <Alert
          color={filed.onTime ? 'teal' : 'orange'}
          variant="light"
          mb="sm"
          title={t('notices.filed')}
          // AA contrast: the light alert's coloured title fails on its tint (axe); the body's text colour passes
          styles={{ title: { color: 'var(--mantine-color-text)' } }}
          data-testid="notice-filed"
          data-on-time={String(filed.onTime)}
        >
          {t('notices.filedText', {
            kind: t(`notices.kind.${filed.kind}` as MessageId),
            event: formatCivilDate(filed.eventDate, locale),
            filed: formatCivilDate(filed.filedOn, locale),
            due: formatCivilDate(filed.dueDate, locale),
            onTime: String(filed.onTime),
          })}
        </Alert>
      )}
      {!open ? (
        <Button variant="light" w="fit-content" onClick={() => setOpen(true)} data-testid="notice-open">
          {t('notices.start')}
        </Button>
      ) : (
        <Card withBorder bg="gray.0" data-testid="notice-form">
          <Stack gap="sm">
            <NativeSelect
              label={t('notices.kind')}
              value={kind}
              onChange={(e) => setKind(e.currentTarget.value === 'liquidation' ? 'liquidation' : 're-registration')}
              data={[
                { value: 're-registration', label: t('notices.kind.re-registration') },
                { value: 'liquidation', label: t('notices.kind.liquidation') },
              ]}
              error={errors.kind}
              maw={420}
              data-testid="notice-kind"
            />
            <TextInput
              type="date"
              label={t('notices.eventDate')}
              description={t('notices.eventDateHint')}
              value={eventDate}
              onChange={(e) => setEventDate(e.currentTarget.value)}
              error={errors.eventDate}
              withAsterisk
              maw={260}
              data-testid="notice-event-date"
            />
            <DocumentUpload
              testId="notice-document"
              kind="decision-copy"
              bin={bin}
              label="notices.document"
              required
              value={documentId}
              onChange={(id) => {
                setDocumentId(id);
                setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !k.startsWith('documentIds'))));
              }}
              error={docError}
            />
            <Textarea
              label={t('notices.description')}
              value={description}
              onChange={(e) => setDescription(e.currentTarget.value)}
              error={errors.description}
              autosize
              minRows={2}
              data-testid="notice-description"
            />
            {file.isError && !Object.keys(errors).length && <ErrorState error={file.error} action />}
            <Group>
              <Button onClick={() => void send()} loading={file.isPending} data-testid="notice-submit">
                {t('notices.submit')}
              </Button>
              <Button variant="default" onClick={() => setOpen(false)}>
                {t('common.cancel')}
              </Button>
            </Group>
          </Stack>
        </Card>
      )}
    </Card>
  );
}

interface Case {
  readonly id: string;
  readonly participationId: string;
  readonly ground: string;
  readonly groundNumber: number;
  readonly reason: string;
  readonly status: string;
  readonly openedOn: string;
  readonly effectiveDate: string | null;
}
const OPEN_CASE = new Set(['pending-commission', 'scheduled']);
const CASE_TEXT: Readonly<Record<string, MessageId>> = {
  'pending-commission': 'exit.status.pending-commission',
  scheduled: 'exit.status.scheduled',
  terminated: 'certificateStatus.terminated',
  'rejected-by-commission': 'exit.status.rejected-by-commission',
  cancelled: 'exit.status.cancelled',
};
const CASE_COLOR: Readonly<Record<string, string>> = {
  'pending-commission': 'blue',
  scheduled: 'orange',
  terminated: 'gray',
  'rejected-by-commission': 'green.9',
  cancelled: 'gray',
};

/** F-29's refusal names the earliest withdrawal day participation counted on the working-day calendar. */
function earliestOf(e: unknown): string | null {
  if (!(e instanceof ApiError)) return null;
  const p: { code?: string; earliestWithdrawalDate?: unknown } | undefined = e.problem;
  return p?.code === 'rule.F-29' && typeof p.earliestWithdrawalDate === 'string' ? p.earliestWithdrawalDate : null;
}

/**
 * Voluntary exit, F-28(3): the participant ends its participation early on its own initiative — only on
 * this ground (the Fund opens the others) — and notifies the Fund at least 10 working days before the
 * withdrawal (F-29); a withdrawal after the term's end is meaningless, the participation ends as
 * planned then (F-27). Participation schedules the end for the chosen day; the early-termination
 * cases of this participation are listed with their status.
 */
export function VoluntaryExitPanel({ participationId, termEnd, active }: { participationId: string; termEnd: string; active: boolean }) {
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  const cases = useQuery({
    queryKey: ['early-terminations', participationId],
    queryFn: async () =>
      (ok(await api.GET('/api/participation/early-terminations', { params: { query: {} } })) as Case[]).filter((c) => c.participationId === participationId),
  });
  const [open, setOpen] = useState(false);
  const [withdrawalDate, setWithdrawalDate] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const withdraw = useCommand(async (body: unknown, key: string) =>
    ok(
      await api.POST('/api/participation/participations/{id}/early-terminations', {
        params: { path: { id: participationId } },
        body: body as never,
        ...idempotent(key),
      }),
    ),
  );
  const send = async () => {
    const parsed = OpenEarlyTerminationBody.safeParse({ ground: 'voluntary-withdrawal', reason, withdrawalDate });
    const local: Record<string, string> = {};
    if (parsed.success && withdrawalDate > termEnd) local.withdrawalDate = t('exit.error.afterTerm', { end: formatCivilDate(termEnd, locale) });
    if (!parsed.success || Object.keys(local).length) {
      setErrors({ ...(parsed.success ? {} : zodFieldErrors(parsed.error.issues, t)), ...local });
      return;
    }
    setErrors({});
    try {
      await withdraw.submit(parsed.data);
      setOpen(false);
      setReason('');
      setWithdrawalDate('');
      await queryClient.invalidateQueries({ queryKey: ['early-terminations', participationId] });
    } catch (e) {
      const earliest = earliestOf(e);
      setErrors(earliest ? { withdrawalDate: t('exit.error.f29', { date: formatCivilDate(earliest, locale) }) } : fieldErrors(e));
    }
  };
  const pending = cases.data?.some((c) => OPEN_CASE.has(c.status)) ?? false;
  return (
    <Card withBorder data-testid="exit-card">
      <Title order={3} size="h4" mb="xs">
        {t('exit.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('exit.intro', { end: formatCivilDate(termEnd, locale) })}
      </Text>
      {cases.isPending ? (
        <Loading />
      ) : cases.isError ? (
        <ErrorState error={cases.error} onRetry={() => void cases.refetch()} />
      ) : (
        <Stack gap="xs">
          {cases.data.length === 0 ? (
            <Empty>{t('exit.empty')}</Empty>
          ) : (
            cases.data.map((c) => (
              <Group key={c.id} gap="xs" data-testid="exit-case" data-status={c.status} data-ground={c.ground}>
                <Badge variant="light" tt="none" color={CASE_COLOR[c.status] ?? 'gray'} h="auto" styles={{ label: { whiteSpace: 'normal' } }}>
                  {t(CASE_TEXT[c.status] ?? 'exit.status.scheduled')}
                </Badge>
                <Text size="sm">
                  {t('terminationGround.withNumber', { ground: t(`terminationGround.${c.ground}` as MessageId), number: c.groundNumber })}:{' '}
                  {t('exit.case', {
                    opened: formatCivilDate(c.openedOn, locale),
                    effective: c.effectiveDate ? formatCivilDate(c.effectiveDate, locale) : '—',
                  })}
                </Text>
              </Group>
            ))
          )}
          {active && !pending && !open && (
            <Button variant="light" color="red" w="fit-content" mt="xs" onClick={() => setOpen(true)} data-testid="exit-open">
              {t('exit.start')}
            </Button>
          )}
          {open && (
            <Card withBorder bg="gray.0" data-testid="exit-form">
              <Stack gap="sm">
                <TextInput
                  type="date"
                  label={t('exit.date')}
                  description={t('exit.dateHint')}
                  value={withdrawalDate}
                  max={termEnd}
                  onChange={(e) => setWithdrawalDate(e.currentTarget.value)}
                  error={errors.withdrawalDate}
                  withAsterisk
                  maw={260}
                  data-testid="exit-date"
                />
                <Textarea
                  label={t('housingInventory.reason')}
                  value={reason}
                  onChange={(e) => setReason(e.currentTarget.value)}
                  error={errors.reason}
                  withAsterisk
                  autosize
                  minRows={2}
                  data-testid="exit-reason"
                />
                {withdraw.isError && !Object.keys(errors).length && <ErrorState error={withdraw.error} action />}
                <Group>
                  <Button color="red" onClick={() => void send()} loading={withdraw.isPending} data-testid="exit-submit">
                    {t('notices.submit')}
                  </Button>
                  <Button variant="default" onClick={() => setOpen(false)}>
                    {t('common.cancel')}
                  </Button>
                </Group>
              </Stack>
            </Card>
          )}
        </Stack>
      )}
    </Card>
  );
}
