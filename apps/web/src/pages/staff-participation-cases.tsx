// The staff console's monitoring and early-termination actions on one participation (issue #11):
// the Fund's monitoring conclusions per project and period (F-36, F-40) with the form that records
// one, and the form that opens an early-termination case on a ground of F-28 with the record it rests
// on — the Commission decides grounds (1), (2), (7) (F-30), the Fund the others. Each form checks its
// input with the shared zod contract of @hub/contracts first; participation's refusal (problem+json)
// lands on the field it names. The gateway's route table decides who may call; these render only for
// the roles it lets through (mayCall).
import { Alert, Badge, Button, NativeSelect, SimpleGrid, Table, Text, TextInput, Textarea } from '@mantine/core';
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { GROUND_NUMBER, MonitoringConclusionBody, OpenEarlyTerminationBody, type EarlyTerminationGround } from '@hub/contracts';
import { useState } from 'react';
import { useApi } from '../api/api-context';
import { ApiError, fieldErrors, idempotent, mayCall, ok, type Api, type FieldProblem } from '../api/client';
import { useCommand } from '../api/command';
import { problemText } from '../api/problem-text';
import type { Session } from '../auth/auth';
import { useSession } from '../auth/auth-context';
import { FormFrame } from '../forms/form-frame';
import { zodFieldErrors } from '../forms/zod-messages';
import { formatCivilDate } from '../format';
import { useLocale, useT } from '../i18n/i18n';
import type { MessageId } from '../i18n/locales';
import { Section } from '../ui/participation-tables';
import { QueryView } from '../ui/query-view';
import { requestsQuery } from './participation-requests';
import { FUND_GROUNDS, basisChoices, basisNeed, goesToCommission, ruleFieldProblem, type BasisChoice, type RuleFieldProblem } from './termination-basis';

/** The staff console's reads of one participation; every key starts with ['staff-participation', id], so one invalidation refreshes the page. */
export const staffQueries = (api: Api, id: string) => ({
  all: ['staff-participation', id] as const,
  fees: queryOptions({
    queryKey: ['staff-participation', id, 'fees'],
    queryFn: async () => ok(await api.GET('/api/participation/participations/{id}/fees', { params: { path: { id } } })),
  }),
  reports: queryOptions({
    queryKey: ['staff-participation', id, 'reports'],
    queryFn: async () => ok(await api.GET('/api/participation/participations/{id}/quarterly-reports', { params: { path: { id } } })),
  }),
  audits: queryOptions({
    queryKey: ['staff-participation', id, 'audits'],
    queryFn: async () => ok(await api.GET('/api/participation/audit-obligations', { params: { query: { participationId: id } } })),
  }),
  cases: queryOptions({
    queryKey: ['staff-participation', id, 'cases'],
    queryFn: async () => ok(await api.GET('/api/participation/early-terminations', { params: { query: { participationId: id } } })),
  }),
  conclusions: queryOptions({
    queryKey: ['staff-participation', id, 'conclusions'],
    queryFn: async () => ok(await api.GET('/api/participation/participations/{id}/monitoring-conclusions', { params: { path: { id } } })),
  }),
  /** F-34: participation lists every notice (officer only); the form keeps this participation's. */
  notices: queryOptions({
    queryKey: ['staff-participation', id, 'notices'],
    queryFn: async () => ok(await api.GET('/api/participation/corporate-notices')),
  }),
});

/**
 * The route table lets an applicant open a case too, on its own company and only to withdraw
 * (F-28(3), its own page); the staff console's form is the Fund's, for the fund officer.
 */
export const mayOpenFundCase = (session: Session | null): boolean =>
  mayCall(session, 'POST /api/participation/participations/{id}/early-terminations') && (session?.roles.includes('fund-officer') ?? false);

/** The field errors of a refusal: problem+json `errors[]` (400, 422 validation) and a rule's own `field` (422 `rule.F-nn`). */
function problemFieldErrors(error: unknown, text: (p: FieldProblem) => string, ruleText: (p: RuleFieldProblem) => string): Record<string, string> {
  const out = fieldErrors(error, text);
  const rule = ruleFieldProblem(error instanceof ApiError ? error.problem : undefined);
  if (rule) out[rule.field] ??= ruleText(rule);
  return out;
}

/** The errors without one field's (the person changed that field). */
function without(errors: Record<string, string>, field: string): Record<string, string> {
  const rest = { ...errors };
  delete rest[field];
  return rest;
}

const CONCLUSION_COLOR: Readonly<Record<string, string>> = { expedient: 'green', 'not-expedient': 'red' };

/** F-36, F-40: the Fund's monitoring conclusions on this participation's projects, and (fund officer) the form recording one. */
export function MonitoringConclusions({ participationId, canRecord }: { participationId: string; canRecord: boolean }) {
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  const conclusions = useQuery(staffQueries(api, participationId).conclusions);
  const [open, setOpen] = useState(false);
  return (
    <Section title="staffMonitoring.title" intro="staffMonitoring.intro" testId="staff-conclusions">
      <QueryView query={conclusions} empty={t('staffMonitoring.empty')}>
        {(data) => (
          <Table.ScrollContainer minWidth={720} type="native" tabIndex={0} role="region" aria-label={t('staffMonitoring.title')}>
            <Table striped data-testid="conclusions-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('staffMonitoring.project')}</Table.Th>
                  <Table.Th>{t('staffMonitoring.period')}</Table.Th>
                  <Table.Th>{t('staffMonitoring.conclusion')}</Table.Th>
                  <Table.Th>{t('staffMonitoring.reasoning')}</Table.Th>
                  <Table.Th>{t('staffMonitoring.concludedOn')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.map((c) => (
                  <Table.Tr key={c.id} data-conclusion={c.id} data-value={c.conclusion}>
                    <Table.Td>{c.project}</Table.Td>
                    <Table.Td>
                      {t('staffMonitoring.periodValue', { from: formatCivilDate(c.periodFrom, locale), to: formatCivilDate(c.periodTo, locale) })}
                    </Table.Td>
                    <Table.Td>
                      <Badge
                        color={CONCLUSION_COLOR[c.conclusion]}
                        variant="light"
                        tt="none"
                        h="auto"
                        styles={{ label: { whiteSpace: 'normal', overflow: 'visible' } }}
                      >
                        {t(`staffMonitoring.value.${c.conclusion}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" lineClamp={3}>
                        {c.reasoning}
                      </Text>
                    </Table.Td>
                    <Table.Td>{formatCivilDate(c.concludedOn, locale)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryView>
      {canRecord &&
        (open ? (
          <ConclusionForm participationId={participationId} onDone={() => setOpen(false)} />
        ) : (
          <Button mt="sm" size="xs" variant="light" onClick={() => setOpen(true)} data-testid="conclusion-open">
            {t('staffMonitoring.open')}
          </Button>
        ))}
    </Section>
  );
}

/** Participation's refusals of a conclusion, in the reader's language: the period (F-40) and the one conclusion per project and period. */
const CONCLUSION_CODES: Readonly<Record<string, MessageId>> = {
  'monitoring.period-not-over': 'staffMonitoring.error.notOver',
  'monitoring.period': 'staffMonitoring.error.period',
};

function ConclusionForm({ participationId, onDone }: { participationId: string; onDone: () => void }) {
  const t = useT();
  const api = useApi();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({ project: '', periodFrom: '', periodTo: '', conclusion: 'expedient', reasoning: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const record = useCommand(async (body: unknown, key: string) =>
    ok(
      await api.POST('/api/participation/participations/{id}/monitoring-conclusions', {
        params: { path: { id: participationId } },
        body: body as never,
        ...idempotent(key),
      }),
    ),
  );
  const text = (p: FieldProblem) => {
    const id = p.code ? CONCLUSION_CODES[p.code] : undefined;
    return id ? t(id) : problemText(p, t);
  };
  const send = async () => {
    const parsed = MonitoringConclusionBody.safeParse(form);
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error.issues, t));
      return;
    }
    setErrors({});
    try {
      await record.submit(parsed.data);
      await queryClient.invalidateQueries({ queryKey: staffQueries(api, participationId).conclusions.queryKey });
      onDone();
    } catch (e) {
      // F-40: one conclusion per project and period — the duplicate is the project's (and period's) problem
      if (e instanceof ApiError && e.problem?.code === 'monitoring.duplicate') setErrors({ project: t('staffMonitoring.error.duplicate') });
      else setErrors(problemFieldErrors(e, text, () => ''));
    }
  };
  const set = (k: keyof typeof form) => (e: { currentTarget: { value: string } }) => {
    setForm({ ...form, [k]: e.currentTarget.value });
    if (errors[k]) setErrors((e) => without(e, k));
  };
  return (
    <FormFrame
      testId="conclusion-form"
      title={t('staffMonitoring.form.title')}
      errors={errors}
      command={record}
      submit={{ label: 'staffMonitoring.submit', onClick: () => void send(), testId: 'conclusion-submit' }}
      onCancel={onDone}
    >
      <TextInput
        label={t('staffMonitoring.project')}
        value={form.project}
        onChange={set('project')}
        error={errors.project}
        withAsterisk
        data-testid="conclusion-project"
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          type="date"
          label={t('staffMonitoring.periodFrom')}
          value={form.periodFrom}
          onChange={set('periodFrom')}
          error={errors.periodFrom}
          withAsterisk
          data-testid="conclusion-from"
        />
        <TextInput
          type="date"
          label={t('staffMonitoring.periodTo')}
          description={t('staffMonitoring.periodTo.hint')}
          value={form.periodTo}
          onChange={set('periodTo')}
          error={errors.periodTo}
          withAsterisk
          data-testid="conclusion-to"
        />
        <NativeSelect
          label={t('staffMonitoring.conclusion')}
          value={form.conclusion}
          onChange={set('conclusion')}
          data={[
            { value: 'expedient', label: t('staffMonitoring.value.expedient') },
            { value: 'not-expedient', label: t('staffMonitoring.value.not-expedient') },
          ]}
          error={errors.conclusion}
          data-testid="conclusion-value"
        />
      </SimpleGrid>
      {form.conclusion === 'not-expedient' && (
        <Text size="xs" c="dimmed">
          {t('staffMonitoring.notExpedient.hint')}
        </Text>
      )}
      <Textarea
        label={t('staffMonitoring.reasoning')}
        value={form.reasoning}
        onChange={set('reasoning')}
        error={errors.reasoning}
        autosize
        minRows={3}
        withAsterisk
        data-testid="conclusion-reasoning"
      />
    </FormFrame>
  );
}

function basisLabel(b: BasisChoice, t: ReturnType<typeof useT>, locale: ReturnType<typeof useLocale>['locale']): string {
  const date = (d: string) => formatCivilDate(d, locale);
  switch (b.kind) {
    case 'monitoring-conclusion':
      return t('staffCase.basis.conclusion', { project: b.project, from: date(b.from), to: date(b.to) });
    case 'quarterly-report':
      return t('staffCase.basis.report', { quarter: t('common.quarter', { year: b.year, quarter: b.quarter }), date: date(b.due) });
    case 'membership-fee':
      return t('staffCase.basis.fee', { quarter: t('common.quarter', { year: b.year, quarter: b.quarter }), date: date(b.due) });
    case 'information-request':
      return t('staffCase.basis.request', { kind: t(`requestKind.${b.requestKind}` as MessageId), date: date(b.due) });
    case 'audit-obligation':
      return t('staffCase.basis.audit', { year: b.year, date: date(b.due) });
    case 'corporate-notice':
      return t('staffCase.basis.notice', { date: date(b.date) });
  }
}

/**
 * F-28 … F-30: the fund officer opens early termination on a ground, with the record it rests on.
 * On (1), (2), (7) the case waits for the Commission (F-30); on (4), (5), (6) the Fund decides and the
 * participation ends the day the case is opened — the form says which before it is sent.
 */
export function OpenCaseForm({ participationId, onDone }: { participationId: string; onDone: () => void }) {
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  const session = useSession();
  const q = staffQueries(api, participationId);
  const fees = useQuery(q.fees);
  const reports = useQuery(q.reports);
  const audits = useQuery(q.audits);
  const requests = useQuery(requestsQuery(api, participationId));
  const conclusions = useQuery({ ...q.conclusions, enabled: mayCall(session, 'GET /api/participation/participations/{id}/monitoring-conclusions') });
  const notices = useQuery({ ...q.notices, enabled: mayCall(session, 'GET /api/participation/corporate-notices') });
  const [ground, setGround] = useState<EarlyTerminationGround>(FUND_GROUNDS[0]!);
  const [basisId, setBasisId] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const open = useCommand(async (body: unknown, key: string) =>
    ok(
      await api.POST('/api/participation/participations/{id}/early-terminations', {
        params: { path: { id: participationId } },
        body: body as never,
        ...idempotent(key),
      }),
    ),
  );
  const need = basisNeed(ground);
  const choices = basisChoices(
    ground,
    { fees: fees.data, reports: reports.data, audits: audits.data, requests: requests.data, conclusions: conclusions.data, notices: notices.data },
    participationId,
  );
  const ruleText = (r: RuleFieldProblem) =>
    r.ground === 'contract-breach' ? t('staffCase.error.useGround7') : t('staffCase.error.basis', { number: GROUND_NUMBER[ground] });
  const send = async () => {
    const parsed = OpenEarlyTerminationBody.safeParse({ ground, reason, ...(basisId ? { basisId } : {}) });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error.issues, t));
      return;
    }
    setErrors({});
    try {
      await open.submit(parsed.data);
      await queryClient.invalidateQueries({ queryKey: q.all });
      onDone();
    } catch (e) {
      setErrors(problemFieldErrors(e, (p) => problemText(p, t), ruleText));
    }
  };
  return (
    <FormFrame
      testId="case-form"
      title={t('staffCase.title')}
      errors={errors}
      command={open}
      // the Fund's own decision ends the participation the day the case is opened: the button says so in red
      submit={{ label: 'staffCase.submit', onClick: () => void send(), testId: 'case-submit', ...(goesToCommission(ground) ? {} : { color: 'red' }) }}
      onCancel={onDone}
    >
      <NativeSelect
        label={t('staffCase.ground')}
        value={ground}
        onChange={(e) => {
          setGround(e.currentTarget.value as EarlyTerminationGround);
          setBasisId('');
          setErrors({});
        }}
        data={FUND_GROUNDS.map((g) => ({
          value: g,
          label: t('terminationGround.withNumber', { ground: t(`terminationGround.${g}`), number: GROUND_NUMBER[g] }),
        }))}
        error={errors.ground}
        data-testid="case-ground"
      />
      <Alert color={goesToCommission(ground) ? 'blue' : 'orange'} variant="light" data-testid="case-decides" data-commission={goesToCommission(ground)}>
        {goesToCommission(ground) ? t('staffCase.commission') : t('staffCase.fund')}
      </Alert>
      {need !== 'none' && (
        <NativeSelect
          label={t('staffCase.basis')}
          description={
            choices.length === 0
              ? t('staffCase.basis.empty')
              : need === 'required'
                ? t('staffCase.basis.required', { number: GROUND_NUMBER[ground] })
                : t('staffCase.basis.optional')
          }
          value={basisId}
          onChange={(e) => {
            setBasisId(e.currentTarget.value);
            if (errors.basisId) setErrors((e) => without(e, 'basisId'));
          }}
          data={[{ value: '', label: t('staffCase.basis.none') }, ...choices.map((b) => ({ value: b.id, label: basisLabel(b, t, locale) }))]}
          error={errors.basisId}
          withAsterisk={need === 'required'}
          data-testid="case-basis"
        />
      )}
      <Textarea
        label={t('staffCase.reason')}
        value={reason}
        onChange={(e) => {
          setReason(e.currentTarget.value);
          if (errors.reason) setErrors((e) => without(e, 'reason'));
        }}
        error={errors.reason}
        autosize
        minRows={2}
        withAsterisk
        data-testid="case-reason"
      />
    </FormFrame>
  );
}
