import { Alert, Badge, Button, Card, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createLazyRoute } from '@tanstack/react-router';
import { DeclareIncomeBody, SubmitQuarterlyReportBody } from '@hub/contracts';
import { useState } from 'react';
import { useApi } from '../api/api-context';
import { fieldErrors, idempotent, mayCall, ok } from '../api/client';
import { useSession } from '../auth/auth-context';
import { useCommand } from '../api/command';
import { tengeToTiyn } from '../forms/form-state';
import { zodFieldErrors, zodIssueText } from '../forms/zod-messages';
import { formatCivilDate } from '../format';
import { useLocale, useT } from '../i18n/i18n';
import type { MessageId } from '../i18n/locales';
import { RequireAccess } from '../ui/guard';
import { Empty, ErrorState, Loading } from '../ui/states';
import { QueryView } from '../ui/query-view';
import { FeesTable, ReportsTable } from '../ui/participation-tables';
import '../ui/lazy-styles';
import { ExtensionPanel, InformationRequests } from './participation-requests';
import { CorporateNoticePanel, VoluntaryExitPanel } from './participation-notices';

type Fee = {
  id: string;
  year: number;
  quarter: number;
  dueDate: string;
  status: string;
  declaredIncomeTiyn: number | null;
  feeTiyn: number | null;
  paidTiyn: number;
  outstandingTiyn: number | null;
};
type Report = {
  id: string;
  year: number;
  quarter: number;
  dueDate: string;
  status: string;
  submittedAt: string | null;
  nonResidentCount: number;
  familyMemberCount: number;
};

/**
 * The participant's obligations (F-21 … F-23, F-37 … F-42): its fees per quarter with the payment
 * status, the income declaration that assesses a fee, and the quarterly reports with the F-42
 * section on engaged non-residents (personal data: restricted, encrypted by participation, every
 * read logged).
 */
function ParticipationPage() {
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  const list = useQuery({
    queryKey: ['participations'],
    queryFn: async () => ok(await api.GET('/api/participation/participations', { params: { query: { pageSize: 50 } } })),
  });
  const [chosen, setChosen] = useState<string | null>(null);
  const session = useSession();
  const participant = session?.roles.includes('applicant') ?? false;
  if (list.isPending) return <Loading />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  const items = list.data.items;
  const current = items.find((p) => p.id === chosen) ?? items[0];
  return (
    <Stack gap="md" maw={1100}>
      <Title order={2}>{t('participation.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('participation.intro')}
      </Text>
      {!current ? (
        <Empty>{t('participation.empty')}</Empty>
      ) : (
        <>
          {items.length > 1 && (
            <NativeSelect
              label={t('participation.company')}
              value={current.id}
              onChange={(e) => setChosen(e.currentTarget.value)}
              data={items.map((p) => ({ value: p.id, label: `${p.companyName} (${p.bin})` }))}
              maw={480}
              data-testid="participation-select"
            />
          )}
          <Card withBorder>
            <Group justify="space-between">
              <div>
                <Text fw={600}>{current.companyName}</Text>
                <Text size="sm" c="dimmed">
                  {t('participation.term', {
                    certificate: current.certificateNumber,
                    from: formatCivilDate(current.termStart, locale),
                    to: formatCivilDate(current.termEnd, locale),
                  })}
                </Text>
              </div>
              <Badge variant="light" tt="none">
                {t(`participationStatus.${current.status}` as MessageId)}
              </Badge>
            </Group>
          </Card>
          <Fees participationId={current.id} />
          <Reports participationId={current.id} />
          <InformationRequests
            participationId={current.id}
            bin={current.bin}
            canAnswer={mayCall(session, 'POST /api/participation/information-requests/{requestId}/answer')}
          />
          <ExtensionPanel
            participationId={current.id}
            termEnd={current.termEnd}
            extensionDeadline={current.extensionDeadline}
            active={current.status === 'active'}
          />
          {/* issue #11: the participant's own F-34 notices and voluntary exit (F-28(3), F-29) */}
          {participant && mayCall(session, 'POST /api/participation/participations/{id}/corporate-notices') && (
            <CorporateNoticePanel
              participationId={current.id}
              bin={current.bin}
              canList={mayCall(session, 'GET /api/participation/participations/{id}/corporate-notices')}
            />
          )}
          {participant && mayCall(session, 'POST /api/participation/participations/{id}/early-terminations') && (
            <VoluntaryExitPanel participationId={current.id} termEnd={current.termEnd} active={current.status === 'active'} />
          )}
        </>
      )}
    </Stack>
  );
}

function Fees({ participationId }: { participationId: string }) {
  const t = useT();
  const api = useApi();
  const queryClient = useQueryClient();
  const fees = useQuery({
    queryKey: ['fees', participationId],
    queryFn: async () => ok(await api.GET('/api/participation/participations/{id}/fees', { params: { path: { id: participationId } } })) as Fee[],
  });
  const [declaring, setDeclaring] = useState<Fee | null>(null);
  const [income, setIncome] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const declare = useCommand(async (body: { year: number; quarter: number; incomeTiyn: number }, key: string) =>
    ok(
      await api.POST('/api/participation/participations/{id}/income-declarations', {
        params: { path: { id: participationId } },
        body: body as never,
        ...idempotent(key),
      }),
    ),
  );
  const send = async () => {
    if (!declaring) return;
    const tiyn = tengeToTiyn(income);
    const parsed = DeclareIncomeBody.safeParse({ year: declaring.year, quarter: declaring.quarter, incomeTiyn: tiyn ?? -1 });
    if (tiyn === null || !parsed.success) {
      setErrors({ incomeTiyn: tiyn === null ? t('form.error.amount') : parsed.error?.issues[0] ? zodIssueText(parsed.error.issues[0], t) : '' });
      return;
    }
    setErrors({});
    try {
      await declare.submit(parsed.data);
      setDeclaring(null);
      setIncome('');
      await queryClient.invalidateQueries({ queryKey: ['fees', participationId] });
    } catch (e) {
      setErrors(fieldErrors(e));
    }
  };
  const declarable = (f: Fee) => f.declaredIncomeTiyn === null && (f.status === 'awaiting-declaration' || f.status === 'overdue');
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="xs">
        {t('fees.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('fees.intro')}
      </Text>
      <QueryView query={fees} empty={t('fees.empty')}>
        {(data) => (
          <FeesTable
            fees={data}
            action={(f) =>
              declarable(f) && (
                <Button size="xs" variant="light" onClick={() => setDeclaring(f)} data-testid={`declare-${f.year}-Q${f.quarter}`}>
                  {t('fees.declare')}
                </Button>
              )
            }
          />
        )}
      </QueryView>
      {declaring && (
        <Card withBorder mt="md" bg="gray.0" data-testid="declare-form">
          <Title order={4} size="h5" mb="xs">
            {t('fees.declare.title', { year: declaring.year, quarter: declaring.quarter })}
          </Title>
          <Group align="end">
            <TextInput
              label={t('fees.declare.income')}
              description={t('form.money.hint')}
              value={income}
              onChange={(e) => setIncome(e.currentTarget.value)}
              error={errors.incomeTiyn}
              inputMode="decimal"
              data-testid="income"
            />
            <Button onClick={() => void send()} loading={declare.isPending} data-testid="declare-submit">
              {t('fees.declare.submit')}
            </Button>
            <Button variant="default" onClick={() => setDeclaring(null)}>
              {t('common.cancel')}
            </Button>
          </Group>
          {declare.isError && !Object.keys(errors).length && <ErrorState error={declare.error} />}
        </Card>
      )}
    </Card>
  );
}

const emptyEngaged = () => ({
  fullName: '',
  fullNameLatin: '',
  dateOfBirth: '',
  status: 'foreign-citizen',
  citizenship: '',
  countryOfPermanentResidence: '',
  passport: { number: '', issuedOn: '', issuedBy: '' },
  expectedStayFrom: '',
  expectedStayUntil: '',
  qualifications: '',
  visaExtension: '',
  purposeOfStay: '',
});
type Engaged = ReturnType<typeof emptyEngaged>;

function Reports({ participationId }: { participationId: string }) {
  const t = useT();
  const api = useApi();
  const reports = useQuery({
    queryKey: ['reports', participationId],
    queryFn: async () =>
      ok(await api.GET('/api/participation/participations/{id}/quarterly-reports', { params: { path: { id: participationId } } })) as Report[],
  });
  const [filing, setFiling] = useState<Report | null>(null);
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="xs">
        {t('reports.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('reports.intro')}
      </Text>
      <QueryView query={reports} empty={t('reports.empty')}>
        {(data) => (
          <ReportsTable
            reports={data}
            action={(r) =>
              (r.status === 'due' || r.status === 'overdue') && (
                <Button size="xs" variant="light" onClick={() => setFiling(r)} data-testid={`file-${r.year}-Q${r.quarter}`}>
                  {t('reports.file')}
                </Button>
              )
            }
          />
        )}
      </QueryView>
      {filing && <ReportForm participationId={participationId} report={filing} onDone={() => setFiling(null)} />}
    </Card>
  );
}

function ReportForm({ participationId, report, onDone }: { participationId: string; report: Report; onDone: () => void }) {
  const t = useT();
  const api = useApi();
  const queryClient = useQueryClient();
  const [analysis, setAnalysis] = useState('');
  const [ind, setInd] = useState({
    revenueTiyn: '',
    exportRevenueTiyn: '',
    investmentsAttractedTiyn: '',
    headcount: '',
    residentHeadcount: '',
    nonResidentHeadcount: '',
  });
  const [engaged, setEngaged] = useState<Engaged[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const file = useCommand(async (body: unknown, key: string) =>
    ok(
      await api.POST('/api/participation/participations/{id}/quarterly-reports/{year}/{quarter}', {
        params: { path: { id: participationId, year: report.year, quarter: report.quarter } },
        body: body as never,
        ...idempotent(key),
      }),
    ),
  );
  const clear = (key: string) =>
    setErrors((e) => {
      if (!(key in e)) return e;
      const rest = { ...e };
      delete rest[key];
      return rest;
    });
  const setE = (i: number, path: string, v: string) => {
    clear(`nonResidents.engaged.${i}.${path}`);
    setEngaged((rows) =>
      rows.map((r, j) => {
        if (j !== i) return r;
        if (path.startsWith('passport.')) return { ...r, passport: { ...r.passport, [path.slice(9)]: v } };
        return { ...r, [path]: v };
      }),
    );
  };
  const send = async () => {
    const money: Record<string, number | undefined> = {};
    const local: Record<string, string> = {};
    for (const k of ['revenueTiyn', 'exportRevenueTiyn', 'investmentsAttractedTiyn'] as const) {
      if (!ind[k].trim()) continue;
      const v = tengeToTiyn(ind[k]);
      if (v === null) local[`indicators.${k}`] = t('form.error.amount');
      else money[k] = v;
    }
    const int = (s: string) => (s.trim() === '' ? undefined : Number(s));
    const body = {
      resultsAnalysis: analysis,
      indicators: {
        ...money,
        headcount: int(ind.headcount),
        residentHeadcount: int(ind.residentHeadcount),
        nonResidentHeadcount: int(ind.nonResidentHeadcount),
      },
      nonResidents: {
        engaged: engaged.map((e) => ({ ...e, citizenship: e.status === 'stateless' ? null : e.citizenship })),
        familyMembers: [],
      },
    };
    const parsed = SubmitQuarterlyReportBody.safeParse(body);
    if (!parsed.success || Object.keys(local).length) {
      setErrors({ ...(parsed.success ? {} : zodFieldErrors(parsed.error.issues, t)), ...local });
      return;
    }
    setErrors({});
    try {
      await file.submit(parsed.data);
      await queryClient.invalidateQueries({ queryKey: ['reports', participationId] });
      onDone();
    } catch (e) {
      setErrors(fieldErrors(e));
    }
  };
  const indField = (k: keyof typeof ind, label: MessageId, money: boolean) => (
    <TextInput
      label={t(label)}
      description={money ? t('form.money.hint') : undefined}
      value={ind[k]}
      onChange={(e) => {
        clear(`indicators.${k}`);
        setInd({ ...ind, [k]: e.currentTarget.value });
      }}
      error={errors[`indicators.${k}`]}
      inputMode={money ? 'decimal' : 'numeric'}
      withAsterisk={k !== 'investmentsAttractedTiyn'}
      data-testid={`report-${k}`}
    />
  );
  const eField = (i: number, path: string, label: MessageId, type?: string) => (
    <TextInput
      label={t(label)}
      type={type}
      value={
        path.startsWith('passport.')
          ? engaged[i]!.passport[path.slice(9) as keyof Engaged['passport']]
          : (engaged[i]![path as Exclude<keyof Engaged, 'passport'>] ?? '')
      }
      onChange={(e) => setE(i, path, e.currentTarget.value)}
      error={errors[`nonResidents.engaged.${i}.${path}`]}
      autoComplete="off"
      data-testid={`engaged-${i}-${path}`}
    />
  );
  return (
    <Card withBorder mt="md" data-testid="report-form">
      <Stack>
        <Title order={4} size="h5">
          {t('reports.form.title', { year: report.year, quarter: report.quarter })}
        </Title>
        <Textarea
          label={t('reports.form.analysis')}
          description={t('reports.form.analysis.hint')}
          value={analysis}
          onChange={(e) => {
            clear('resultsAnalysis');
            setAnalysis(e.currentTarget.value);
          }}
          error={errors.resultsAnalysis}
          autosize
          minRows={3}
          withAsterisk
          data-testid="report-analysis"
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {indField('revenueTiyn', 'reports.form.revenue', true)}
          {indField('exportRevenueTiyn', 'reports.form.exportRevenue', true)}
          {indField('investmentsAttractedTiyn', 'reports.form.investments', true)}
          {indField('headcount', 'reports.form.headcount', false)}
          {indField('residentHeadcount', 'reports.form.residents', false)}
          {indField('nonResidentHeadcount', 'reports.form.nonResidents', false)}
        </SimpleGrid>
        <Card withBorder bg="orange.0" data-testid="f42-section" aria-labelledby="f42-title">
          <Group gap="xs" mb="xs">
            <Title order={5} id="f42-title">
              {t('reports.f42.title')}
            </Title>
            <Badge color="red" variant="filled" data-testid="restricted-badge">
              {t('reports.f42.restricted')}
            </Badge>
          </Group>
          <Alert color="orange" variant="light" mb="sm" title={t('reports.f42.personal')}>
            {t('reports.f42.explain')}
          </Alert>
          <Stack gap="sm">
            {engaged.map((_, i) => (
              <Card key={i} withBorder padding="sm">
                <SimpleGrid cols={{ base: 1, sm: 3 }}>
                  {eField(i, 'fullName', 'reports.f42.fullName')}
                  {eField(i, 'fullNameLatin', 'reports.f42.fullNameLatin')}
                  {eField(i, 'dateOfBirth', 'reports.f42.dateOfBirth', 'date')}
                  <NativeSelect
                    label={t('reports.f42.status')}
                    value={engaged[i]!.status}
                    onChange={(e) => setE(i, 'status', e.currentTarget.value)}
                    data={[
                      { value: 'foreign-citizen', label: t('reports.f42.status.foreign-citizen') },
                      { value: 'stateless', label: t('reports.f42.status.stateless') },
                    ]}
                  />
                  {eField(i, 'citizenship', 'reports.f42.citizenship')}
                  {eField(i, 'countryOfPermanentResidence', 'reports.f42.country')}
                  {eField(i, 'passport.number', 'reports.f42.passportNumber')}
                  {eField(i, 'passport.issuedOn', 'reports.f42.passportIssuedOn', 'date')}
                  {eField(i, 'passport.issuedBy', 'reports.f42.passportIssuedBy')}
                  {eField(i, 'expectedStayFrom', 'reports.f42.stayFrom', 'month')}
                  {eField(i, 'expectedStayUntil', 'reports.f42.stayUntil', 'month')}
                  {eField(i, 'qualifications', 'reports.f42.qualifications')}
                  {eField(i, 'purposeOfStay', 'reports.f42.purpose')}
                  {eField(i, 'visaExtension', 'reports.f42.visa')}
                </SimpleGrid>
                <Group justify="end" mt={4}>
                  <Button size="compact-xs" variant="subtle" color="red" onClick={() => setEngaged(engaged.filter((__, j) => j !== i))}>
                    {t('form.removeRow')}
                  </Button>
                </Group>
              </Card>
            ))}
            <Button size="xs" variant="light" w="fit-content" onClick={() => setEngaged([...engaged, emptyEngaged()])} data-testid="add-engaged">
              {t('reports.f42.add')}
            </Button>
          </Stack>
        </Card>
        {Object.keys(errors).length > 0 && (
          <Alert color="red" variant="light" role="alert" title={t('form.errors', { count: Object.keys(errors).length })} data-testid="report-errors">
            {t('form.errors.fix')}
          </Alert>
        )}
        {file.isError && !Object.keys(errors).length && <ErrorState error={file.error} />}
        <Group>
          <Button onClick={() => void send()} loading={file.isPending} data-testid="report-submit">
            {t('reports.form.submit')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

export const Route = createLazyRoute('/my/participation')({
  component: () => (
    <RequireAccess op="GET /api/participation/participations">
      <ParticipationPage />
    </RequireAccess>
  ),
});
