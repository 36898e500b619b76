import { Alert, Button, Card, Checkbox, Group, MultiSelect, NativeSelect, Paper, SimpleGrid, Stack, Stepper, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, createLazyRoute, useNavigate, useParams } from '@tanstack/react-router';
import { useEffect, useMemo, useState } from 'react';
import { useApi } from '../api/api-context';
import { ApiError, fieldErrors, idempotent, ok } from '../api/client';
import { useCommand } from '../api/command';
import { CheckField, FormContext, type FormApi, MoneyField, TextField, useForm } from '../forms/fields';
import { DocumentField } from '../forms/document-field';
import { type FormObject, type FormValue, contractIssues, fromApplication, getPath, setPath, toBody } from '../forms/form-state';
import { useLocale, useT } from '../i18n/i18n';
import type { MessageId } from '../i18n/locales';
import { RequireAccess } from '../ui/guard';
import { ErrorState, Loading } from '../ui/states';
import '../ui/lazy-styles';

type ActivityType = { code: string; nameRu: string; nameKk: string; nameEn: string; works: { code: string; name: string }[] };

/** The steps of the form and the body paths each one holds (a server error on a path marks its step). */
const STEPS: readonly { id: string; label: MessageId; paths: RegExp }[] = [
  { id: 'company', label: 'form.step.company', paths: /^(companyName|address|language)/ },
  { id: 'activity', label: 'form.step.activity', paths: /^(activityTypes|eligibility)/ },
  { id: 'documents', label: 'form.step.documents', paths: /^(taxCertificate|placeOfBusiness)/ },
  { id: 'projects', label: 'form.step.projects', paths: /^businessPlan\.projects/ },
  { id: 'plan', label: 'form.step.plan', paths: /^businessPlan(?!\.projects)/ },
  { id: 'review', label: 'form.step.review', paths: /^$/ },
];

/**
 * The registration application as a multi-step form (F-7, F-9, Annex 1): every step saves the draft
 * (PATCH), the contract's zod schema (EditApplicationBody from @hub/contracts) checks it before it is
 * sent, and the Fund's completeness check on submit answers with problem+json field errors that land
 * on their fields (and mark their steps).
 */
function ApplicationEditor() {
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const id = useParams({ strict: false }).id ?? '';
  const app = useQuery({
    queryKey: ['application', id],
    queryFn: async () => ok(await api.GET('/api/registration/applications/{id}', { params: { path: { id } } })),
  });
  const types = useQuery({
    queryKey: ['activity-types'],
    queryFn: async () => ok(await api.GET('/api/registration/activity-types')).activityTypes as ActivityType[],
    staleTime: 3600_000,
  });
  const [state, setState] = useState<FormObject | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [step, setStep] = useState(0);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [dirty, setDirty] = useState(false);
  const phone = useMediaQuery('(max-width: 48em)');

  useEffect(() => {
    if (app.data && !state) setState(fromApplication(app.data));
  }, [app.data, state]);

  const save = useCommand(async (body: Record<string, unknown>, key: string) =>
    ok(await api.PATCH('/api/registration/applications/{id}', { params: { path: { id } }, body: body as never, ...idempotent(key) })),
  );
  const submit = useCommand(async (_: null, key: string) =>
    ok(await api.POST('/api/registration/applications/{id}/submit', { params: { path: { id } }, ...idempotent(key) })),
  );

  const form: FormApi | null = useMemo(
    () =>
      state && {
        state,
        disabled: save.isPending || submit.isPending,
        set: (path: string, value: FormValue) => {
          setState((s) => (s ? setPath(s, path, value) : s));
          setDirty(true);
          // typing in a field answers its own error and its section's ("taxCertificate is required")
          setErrors((e) => {
            const stale = Object.keys(e).filter((k) => k === path || path.startsWith(`${k}.`));
            if (!stale.length) return e;
            const rest = { ...e };
            for (const k of stale) delete rest[k];
            return rest;
          });
        },
        error: (path: string) => errors[path],
      },
    [state, errors, save.isPending, submit.isPending],
  );

  if (app.isPending || (app.data && !state)) return <Loading />;
  if (app.isError) return <ErrorState error={app.error} onRetry={() => void app.refetch()} />;
  if (!form || !state) return <Loading />;
  const editable = app.data.allowedActions.includes('edit-draft') && app.data.status === 'draft';
  if (!editable)
    return (
      <Alert color="orange" title={t('form.notEditable')} data-testid="not-editable">
        <Button component={Link} to="/my/applications/$id" params={{ id } as never} variant="light" mt="sm">
          {t('application.open')}
        </Button>
      </Alert>
    );

  const stepOf = (path: string) =>
    Math.max(
      0,
      STEPS.findIndex((s) => s.paths.test(path)),
    );
  const errorsIn = (i: number) => Object.keys(errors).filter((p) => stepOf(p) === i).length;

  /** Checks with the contract and saves the draft; false (and the errors on their fields) when it cannot. */
  const saveDraft = async (): Promise<boolean> => {
    const { body, problems } = toBody(state);
    const local: Record<string, string> = {};
    for (const [p, kind] of Object.entries(problems)) local[p] = t(kind === 'amount' ? 'form.error.amount' : 'form.error.number');
    Object.assign(local, contractIssues(body, t), local);
    if (Object.keys(local).length) {
      setErrors(local);
      return false;
    }
    try {
      await save.submit(body);
      setSavedAt(new Date());
      setDirty(false);
      await queryClient.invalidateQueries({ queryKey: ['application', id] });
      return true;
    } catch (e) {
      setErrors(fieldErrors(e));
      return false;
    }
  };
  const next = async () => {
    if (await saveDraft()) setStep((s) => Math.min(s + 1, STEPS.length - 1));
  };
  const file = async () => {
    if (dirty && !(await saveDraft())) return;
    try {
      await submit.submit(null);
      await queryClient.invalidateQueries({ queryKey: ['my-applications'] });
      await queryClient.invalidateQueries({ queryKey: ['application', id] });
      void navigate({ to: '/my/applications/$id', params: { id } });
    } catch (e) {
      const fe = fieldErrors(e);
      setErrors(fe);
      const first = Object.keys(fe)[0];
      if (first !== undefined) setStep(stepOf(first));
    }
  };
  const failure = save.error ?? submit.error;
  const errorCount = Object.keys(errors).length;

  return (
    <FormContext.Provider value={form}>
      <Stack gap="md" maw={960}>
        <Group justify="space-between" align="end">
          <div>
            <Title order={2}>{t('form.title')}</Title>
            <Text c="dimmed" size="sm">
              {app.data.companyName} · {app.data.bin}
            </Text>
          </div>
          <Text size="sm" c="dimmed" role="status" data-testid="draft-status">
            {save.isPending ? t('form.saving') : savedAt ? t('form.savedAt', { time: savedAt }) : dirty ? t('form.unsaved') : t('form.draft')}
          </Text>
        </Group>
        <Text size="sm">{t('form.intro')}</Text>
        {errorCount > 0 && (
          <Alert color="red" variant="light" role="alert" title={t('form.errors', { count: errorCount })} data-testid="form-errors">
            {failure instanceof ApiError && failure.problem?.code !== undefined ? t('form.errors.server') : t('form.errors.fix')}
          </Alert>
        )}
        {failure && errorCount === 0 && <ErrorState error={failure} />}
        <Stepper active={step} onStepClick={setStep} size="sm" allowNextStepsSelect orientation={phone ? 'vertical' : 'horizontal'} wrap data-testid="stepper">
          {STEPS.map((s, i) => (
            <Stepper.Step
              key={s.id}
              label={t(s.label)}
              color={errorsIn(i) ? 'red' : undefined}
              description={errorsIn(i) ? t('form.stepErrors', { count: errorsIn(i) }) : undefined}
              data-testid={`step-${s.id}`}
            />
          ))}
        </Stepper>
        <Paper withBorder p="md" radius="md">
          {step === 0 && <CompanyStep />}
          {step === 1 && <ActivityStep types={types.data ?? []} loading={types.isPending} locale={locale} />}
          {step === 2 && <DocumentsStep bin={app.data.bin} />}
          {step === 3 && <ProjectsStep types={types.data ?? []} locale={locale} />}
          {step === 4 && <PlanStep />}
          {step === 5 && <ReviewStep errorCount={errorCount} />}
        </Paper>
        <Group justify="space-between">
          <Button variant="default" disabled={step === 0} onClick={() => setStep((s) => s - 1)} data-testid="form-back">
            {t('form.back')}
          </Button>
          <Group>
            <Button variant="light" loading={save.isPending} onClick={() => void saveDraft()} data-testid="form-save">
              {t('form.saveDraft')}
            </Button>
            {step < STEPS.length - 1 ? (
              <Button onClick={() => void next()} loading={save.isPending} data-testid="form-next">
                {t('form.next')}
              </Button>
            ) : (
              <Button color="green" onClick={() => void file()} loading={submit.isPending} data-testid="form-submit">
                {t('form.submit')}
              </Button>
            )}
          </Group>
        </Group>
      </Stack>
    </FormContext.Provider>
  );
}

function CompanyStep() {
  const t = useT();
  const f = useForm();
  return (
    <Stack>
      <Title order={3} size="h4">
        {t('form.step.company')}
      </Title>
      <TextField path="companyName" label="form.companyName" required />
      <TextField path="address" label="form.address" area required />
      <NativeSelect
        label={t('form.language')}
        description={t('form.language.hint')}
        value={text(getPath(f.state, 'language')) || 'kk'}
        onChange={(e) => f.set('language', e.currentTarget.value)}
        data={[
          { value: 'kk', label: 'Қазақша' },
          { value: 'ru', label: 'Русский' },
          { value: 'en', label: 'English' },
        ]}
        data-testid="field-language"
      />
    </Stack>
  );
}

/** A leaf of the form's state as text (lists and objects are not text). */
const text = (v: FormValue | undefined): string => (typeof v === 'string' ? v : '');

const typeName = (t: ActivityType, locale: string) => (locale === 'kk' ? t.nameKk : locale === 'ru' ? t.nameRu : t.nameEn);

function ActivityStep({ types, loading, locale }: { types: ActivityType[]; loading: boolean; locale: string }) {
  const t = useT();
  const f = useForm();
  const selected = (getPath(f.state, 'activityTypes') ?? []) as FormObject[];
  const codes = selected.map((s) => text(s.code));
  const choose = (next: string[]) => {
    f.set(
      'activityTypes',
      next.map((code) => selected.find((s) => s.code === code) ?? { code, works: [] }),
    );
    // Annex 1: one project block per chosen activity type, kept when the type stays
    const projects = (getPath(f.state, 'businessPlan.projects') ?? []) as FormObject[];
    f.set(
      'businessPlan.projects',
      next.map((code) => projects.find((p) => p.activityTypeCode === code) ?? { activityTypeCode: code }),
    );
  };
  return (
    <Stack>
      <Title order={3} size="h4">
        {t('form.activity.title')}
      </Title>
      <MultiSelect
        label={t('form.activityTypes')}
        description={t('form.activityTypes.hint')}
        placeholder={loading ? t('common.loading') : undefined}
        data={types.map((x) => ({ value: x.code, label: `${x.code} — ${typeName(x, locale)}` }))}
        value={codes}
        onChange={choose}
        error={f.error('activityTypes')}
        searchable
        withAsterisk
        data-testid="field-activityTypes"
      />
      {selected.map((s, i) => {
        const type = types.find((x) => x.code === s.code);
        if (!type?.works.length) return null;
        return (
          <Checkbox.Group
            key={text(s.code)}
            label={t('form.works', { type: typeName(type, locale) })}
            value={(s.works ?? []) as string[]}
            onChange={(v) => f.set(`activityTypes.${i}.works`, v)}
          >
            <Stack gap={4} mt={4}>
              {type.works.map((w) => (
                <Checkbox key={w.code} value={w.code} label={w.name} />
              ))}
            </Stack>
          </Checkbox.Group>
        );
      })}
      <Title order={3} size="h4" mt="md">
        {t('form.eligibility.title')}
      </Title>
      <SectionError path="eligibility" />
      <Text size="sm" c="dimmed">
        {t('form.eligibility.intro')}
      </Text>
      <CheckField path="eligibility.hasBranches" label="form.eligibility.hasBranches" />
      <CheckField path="eligibility.implementsInvestmentPriorityProject" label="form.eligibility.priorityProject" />
      <CheckField path="eligibility.hasImplementedInvestmentPriorityProject" label="form.eligibility.priorityProjectDone" />
      <CheckField path="eligibility.implementsInvestmentStrategicProjectBefore2015" label="form.eligibility.strategicProject" />
      <CheckField path="eligibility.hasImplementedInvestmentStrategicProjectBefore2015" label="form.eligibility.strategicProjectDone" />
      <CheckField path="eligibility.isSubsoilUser" label="form.eligibility.subsoil" />
      <CheckField path="eligibility.isSezParticipant" label="form.eligibility.sez" />
      <CheckField path="eligibility.isExcisePayer" label="form.eligibility.excise" />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextField path="eligibility.stateOwnershipPercent" label="form.eligibility.statePercent" inputMode="decimal" required />
        <TextField path="eligibility.exportRevenuePercent" label="form.eligibility.exportPercent" inputMode="decimal" />
        <TextField path="eligibility.quasiStateRevenuePercent" label="form.eligibility.quasiStatePercent" inputMode="decimal" />
      </SimpleGrid>
    </Stack>
  );
}

function DocumentsStep({ bin }: { bin: string }) {
  const t = useT();
  return (
    <Stack>
      <Title order={3} size="h4">
        {t('form.tax.title')}
      </Title>
      <SectionError path="taxCertificate" />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextField path="taxCertificate.number" label="form.tax.number" />
        <TextField path="taxCertificate.issuedOn" label="form.tax.issuedOn" type="date" required />
        <MoneyField path="taxCertificate.debtTiyn" label="form.tax.debt" required />
      </SimpleGrid>
      <DocumentField path="taxCertificate.documentId" kind="tax-debt-certificate" bin={bin} label="form.tax.document" />
      <Title order={3} size="h4" mt="md">
        {t('form.place.title')}
      </Title>
      <SectionError path="placeOfBusiness" />
      <TextField path="placeOfBusiness.address" label="form.place.address" area required />
      <TextField path="placeOfBusiness.proofKind" label="form.place.proofKind" description="form.place.proofKind.hint" required />
      <DocumentField path="placeOfBusiness.documentId" kind="place-of-business-proof" bin={bin} label="form.place.document" required />
    </Stack>
  );
}

/** An error about a whole section (the server's `taxCertificate`, `placeOfBusiness`, `businessPlan` …), shown under its title. */
function SectionError({ path }: { path: string }) {
  const f = useForm();
  const message = f.error(path);
  if (!message) return null;
  return (
    <Text c="red.9" size="sm" role="alert" data-testid={`error-${path}`}>
      {message}
    </Text>
  );
}

/** Rows of a repeatable group (KPIs, yearly sales, the action plan): add and remove. */
function Rows({ path, label, empty, children }: { path: string; label: MessageId; empty: FormObject; children: (row: string, i: number) => React.ReactNode }) {
  const t = useT();
  const f = useForm();
  const rows = (getPath(f.state, path) ?? []) as FormObject[];
  return (
    <Stack gap="xs">
      <Text fw={500} size="sm">
        {t(label)}
      </Text>
      {f.error(path) && (
        <Text c="red.9" size="sm" role="alert" data-testid={`error-${path}`}>
          {f.error(path)}
        </Text>
      )}
      {rows.map((_, i) => (
        <Card key={i} withBorder padding="xs">
          {children(`${path}.${i}`, i)}
          <Group justify="end" mt={4}>
            <Button
              size="compact-xs"
              variant="subtle"
              color="red"
              onClick={() =>
                f.set(
                  path,
                  rows.filter((__, j) => j !== i),
                )
              }
            >
              {t('form.removeRow')}
            </Button>
          </Group>
        </Card>
      ))}
      <Button size="xs" variant="light" w="fit-content" onClick={() => f.set(path, [...rows, empty])} data-testid={`add-${path}`}>
        {t('form.addRow')}
      </Button>
    </Stack>
  );
}

function ProjectsStep({ types, locale }: { types: ActivityType[]; locale: string }) {
  const t = useT();
  const f = useForm();
  const projects = (getPath(f.state, 'businessPlan.projects') ?? []) as FormObject[];
  return (
    <Stack>
      <Title order={3} size="h4">
        {t('form.projects.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('form.projects.intro')}
      </Text>
      {f.error('businessPlan.projects') && (
        <Text c="red.9" size="sm" role="alert" data-testid="error-businessPlan.projects">
          {f.error('businessPlan.projects')}
        </Text>
      )}
      {projects.length === 0 && <Text c="dimmed">{t('form.projects.none')}</Text>}
      {projects.map((p, i) => {
        const base = `businessPlan.projects.${i}`;
        const type = types.find((x) => x.code === p.activityTypeCode);
        return (
          <Card key={text(p.activityTypeCode)} withBorder>
            <Stack gap="sm">
              <Title order={4} size="h5">
                {t('form.project', { type: type ? `${type.code} — ${typeName(type, locale)}` : text(p.activityTypeCode) })}
              </Title>
              <TextField path={`${base}.name`} label="form.project.name" required />
              <TextField path={`${base}.description`} label="form.project.description" area required />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextField path={`${base}.goals`} label="form.project.goals" area required />
                <TextField path={`${base}.tasks`} label="form.project.tasks" area required />
              </SimpleGrid>
              <TextField path={`${base}.readinessStage`} label="form.project.readiness" area required />
              <Rows path={`${base}.kpis`} label="form.project.kpis" empty={{ name: '', target: '' }}>
                {(row) => (
                  <SimpleGrid cols={{ base: 1, sm: 2 }}>
                    <TextField path={`${row}.name`} label="form.kpi.name" />
                    <TextField path={`${row}.target`} label="form.kpi.target" />
                  </SimpleGrid>
                )}
              </Rows>
              <TextField path={`${base}.technicalDescription`} label="form.project.technical" area required />
              <TextField path={`${base}.offering.products`} label="form.project.products" area required />
              <TextField path={`${base}.offering.salesMethod`} label="form.project.salesMethod" area required />
              <Rows path={`${base}.offering.yearlySales`} label="form.project.yearlySales" empty={{ year: '', volume: '', revenueTiyn: '' }}>
                {(row) => (
                  <SimpleGrid cols={{ base: 1, sm: 3 }}>
                    <TextField path={`${row}.year`} label="form.sales.year" inputMode="numeric" />
                    <TextField path={`${row}.volume`} label="form.sales.volume" />
                    <MoneyField path={`${row}.revenueTiyn`} label="form.sales.revenue" />
                  </SimpleGrid>
                )}
              </Rows>
            </Stack>
          </Card>
        );
      })}
    </Stack>
  );
}

function PlanStep() {
  const t = useT();
  return (
    <Stack>
      <Title order={3} size="h4">
        {t('form.plan.title')}
      </Title>
      <SectionError path="businessPlan" />
      <TextField path="businessPlan.placeOfImplementation" label="form.plan.place" area required />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextField path="businessPlan.ownership.basis" label="form.plan.ownershipBasis" area required />
        <TextField path="businessPlan.ownership.intellectualProperty" label="form.plan.ip" area required />
      </SimpleGrid>
      <TextField path="businessPlan.team.qualifications" label="form.plan.qualifications" area required />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextField path="businessPlan.team.headcount" label="form.plan.headcount" inputMode="numeric" required />
        <TextField path="businessPlan.team.residentsPlan" label="form.plan.residentsPlan" area required />
        <TextField path="businessPlan.team.nonResidentsPlan" label="form.plan.nonResidentsPlan" area required />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <MoneyField path="businessPlan.costEstimate.totalTiyn" label="form.plan.costTotal" required />
        <TextField path="businessPlan.costEstimate.breakdown" label="form.plan.costBreakdown" area required />
      </SimpleGrid>
      <TextField path="businessPlan.clients" label="form.plan.clients" area required />
      <Rows path="businessPlan.actionPlan" label="form.plan.actionPlan" empty={{ period: '', action: '' }}>
        {(row) => (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextField path={`${row}.period`} label="form.action.period" />
            <TextField path={`${row}.action`} label="form.action.action" area />
          </SimpleGrid>
        )}
      </Rows>
    </Stack>
  );
}

function ReviewStep({ errorCount }: { errorCount: number }) {
  const t = useT();
  return (
    <Stack>
      <Title order={3} size="h4">
        {t('form.review.title')}
      </Title>
      <Text>{t('form.review.intro')}</Text>
      {errorCount === 0 && <Text c="dimmed">{t('form.review.hint')}</Text>}
    </Stack>
  );
}

export const Route = createLazyRoute('/my/applications/$id/edit')({
  component: () => (
    <RequireAccess op="PATCH /api/registration/applications/{id}">
      <ApplicationEditor />
    </RequireAccess>
  ),
});
