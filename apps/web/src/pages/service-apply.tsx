import { Alert, Button, Card, Checkbox, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { createLazyRoute, useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useApi } from '../api/api-context';
import { fieldErrors, idempotent, ok } from '../api/client';
import { problemText } from '../api/problem-text';
import { useCommand } from '../api/command';
import { useSession } from '../auth/auth-context';
import { formatCivilDate } from '../format';
import { useLocale, useT } from '../i18n/i18n';
import { LOCALE_NAMES, LOCALES, type MessageId } from '../i18n/locales';
import { RequireAccess } from '../ui/guard';
import { ErrorState, Loading } from '../ui/states';
import '../ui/lazy-styles';

type Form = Record<string, string>;
const PROJECT = ['name', 'direction', 'summary', 'expectedResults'] as const;
const CONTACTS = ['phone', 'email', 'city', 'country'] as const;
const READINESS = ['stage', 'technologies', 'problem', 'businessModel', 'lifetime'] as const;
const LONG = new Set(['summary', 'expectedResults', 'technologies', 'problem', 'businessModel', 'involvement']);

/**
 * A service application to a published call (F-47 … F-50): the recipient (a company the person
 * represents, or a person by IIN, F-43), the language (F-49), the content of F-48 — the project and
 * contacts always, readiness, team and pitch where the service requires them — and the F-50
 * declaration. The services context validates; its problem+json field errors land on the fields.
 */
function ServiceApplyPage() {
  const t = useT();
  const api = useApi();
  const session = useSession();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const id = useParams({ strict: false }).id ?? '';
  const call = useQuery({
    queryKey: ['service-call', id],
    queryFn: async () => ok(await api.GET('/api/services/calls/{id}', { params: { path: { id } } })),
  });
  const service = useQuery({
    queryKey: ['service', call.data?.serviceId],
    enabled: !!call.data,
    queryFn: async () => ok(await api.GET('/api/services/services/{id}', { params: { path: { id: call.data?.serviceId ?? '' } } })),
  });
  const companies = session?.companies ?? [];
  const [form, setForm] = useState<Form>({ kind: companies.length ? 'legal-entity' : 'individual', bin: companies[0] ?? '', iin: '', language: locale });
  const [declared, setDeclared] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const file = useCommand(async (body: unknown, key: string) =>
    ok(await api.POST('/api/services/service-applications', { body: body as never, ...idempotent(key) })),
  );
  if (call.isPending || (call.isSuccess && service.isPending)) return <Loading />;
  if (call.isError) return <ErrorState error={call.error} onRetry={() => void call.refetch()} />;
  if (service.isError) return <ErrorState error={service.error} onRetry={() => void service.refetch()} />;
  const c = call.data;
  const s = service.data;
  if (!s) return <Loading />;
  const set = (path: string, value: string) => {
    setForm((f) => ({ ...f, [path]: value }));
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => k !== path)));
  };
  const field = (path: string, key: string, label: MessageId) => {
    const Input = LONG.has(key) ? Textarea : TextInput;
    return (
      <Input
        key={path}
        label={t(label)}
        required
        value={form[path] ?? ''}
        onChange={(e) => set(path, e.currentTarget.value)}
        error={errors[path]}
        data-testid={`field-${path}`}
        {...(LONG.has(key) ? { autosize: true, minRows: 2 } : {})}
      />
    );
  };
  const v = (path: string) => (form[path] ?? '').trim();
  const body = () => ({
    callId: c.id,
    recipient: form.kind === 'legal-entity' ? { kind: 'legal-entity', bin: v('bin') } : { kind: 'individual', iin: v('iin') },
    language: form.language,
    declarationAccepted: declared,
    content: {
      project: Object.fromEntries(PROJECT.map((k) => [k, v(`content.project.${k}`)])),
      contacts: Object.fromEntries(CONTACTS.map((k) => [k, v(`content.contacts.${k}`)])),
      readiness: s.requiredSections.readiness ? Object.fromEntries(READINESS.map((k) => [k, v(`content.readiness.${k}`)])) : null,
      team: s.requiredSections.team ? { size: Number(v('content.team.size') || '0'), involvement: v('content.team.involvement') } : null,
      pitchUrl: s.requiredSections.pitch ? v('content.pitchUrl') : null,
    },
  });
  const send = async () => {
    setErrors({});
    try {
      await file.submit(body());
      await navigate({ to: '/my/service-applications' });
    } catch (e) {
      setErrors(fieldErrors(e, (p) => problemText(p, t))); // the context's codes in the reader's language
    }
  };
  const recipientError = errors['recipient.bin'] ?? errors['recipient.iin'] ?? errors.recipient;

  return (
    <Stack gap="md" maw={900}>
      <div>
        <Title order={2}>{t('serviceApply.title', { service: s.title })}</Title>
        <Text c="dimmed" size="sm">
          {c.title} · {t('services.call.window', { from: formatCivilDate(c.intakeOpensOn, locale), to: formatCivilDate(c.intakeClosesOn, locale) })}
        </Text>
      </div>
      <Card withBorder>
        <Title order={3} size="h4" mb="sm">
          {t('serviceApply.recipient')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <NativeSelect
            label={t('serviceApply.recipientKind')}
            value={form.kind}
            onChange={(e) => set('kind', e.currentTarget.value)}
            data={[
              { value: 'legal-entity', label: t('serviceApply.kind.legal-entity') },
              { value: 'individual', label: t('serviceApply.kind.individual') },
            ]}
            data-testid="field-recipient.kind"
          />
          {form.kind === 'legal-entity' ? (
            <NativeSelect
              label={t('form.bin')}
              value={form.bin}
              onChange={(e) => set('bin', e.currentTarget.value)}
              data={companies.length ? companies : [{ value: '', label: t('form.noCompanies'), disabled: true }]}
              error={recipientError}
              data-testid="field-recipient.bin"
            />
          ) : (
            <TextInput
              label={t('serviceApply.iin')}
              value={form.iin}
              onChange={(e) => set('iin', e.currentTarget.value)}
              error={recipientError}
              data-testid="field-recipient.iin"
            />
          )}
          <NativeSelect
            label={t('form.language')}
            value={form.language}
            onChange={(e) => set('language', e.currentTarget.value)}
            data={LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l] }))}
          />
        </SimpleGrid>
      </Card>
      <Card withBorder>
        <Title order={3} size="h4" mb="sm">
          {t('serviceApply.project')}
        </Title>
        <Stack gap="sm">{PROJECT.map((k) => field(`content.project.${k}`, k, `serviceApply.project.${k}` as MessageId))}</Stack>
      </Card>
      <Card withBorder>
        <Title order={3} size="h4" mb="sm">
          {t('serviceApply.contacts')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {CONTACTS.map((k) => field(`content.contacts.${k}`, k, `serviceApply.contacts.${k}` as MessageId))}
        </SimpleGrid>
      </Card>
      {s.requiredSections.readiness && (
        <Card withBorder>
          <Title order={3} size="h4" mb="sm">
            {t('serviceApply.readiness')}
          </Title>
          <Stack gap="sm">{READINESS.map((k) => field(`content.readiness.${k}`, k, `serviceApply.readiness.${k}` as MessageId))}</Stack>
        </Card>
      )}
      {s.requiredSections.team && (
        <Card withBorder>
          <Title order={3} size="h4" mb="sm">
            {t('serviceApply.team')}
          </Title>
          <Stack gap="sm">
            {field('content.team.size', 'size', 'serviceApply.team.size')}
            {field('content.team.involvement', 'involvement', 'serviceApply.team.involvement')}
          </Stack>
        </Card>
      )}
      {s.requiredSections.pitch && (
        <Card withBorder>
          <Title order={3} size="h4" mb="sm">
            {t('serviceApply.pitch')}
          </Title>
          {field('content.pitchUrl', 'pitchUrl', 'serviceApply.pitchUrl')}
        </Card>
      )}
      <Checkbox
        label={t('serviceApply.declaration')}
        checked={declared}
        onChange={(e) => setDeclared(e.currentTarget.checked)}
        error={errors.declarationAccepted}
        data-testid="field-declarationAccepted"
      />
      {Object.keys(errors).length > 0 && (
        <Alert color="red" variant="light" title={t('form.errors', { count: Object.keys(errors).length })} role="alert" data-testid="form-errors">
          {t('form.errors.fix')}
        </Alert>
      )}
      {file.isError && Object.keys(errors).length === 0 && <ErrorState error={file.error} action />}
      <Group>
        <Button onClick={() => void send()} loading={file.isPending} data-testid="file-service-application">
          {t('serviceApply.submit')}
        </Button>
      </Group>
    </Stack>
  );
}

export const Route = createLazyRoute('/services/calls/$id/apply')({
  component: () => (
    <RequireAccess op="POST /api/services/service-applications">
      <ServiceApplyPage />
    </RequireAccess>
  ),
});
