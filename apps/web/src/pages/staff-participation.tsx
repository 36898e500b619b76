import { Alert, Anchor, Badge, Button, Card, Group, NativeSelect, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, createLazyRoute, useParams } from '@tanstack/react-router';
import { CommissionDecisionBody, InformationKindSchema, RecordPaymentBody, RequestInformationBody } from '@hub/contracts';
import { useState } from 'react';
import { useApi } from '../api/api-context';
import { fieldErrors, idempotent, mayCall, ok } from '../api/client';
import { useCommand } from '../api/command';
import { useSession } from '../auth/auth-context';
import { tengeToTiyn } from '../forms/form-state';
import { FormFrame } from '../forms/form-frame';
import { zodFieldErrors } from '../forms/zod-messages';
import { formatCivilDate, formatTiyn } from '../format';
import { useLocale, useT } from '../i18n/i18n';
import { RequireAccess } from '../ui/guard';
import { FeesTable, OVERDUE, ReportsTable, Section, StatusBadge } from '../ui/participation-tables';
import { QueryView } from '../ui/query-view';
import '../ui/lazy-styles';
import { InformationRequests } from './participation-requests';
import { MonitoringConclusions, OpenCaseForm, mayOpenFundCase, staffQueries } from './staff-participation-cases';
import { commissionDecides } from './termination-basis';
import { STATUS_COLOR } from './staff-participations';

/** The audit (F-33) and early-termination (F-28 … F-30) statuses; an overdue one is filled (StatusBadge strongOverdue). */
const COLOR: Record<string, string> = {
  due: 'blue',
  owed: 'blue',
  submitted: 'green',
  'submitted-late': 'orange',
  'pending-commission': 'orange',
  scheduled: 'yellow',
  terminated: 'red',
  'rejected-by-commission': 'green',
  cancelled: 'gray',
};

/**
 * One participation in the Fund staff's console (issue #11): the term and status, the membership fees
 * with the arrears (F-21 … F-24), the quarterly reports with the overdue ones (F-37), the information
 * requests with their working-day answer-by days (F-32, F-38), the audit duty (F-33) and the
 * early-termination cases per ground, with the Commission where F-30 requires it. The actions the
 * gateway lets the role take: record a payment, send a request, record the Commission's decision.
 */
function StaffParticipation() {
  const t = useT();
  const api = useApi();
  const session = useSession();
  const { locale } = useLocale();
  const id = useParams({ strict: false }).id ?? '';
  const participation = useQuery({
    queryKey: ['staff-participation', id],
    queryFn: async () => ok(await api.GET('/api/participation/participations/{id}', { params: { path: { id } } })),
  });
  return (
    <Stack gap="md" maw={1200}>
      <Anchor component={Link} to="/staff/participation" size="sm">
        {t('staffPart.back')}
      </Anchor>
      <QueryView query={participation}>
        {(p) => (
          <>
            <Card withBorder data-testid="participation-header" data-status={p.status}>
              <Group justify="space-between" align="start">
                <div>
                  <Title order={2}>{p.companyName}</Title>
                  <Text size="sm" c="dimmed">
                    {t('staffPart.header', { bin: p.bin, certificate: p.certificateNumber })}
                  </Text>
                </div>
                <Badge color={STATUS_COLOR[p.status]} variant="light" tt="none" size="lg">
                  {t(`participationStatus.${p.status}`)}
                </Badge>
              </Group>
              <SimpleGrid cols={{ base: 1, sm: 3 }} mt="sm">
                <Text size="sm">{t('staffPart.term', { from: formatCivilDate(p.termStart, locale), to: formatCivilDate(p.termEnd, locale) })}</Text>
                <Text size="sm">
                  {p.extensionDeadline ? t('staffPart.extensionBy', { date: formatCivilDate(p.extensionDeadline, locale) }) : t('extension.windowUnknown')}
                </Text>
                {p.endedOn && (
                  <Text size="sm">
                    {t('staffPart.endedOn', {
                      date: formatCivilDate(p.endedOn, locale),
                      ground: !p.terminationGround
                        ? '—'
                        : p.terminationGround === 'term-expired'
                          ? t('staffPart.termExpired')
                          : t(`terminationGround.${p.terminationGround}`),
                    })}
                  </Text>
                )}
              </SimpleGrid>
            </Card>
            <Fees participationId={p.id} canRecord={mayCall(session, 'POST /api/participation/fees/{feeId}/payments')} />
            <Reports participationId={p.id} />
            <InformationRequests participationId={p.id} bin={p.bin} canAnswer={false}>
              {mayCall(session, 'POST /api/participation/participations/{id}/information-requests') && p.status === 'active' && (
                <SendRequest participationId={p.id} />
              )}
            </InformationRequests>
            <Audits participationId={p.id} />
            {mayCall(session, 'GET /api/participation/participations/{id}/monitoring-conclusions') && (
              <MonitoringConclusions
                participationId={p.id}
                canRecord={mayCall(session, 'POST /api/participation/participations/{id}/monitoring-conclusions')}
              />
            )}
            <Terminations
              participationId={p.id}
              canDecide={mayCall(session, 'POST /api/participation/early-terminations/{caseId}/commission-decision')}
              canOpen={mayOpenFundCase(session) && p.status === 'active'}
            />
          </>
        )}
      </QueryView>
    </Stack>
  );
}

function Fees({ participationId, canRecord }: { participationId: string; canRecord: boolean }) {
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  const fees = useQuery(staffQueries(api, participationId).fees);
  const [paying, setPaying] = useState<string | null>(null);
  const arrears = (fees.data ?? []).filter((f) => f.status === 'overdue');
  const arrearsTiyn = arrears.reduce((sum, f) => sum + (f.outstandingTiyn ?? 0), 0);
  return (
    <Section title="fees.title" intro="staffPart.fees.intro" testId="staff-fees">
      {arrears.length > 0 && (
        <Alert color="red" variant="light" mb="sm" title={t('staffPart.arrears', { count: arrears.length })} data-testid="arrears">
          {arrearsTiyn > 0 && `${t('staffPart.arrears.unpaid', { amount: formatTiyn(arrearsTiyn, locale) })} `}
          {t('staffPart.arrears.ground')}
        </Alert>
      )}
      <QueryView query={fees} empty={t('fees.empty')}>
        {(data) => (
          <FeesTable
            fees={data}
            strongOverdue
            action={(f) =>
              canRecord &&
              (f.outstandingTiyn ?? 0) > 0 && (
                <Button size="xs" variant="light" onClick={() => setPaying(f.id)} data-testid={`pay-${f.year}-Q${f.quarter}`}>
                  {t('staffPart.pay')}
                </Button>
              )
            }
          />
        )}
      </QueryView>
      {paying && <PaymentForm feeId={paying} participationId={participationId} onDone={() => setPaying(null)} />}
    </Section>
  );
}

/** F-21: a payment the Fund received for one fee (the bank statement's line recorded by hand). */
function PaymentForm({ feeId, participationId, onDone }: { feeId: string; participationId: string; onDone: () => void }) {
  const t = useT();
  const api = useApi();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({ amount: '', paidOn: '', reference: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const pay = useCommand(async (body: unknown, key: string) =>
    ok(await api.POST('/api/participation/fees/{feeId}/payments', { params: { path: { feeId } }, body: body as never, ...idempotent(key) })),
  );
  const send = async () => {
    const tiyn = tengeToTiyn(form.amount);
    const parsed = RecordPaymentBody.safeParse({ amountTiyn: tiyn ?? -1, paidOn: form.paidOn, reference: form.reference });
    if (tiyn === null || !parsed.success) {
      setErrors({ ...(parsed.success ? {} : zodFieldErrors(parsed.error.issues, t)), ...(tiyn === null ? { amountTiyn: t('form.error.amount') } : {}) });
      return;
    }
    setErrors({});
    try {
      await pay.submit(parsed.data);
      await queryClient.invalidateQueries({ queryKey: ['staff-participation', participationId, 'fees'] });
      onDone();
    } catch (e) {
      setErrors(fieldErrors(e));
    }
  };
  const set = (k: keyof typeof form) => (e: { currentTarget: { value: string } }) => setForm({ ...form, [k]: e.currentTarget.value });
  return (
    <FormFrame
      testId="payment-form"
      title={t('staffPart.pay.title')}
      errors={errors}
      command={pay}
      submit={{ label: 'staffPart.pay', onClick: () => void send(), testId: 'pay-submit' }}
      onCancel={onDone}
    >
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          label={t('staffPart.pay.amount')}
          description={t('form.money.hint')}
          value={form.amount}
          onChange={set('amount')}
          error={errors.amountTiyn}
          inputMode="decimal"
          withAsterisk
          data-testid="pay-amount"
        />
        <TextInput
          type="date"
          label={t('staffPart.pay.paidOn')}
          value={form.paidOn}
          onChange={set('paidOn')}
          error={errors.paidOn}
          withAsterisk
          data-testid="pay-date"
        />
        <TextInput
          label={t('staffPart.pay.reference')}
          value={form.reference}
          onChange={set('reference')}
          error={errors.reference}
          withAsterisk
          data-testid="pay-reference"
        />
      </SimpleGrid>
    </FormFrame>
  );
}

function Reports({ participationId }: { participationId: string }) {
  const t = useT();
  const api = useApi();
  const reports = useQuery(staffQueries(api, participationId).reports);
  const overdue = reports.data?.filter((r) => r.status === 'overdue').length ?? 0;
  return (
    <Section title="reports.title" intro="staffPart.reports.intro" testId="staff-reports">
      {overdue > 0 && (
        <Text c={OVERDUE} fw={600} size="sm" mb="xs" data-testid="reports-overdue">
          {t('staffPart.reports.overdue', { count: overdue })}
        </Text>
      )}
      <QueryView query={reports} empty={t('reports.empty')}>
        {(data) => <ReportsTable reports={data} strongOverdue />}
      </QueryView>
    </Section>
  );
}

/** F-32, F-38: the fund officer asks the participant for information or documents; participation counts the 10 working days. */
function SendRequest({ participationId }: { participationId: string }) {
  const t = useT();
  const api = useApi();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<string>('tax-and-accounting');
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const request = useCommand(async (body: unknown, key: string) =>
    ok(
      await api.POST('/api/participation/participations/{id}/information-requests', {
        params: { path: { id: participationId } },
        body: body as never,
        ...idempotent(key),
      }),
    ),
  );
  const send = async () => {
    const parsed = RequestInformationBody.safeParse({ kind, description });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error.issues, t));
      return;
    }
    setErrors({});
    try {
      await request.submit(parsed.data);
      setDescription('');
      setOpen(false);
      await queryClient.invalidateQueries({ queryKey: ['information-requests', participationId] });
    } catch (e) {
      setErrors(fieldErrors(e));
    }
  };
  if (!open)
    return (
      <Button mt="sm" size="xs" variant="light" onClick={() => setOpen(true)} data-testid="request-open">
        {t('staffPart.request.open')}
      </Button>
    );
  return (
    <FormFrame
      testId="request-form"
      title={t('staffPart.request.title')}
      errors={errors}
      command={request}
      submit={{ label: 'staffPart.request.open', onClick: () => void send(), testId: 'request-submit' }}
      onCancel={() => setOpen(false)}
    >
      <NativeSelect
        label={t('requests.col.kind')}
        value={kind}
        onChange={(e) => setKind(e.currentTarget.value)}
        data={InformationKindSchema.options.map((k) => ({ value: k, label: t(`requestKind.${k}`) }))}
        error={errors.kind}
        data-testid="request-kind"
      />
      <Textarea
        label={t('staffPart.request.description')}
        value={description}
        onChange={(e) => setDescription(e.currentTarget.value)}
        error={errors.description}
        autosize
        minRows={2}
        withAsterisk
        data-testid="request-description"
      />
      <Text size="xs" c="dimmed">
        {t('staffPart.request.due')}
      </Text>
    </FormFrame>
  );
}

function Audits({ participationId }: { participationId: string }) {
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  const audits = useQuery(staffQueries(api, participationId).audits);
  return (
    <Section title="staffPart.audits.title" intro="staffPart.audits.intro" testId="staff-audits">
      <QueryView query={audits} empty={t('staffPart.audits.empty')}>
        {(data) => (
          <Table.ScrollContainer minWidth={640} type="native" tabIndex={0} role="region" aria-label={t('staffPart.audits.title')}>
            <Table striped data-testid="audits-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('analytics.year')}</Table.Th>
                  <Table.Th>{t('staffPart.audits.income')}</Table.Th>
                  <Table.Th>{t('fees.col.due')}</Table.Th>
                  <Table.Th>{t('fees.col.status')}</Table.Th>
                  <Table.Th>{t('reports.col.submitted')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.map((a) => (
                  <Table.Tr key={a.id} data-status={a.status}>
                    <Table.Td>{a.financialYear}</Table.Td>
                    <Table.Td>
                      {t('staffPart.audits.above', { income: formatTiyn(a.declaredIncomeTiyn, locale), threshold: formatTiyn(a.thresholdTiyn, locale) })}
                    </Table.Td>
                    <Table.Td>{formatCivilDate(a.dueDate, locale)}</Table.Td>
                    <Table.Td>
                      <StatusBadge status={a.status} label={`auditStatus.${a.status}`} colors={COLOR} strongOverdue />
                    </Table.Td>
                    <Table.Td>{a.submittedOn ? formatCivilDate(a.submittedOn, locale) : '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryView>
    </Section>
  );
}

/** F-28 … F-29: a case still running — another may not be opened while it is (participation answers 409). */
const OPEN_CASE = new Set(['pending-commission', 'scheduled']);

function Terminations({ participationId, canDecide, canOpen }: { participationId: string; canDecide: boolean; canOpen: boolean }) {
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  const cases = useQuery(staffQueries(api, participationId).cases);
  const [deciding, setDeciding] = useState<string | null>(null);
  const [opening, setOpening] = useState(false);
  const running = cases.data?.some((c) => OPEN_CASE.has(c.status)) ?? true;
  return (
    <Section title="staffPart.cases.title" intro="staffPart.cases.intro" testId="staff-cases">
      <QueryView query={cases} empty={t('staffPart.cases.empty')}>
        {(data) => (
          <Stack gap="sm">
            {data.map((c) => (
              <Card key={c.id} withBorder padding="sm" data-case={c.id} data-status={c.status}>
                <Group justify="space-between" align="start" gap={6}>
                  <Text fw={600} size="sm">
                    {t('terminationGround.withNumber', { ground: t(`terminationGround.${c.ground}`), number: c.groundNumber })}
                  </Text>
                  <StatusBadge status={c.status} label={`terminationStatus.${c.status}`} colors={COLOR} strongOverdue />
                </Group>
                <Text size="sm">{c.reason}</Text>
                <Text size="xs" c="dimmed">
                  {[
                    t('staffPart.cases.opened', { date: formatCivilDate(c.openedOn, locale) }),
                    c.effectiveDate ? t('staffPart.cases.effective', { date: formatCivilDate(c.effectiveDate, locale) }) : null,
                    commissionDecides(c.groundNumber) ? t('staffPart.cases.commission') : t('staffPart.cases.fund'),
                    c.protocolNumber ? t('staffPart.cases.protocol', { number: c.protocolNumber }) : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
                {canDecide && c.status === 'pending-commission' && deciding !== c.id && (
                  <Button size="xs" variant="light" mt="xs" w="fit-content" onClick={() => setDeciding(c.id)} data-testid={`decide-${c.id}`}>
                    {t('staffPart.decide')}
                  </Button>
                )}
                {deciding === c.id && <DecisionForm caseId={c.id} participationId={participationId} onDone={() => setDeciding(null)} />}
              </Card>
            ))}
          </Stack>
        )}
      </QueryView>
      {canOpen &&
        !running &&
        (opening ? (
          <OpenCaseForm participationId={participationId} onDone={() => setOpening(false)} />
        ) : (
          <Button mt="sm" size="xs" variant="light" color="red" onClick={() => setOpening(true)} data-testid="case-open">
            {t('staffCase.open')}
          </Button>
        ))}
    </Section>
  );
}

/** F-30: the Commission's decision on grounds (1), (2), (7), recorded by its secretary with the protocol. */
function DecisionForm({ caseId, participationId, onDone }: { caseId: string; participationId: string; onDone: () => void }) {
  const t = useT();
  const api = useApi();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({ decision: 'terminate', protocolNumber: '', decidedOn: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const decide = useCommand(async (body: unknown, key: string) =>
    ok(
      await api.POST('/api/participation/early-terminations/{caseId}/commission-decision', {
        params: { path: { caseId } },
        body: body as never,
        ...idempotent(key),
      }),
    ),
  );
  const send = async () => {
    const parsed = CommissionDecisionBody.safeParse(form);
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error.issues, t));
      return;
    }
    setErrors({});
    try {
      await decide.submit(parsed.data);
      await queryClient.invalidateQueries({ queryKey: ['staff-participation', participationId] });
      onDone();
    } catch (e) {
      setErrors(fieldErrors(e));
    }
  };
  const set = (k: keyof typeof form) => (e: { currentTarget: { value: string } }) => setForm({ ...form, [k]: e.currentTarget.value });
  return (
    <FormFrame
      testId="decision-form"
      mt="sm"
      errors={errors}
      command={decide}
      submit={{ label: 'staffPart.decide', onClick: () => void send() }}
      onCancel={onDone}
    >
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <NativeSelect
          label={t('staffPart.decision')}
          value={form.decision}
          onChange={set('decision')}
          data={[
            { value: 'terminate', label: t('staffPart.decision.terminate') },
            { value: 'continue', label: t('staffPart.decision.continue') },
          ]}
          error={errors.decision}
        />
        <TextInput
          label={t('staffPart.decision.protocol')}
          value={form.protocolNumber}
          onChange={set('protocolNumber')}
          error={errors.protocolNumber}
          withAsterisk
        />
        <TextInput type="date" label={t('staffPart.decision.date')} value={form.decidedOn} onChange={set('decidedOn')} error={errors.decidedOn} withAsterisk />
      </SimpleGrid>
    </FormFrame>
  );
}

export const Route = createLazyRoute('/staff/participation/$id')({
  component: () => (
    <RequireAccess op="GET /api/participation/participations/{id}">
      <StaffParticipation />
    </RequireAccess>
  ),
});
