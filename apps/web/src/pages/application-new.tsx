import { Button, NativeSelect, Paper, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { createLazyRoute, useNavigate } from '@tanstack/react-router';
import { CreateApplicationBody } from '@hub/contracts';
import { useState } from 'react';
import { useApi } from '../api/api-context';
import { fieldErrors, idempotent, ok } from '../api/client';
import { useCommand } from '../api/command';
import { zodFieldErrors } from '../forms/zod-messages';
import { useSession } from '../auth/auth-context';
import { useLocale, useT } from '../i18n/i18n';
import { RequireAccess } from '../ui/guard';
import { ErrorState } from '../ui/states';
import '../ui/lazy-styles';

/** Starts a registration application (F-8) for one of the companies the person represents (F-35): the draft is then filled step by step. */
function NewApplication() {
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  const session = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const companies = session?.companies ?? [];
  const [bin, setBin] = useState(companies[0] ?? '');
  const [companyName, setCompanyName] = useState('');
  const [address, setAddress] = useState('');
  const [language, setLanguage] = useState<string>(locale);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useCommand(async (body: unknown, key: string) =>
    ok(await api.POST('/api/registration/applications', { body: body as never, ...idempotent(key) })),
  );

  const start = async () => {
    const parsed = CreateApplicationBody.safeParse({ kind: 'registration', bin, companyName, address, language });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error.issues, t));
      return;
    }
    setErrors({});
    try {
      const created = await create.submit(parsed.data);
      await queryClient.invalidateQueries({ queryKey: ['my-applications'] });
      void navigate({ to: '/my/applications/$id/edit', params: { id: (created as { id: string }).id } });
    } catch (e) {
      setErrors(fieldErrors(e));
    }
  };
  return (
    <Stack maw={640}>
      <Title order={2}>{t('form.new.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('form.new.intro')}
      </Text>
      {create.isError && Object.keys(errors).length === 0 && <ErrorState error={create.error} />}
      <Paper withBorder p="md">
        <Stack>
          <NativeSelect
            label={t('form.bin')}
            value={bin}
            onChange={(e) => setBin(e.currentTarget.value)}
            data={companies.length ? companies : [{ value: '', label: t('form.noCompanies'), disabled: true }]}
            error={errors.bin}
            data-testid="field-bin"
          />
          <TextInput
            label={t('form.companyName')}
            value={companyName}
            onChange={(e) => setCompanyName(e.currentTarget.value)}
            error={errors.companyName}
            withAsterisk
            data-testid="field-companyName"
          />
          <Textarea
            label={t('form.address')}
            value={address}
            onChange={(e) => setAddress(e.currentTarget.value)}
            error={errors.address}
            withAsterisk
            data-testid="field-address"
          />
          <NativeSelect
            label={t('form.language')}
            description={t('form.language.hint')}
            value={language}
            onChange={(e) => setLanguage(e.currentTarget.value)}
            data={[
              { value: 'kk', label: 'Қазақша' },
              { value: 'ru', label: 'Русский' },
              { value: 'en', label: 'English' },
            ]}
            data-testid="field-language"
          />
          <Button onClick={() => void start()} loading={create.isPending} w="fit-content" data-testid="form-create">
            {t('form.new.start')}
          </Button>
        </Stack>
      </Paper>
    </Stack>
  );
}

export const Route = createLazyRoute('/my/applications/new')({
  component: () => (
    <RequireAccess op="POST /api/registration/applications">
      <NewApplication />
    </RequireAccess>
  ),
});
