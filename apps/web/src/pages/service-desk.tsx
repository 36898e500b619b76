import { Badge, Button, Card, Group, List, NativeSelect, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createLazyRoute } from '@tanstack/react-router';
import { useState } from 'react';
import { useApi } from '../api/api-context';
import { idempotent, ok } from '../api/client';
import { useCommand } from '../api/command';
import { formatCivilDate, formatTiyn } from '../format';
import { useLocale, useT } from '../i18n/i18n';
import type { MessageId } from '../i18n/locales';
import { RequireAccess } from '../ui/guard';
import { Empty, ErrorState, Loading } from '../ui/states';
import '../ui/lazy-styles';
import { CohortCard, type DeskCall, type DeskService, FormAlert, OpenCohortForm, OpenPurchaseForm, PurchaseCard, useDeskForm } from './service-desk-actions';

/** F-48: the field paths a remark may name (services' SERVICE_APPLICATION_FIELDS), labelled as on the application form. */
const F48_FIELDS = [
  'project.name',
  'project.direction',
  'project.summary',
  'project.expectedResults',
  'contacts.phone',
  'contacts.email',
  'contacts.city',
  'contacts.country',
  'readiness.stage',
  'readiness.technologies',
  'readiness.problem',
  'readiness.businessModel',
  'readiness.lifetime',
  'team.size',
  'team.involvement',
  'pitchUrl',
] as const;
/** F-53: the three grounds for refusing a service contract. */
const GROUNDS = ['non-compliance', 'remarks-not-eliminated', 'conditions-not-met'] as const;

interface Application {
  id: string;
  serviceId: string;
  recipientKind: 'legal-entity' | 'individual';
  recipientId: string;
  language: 'kk' | 'ru' | 'en';
  translationRequired: boolean;
  translation: { language: 'kk' | 'ru'; documentRef: string } | null;
  content: { project: { name: string; summary: string } };
  status: string;
  remarks: { field: string; message: string; answeredAt: string | null }[];
  reviewDueOn: string;
  reviewOverdue: boolean;
  contract: { priceTiyn: number; signedOn: string } | null;
}

/** F-51 … F-53, F-55: one application on the Fund's desk — remarks on F-48 fields, the decision, the contract. */
function ReviewCard({ a, onDone }: { a: Application; onDone: () => Promise<void> }) {
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  const path = { params: { path: { id: a.id } } };
  const [field, setField] = useState<string>(F48_FIELDS[0]);
  const [message, setMessage] = useState('');
  const [ground, setGround] = useState<(typeof GROUNDS)[number]>('non-compliance');
  const [reasons, setReasons] = useState('');
  // ADR 0123: the payer's name as the contract states it (a company's name, or the individual's — F-42), printed on the invoices
  const [payerName, setPayerName] = useState('');
  const { errors, run: send } = useDeskForm();
  const remark = useCommand(async (body: { remarks: { field: string; message: string }[] }, key: string) =>
    ok(await api.POST('/api/services/service-applications/{id}/remarks', { ...path, body, ...idempotent(key) })),
  );
  const decide = useCommand(
    async (body: { outcome: 'conclude-contract' } | { outcome: 'refuse'; ground: (typeof GROUNDS)[number]; reasons: string }, key: string) =>
      ok(await api.POST('/api/services/service-applications/{id}/decision', { ...path, body, ...idempotent(key) })),
  );
  const sign = useCommand(async (body: { payerName: string }, key: string) =>
    ok(await api.POST('/api/services/service-applications/{id}/contract', { ...path, body, ...idempotent(key) })),
  );
  const run = (action: () => Promise<unknown>) =>
    send(action, async () => {
      setMessage('');
      setReasons('');
      await onDone();
    });
  return (
    <Card withBorder data-testid="desk-application" data-status={a.status} data-id={a.id}>
      <Group justify="space-between" align="start" gap="xs">
        <div>
          <Text fw={600}>{a.content.project.name}</Text>
          <Text size="sm" c="dimmed">
            {a.recipientKind === 'legal-entity' ? `${t('form.bin')} ${a.recipientId}` : t('serviceApply.kind.individual')} ·{' '}
            {t(`desk.language.${a.language}` as MessageId)}
          </Text>
          {(a.status === 'under-review' || a.status === 'remarks-issued') && (
            <Text size="sm" c={a.reviewOverdue ? '#a51d1d' : undefined}>
              {t('serviceApps.reviewDue', { date: formatCivilDate(a.reviewDueOn, locale) })}
              {a.reviewOverdue ? ` · ${t('queue.overdue')}` : ''}
            </Text>
          )}
          {a.contract && (
            <Text size="sm">
              {t('serviceApps.contract', { date: formatCivilDate(a.contract.signedOn, locale), price: formatTiyn(a.contract.priceTiyn, locale) })}
            </Text>
          )}
        </div>
        <Badge variant="light" tt="none" data-testid="desk-status">
          {t(`serviceStatus.${a.status}` as MessageId)}
        </Badge>
      </Group>
      {a.remarks.length > 0 && (
        <List size="sm" mt="xs" data-testid="desk-remarks">
          {a.remarks.map((r, i) => (
            <List.Item key={i}>
              {t(`serviceApply.${r.field}` as MessageId)}: {r.message}
              {r.answeredAt ? ` · ${t('desk.answered')}` : ''}
            </List.Item>
          ))}
        </List>
      )}
      {a.status === 'under-review' && (
        <Stack gap="xs" mt="sm">
          <Group align="end" gap="xs" wrap="wrap">
            <NativeSelect
              label={t('desk.remark.field')}
              value={field}
              onChange={(e) => setField(e.currentTarget.value)}
              data={F48_FIELDS.map((f) => ({ value: f, label: t(`serviceApply.${f}` as MessageId) }))}
              w={260}
              data-testid="remark-field"
            />
            <TextInput
              label={t('desk.remark.message')}
              value={message}
              onChange={(e) => setMessage(e.currentTarget.value)}
              error={Object.entries(errors).find(([k]) => k.startsWith('remarks'))?.[1]}
              w={320}
              data-testid="remark-message"
            />
            <Button
              variant="light"
              loading={remark.isPending}
              onClick={() => void run(() => remark.submit({ remarks: [{ field, message: message.trim() }] }))}
              data-testid="issue-remark"
            >
              {t('desk.remark.issue')}
            </Button>
          </Group>
          <Group align="end" gap="xs" wrap="wrap">
            <Button loading={decide.isPending} onClick={() => void run(() => decide.submit({ outcome: 'conclude-contract' }))} data-testid="conclude">
              {t('desk.conclude')}
            </Button>
            <NativeSelect
              label={t('desk.ground')}
              value={ground}
              onChange={(e) => setGround(e.currentTarget.value as (typeof GROUNDS)[number])}
              data={GROUNDS.map((g) => ({ value: g, label: t(`desk.ground.${g}` as MessageId) }))}
              w={300}
              data-testid="refusal-ground"
            />
            <Textarea
              label={t('desk.reasons')}
              value={reasons}
              onChange={(e) => setReasons(e.currentTarget.value)}
              error={errors.reasons}
              autosize
              w={320}
              data-testid="refusal-reasons"
            />
            <Button
              color="red"
              variant="light"
              loading={decide.isPending}
              onClick={() => void run(() => decide.submit({ outcome: 'refuse', ground, reasons: reasons.trim() }))}
              data-testid="refuse"
            >
              {t('desk.refuse')}
            </Button>
          </Group>
        </Stack>
      )}
      {a.status === 'approved' && (
        <Group mt="sm" align="end" gap="xs" wrap="wrap">
          <TextInput
            label={a.recipientKind === 'legal-entity' ? t('desk.payerName.company') : t('desk.payerName.person')}
            value={payerName}
            onChange={(e) => setPayerName(e.currentTarget.value)}
            error={errors.payerName}
            w={{ base: '100%', sm: 360 }}
            data-testid="payer-name"
          />
          <Button loading={sign.isPending} onClick={() => void run(() => sign.submit({ payerName: payerName.trim() }))} data-testid="sign-contract">
            {t('desk.sign')}
          </Button>
        </Group>
      )}
      <FormAlert text={errors.form} />
    </Card>
  );
}

/** F-49 (as F-10): an English application gets the Fund's Kazakh or Russian translation, recorded once. */
function TranslationTask({ a, onDone }: { a: Application; onDone: () => Promise<void> }) {
  const t = useT();
  const api = useApi();
  const [target, setTarget] = useState<'kk' | 'ru'>('ru');
  const [documentRef, setDocumentRef] = useState('');
  const { errors, run } = useDeskForm();
  const record = useCommand(async (body: { targetLanguage: 'kk' | 'ru'; documentRef: string }, key: string) =>
    ok(await api.POST('/api/services/service-applications/{id}/translation', { params: { path: { id: a.id } }, body, ...idempotent(key) })),
  );
  const send = () => run(() => record.submit({ targetLanguage: target, documentRef: documentRef.trim() }), onDone);
  return (
    <Card withBorder data-testid="translation-task" data-id={a.id}>
      <Text fw={600}>{a.content.project.name}</Text>
      <Group align="end" gap="xs" mt="xs" wrap="wrap">
        <NativeSelect
          label={t('desk.translation.language')}
          value={target}
          onChange={(e) => setTarget(e.currentTarget.value as 'kk' | 'ru')}
          data={(['kk', 'ru'] as const).map((l) => ({ value: l, label: t(`desk.language.${l}` as MessageId) }))}
          w={200}
          data-testid="translation-language"
        />
        <TextInput
          label={t('desk.translation.document')}
          value={documentRef}
          onChange={(e) => setDocumentRef(e.currentTarget.value)}
          error={errors.documentRef}
          w={280}
          data-testid="translation-document"
        />
        <Button onClick={() => void send()} loading={record.isPending} data-testid="record-translation">
          {t('desk.translation.record')}
        </Button>
      </Group>
      <FormAlert text={errors.form} />
    </Card>
  );
}

/** The Fund's service desk (issue #12): review (F-51 … F-55), translations (F-49), cohorts (F-44), third-party purchases (F-56 ¶2). */
function ServiceDeskPage() {
  const t = useT();
  const api = useApi();
  const queryClient = useQueryClient();
  const applications = useQuery({
    queryKey: ['desk', 'applications'],
    refetchOnMount: 'always', // the desk shows what applicants did since (a resubmission), not the cache
    queryFn: async () => ok(await api.GET('/api/services/service-applications', {})) as Application[],
  });
  const translations = useQuery({
    queryKey: ['desk', 'translations'],
    refetchOnMount: 'always',
    queryFn: async () => ok(await api.GET('/api/services/service-applications', { params: { query: { translation: 'open' } } })) as Application[],
  });
  const cohorts = useQuery({ queryKey: ['desk', 'cohorts'], queryFn: async () => ok(await api.GET('/api/services/cohorts', {})) });
  const purchases = useQuery({ queryKey: ['desk', 'purchases'], queryFn: async () => ok(await api.GET('/api/services/purchases', {})) });
  // the opening forms: the catalogue (which services take cohorts, which are bought from third parties) and the calls (F-55)
  const catalogue = useQuery({ queryKey: ['desk', 'services'], queryFn: async () => ok(await api.GET('/api/services/services', {})) as DeskService[] });
  const calls = useQuery({ queryKey: ['desk', 'calls'], queryFn: async () => ok(await api.GET('/api/services/calls', {})) as DeskCall[] });
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty' }).format(new Date());
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: ['desk'] });
  };
  const onDesk = (applications.data ?? []).filter((a) => ['under-review', 'remarks-issued', 'approved'].includes(a.status));
  return (
    <Stack gap="md" maw={1100}>
      <Title order={2}>{t('desk.title')}</Title>
      <Text c="dimmed" size="sm">
        {t('desk.intro')}
      </Text>
      <Title order={3} size="h4">
        {t('desk.review')}
      </Title>
      {applications.isPending ? (
        <Loading />
      ) : applications.isError ? (
        <ErrorState error={applications.error} onRetry={() => void applications.refetch()} />
      ) : onDesk.length === 0 ? (
        <Empty>{t('desk.review.empty')}</Empty>
      ) : (
        <Stack gap="sm">
          {onDesk.map((a) => (
            <ReviewCard key={a.id} a={a} onDone={refresh} />
          ))}
        </Stack>
      )}
      <Title order={3} size="h4">
        {t('desk.translations')}
      </Title>
      {translations.isPending ? (
        <Loading />
      ) : translations.isError ? (
        <ErrorState error={translations.error} onRetry={() => void translations.refetch()} />
      ) : translations.data.length === 0 ? (
        <Empty>{t('desk.translations.empty')}</Empty>
      ) : (
        <Stack gap="sm">
          {translations.data.map((a) => (
            <TranslationTask key={a.id} a={a} onDone={refresh} />
          ))}
        </Stack>
      )}
      <Title order={3} size="h4">
        {t('desk.cohorts')}
      </Title>
      {catalogue.data && calls.data && <OpenCohortForm services={catalogue.data} calls={calls.data} today={today} onDone={refresh} />}
      {cohorts.isPending ? (
        <Loading />
      ) : cohorts.isError ? (
        <ErrorState error={cohorts.error} onRetry={() => void cohorts.refetch()} />
      ) : cohorts.data.length === 0 ? (
        <Empty>{t('desk.cohorts.empty')}</Empty>
      ) : (
        <Stack gap="sm">
          {cohorts.data.map((c) => (
            <CohortCard key={c.id} c={c} contracts={(applications.data ?? []).filter((x) => x.status === 'contracted')} onDone={refresh} />
          ))}
        </Stack>
      )}
      <Title order={3} size="h4">
        {t('desk.purchases')}
      </Title>
      {catalogue.data && <OpenPurchaseForm services={catalogue.data} onDone={refresh} />}
      {purchases.isPending ? (
        <Loading />
      ) : purchases.isError ? (
        <ErrorState error={purchases.error} onRetry={() => void purchases.refetch()} />
      ) : purchases.data.length === 0 ? (
        <Empty>{t('desk.purchases.empty')}</Empty>
      ) : (
        <Stack gap="sm">
          {purchases.data.map((p) => (
            <PurchaseCard key={p.id} p={p} onDone={refresh} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

export const Route = createLazyRoute('/staff/service-desk')({
  component: () => (
    <RequireAccess op="POST /api/services/service-applications/{id}/decision">
      <ServiceDeskPage />
    </RequireAccess>
  ),
});
