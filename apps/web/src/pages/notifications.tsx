import { Badge, Button, Card, Group, Select, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { createLazyRoute } from '@tanstack/react-router';
import { useApi } from '../api/api-context';
import { fieldErrors, idempotent, mayCall, ok } from '../api/client';
import { problemText } from '../api/problem-text';
import { useSession } from '../auth/auth-context';
import { useCommand } from '../api/command';
import { formatCivilDate, formatInstantDate } from '../format';
import { useLocale, useT } from '../i18n/i18n';
import { useInbox } from '../ui/bell';
import { RequireAccess } from '../ui/guard';
import { Empty, ErrorState, Loading } from '../ui/states';
import '../ui/lazy-styles';

type Language = 'kk' | 'ru' | 'en';
interface Preferences {
  readonly language: Language | null;
  readonly email: string | null;
  readonly emailReminders: boolean;
}

/**
 * One company's notice preferences (notifications' `GET/PUT /recipients/:bin/preferences`, ADR 0090,
 * 0093): the language of its notices, the e-mail address, and whether reminders (fees, reports,
 * requests — F-21, F-37, F-32/F-38, F-33, F-25) also come by e-mail. Statutory notices (F-14, F-17,
 * F-40, F-52 …) cannot be switched off: they always come by e-mail when there is an address, and
 * always in the portal. The address is the company's own (F-42: it never leaves notifications).
 */
function PreferencesForm({ bin, initial }: { bin: string; initial: Preferences }) {
  const t = useT();
  const api = useApi();
  const queryClient = useQueryClient();
  const [language, setLanguage] = useState<Language | null>(initial.language);
  const [email, setEmail] = useState(initial.email ?? '');
  const [emailReminders, setEmailReminders] = useState(initial.emailReminders);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const save = useCommand(async (body: Preferences, key: string) =>
    ok(await api.PUT('/api/notifications/recipients/{bin}/preferences', { params: { path: { bin } }, body, ...idempotent(key) })),
  );
  const submit = async () => {
    setErrors({});
    setSaved(false);
    try {
      await save.submit({ language, email: email.trim() === '' ? null : email.trim(), emailReminders });
      setSaved(true);
      await queryClient.invalidateQueries({ queryKey: ['notice-preferences', bin] });
    } catch (e) {
      setErrors(fieldErrors(e, (p) => problemText(p, t)));
    }
  };
  return (
    <Card withBorder data-testid="notice-preferences" data-bin={bin}>
      <Stack gap="sm">
        <Title order={4}>{t('notifications.preferences.company', { bin })}</Title>
        <Select
          label={t('notifications.preferences.language')}
          placeholder={t('notifications.preferences.languageDefault')}
          data={[
            { value: 'kk', label: 'Қазақша' },
            { value: 'ru', label: 'Русский' },
            { value: 'en', label: 'English' },
          ]}
          value={language}
          onChange={(v) => setLanguage(v ?? null)}
          clearable
          error={errors.language}
          data-testid="preferences-language"
        />
        <TextInput
          type="email"
          label={t('notifications.preferences.email')}
          description={t('notifications.preferences.emailHint')}
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={errors.email}
          data-testid="preferences-email"
        />
        <Switch
          label={t('notifications.preferences.emailReminders')}
          description={t('notifications.preferences.statutory')}
          checked={emailReminders}
          onChange={(e) => setEmailReminders(e.currentTarget.checked)}
          data-testid="preferences-email-reminders"
        />
        {save.isError && Object.keys(errors).length === 0 && <ErrorState error={save.error} />}
        <Group gap="sm">
          <Button w="fit-content" onClick={() => void submit()} loading={save.isPending} data-testid="preferences-save">
            {t('notifications.preferences.save')}
          </Button>
          {saved && (
            <Text size="sm" fw={500} role="status" data-testid="preferences-saved">
              {t('notifications.preferences.saved')}
            </Text>
          )}
        </Group>
      </Stack>
    </Card>
  );
}

function CompanyPreferences({ bin }: { bin: string }) {
  const api = useApi();
  const prefs = useQuery({
    queryKey: ['notice-preferences', bin],
    queryFn: async () => ok(await api.GET('/api/notifications/recipients/{bin}/preferences', { params: { path: { bin } } })),
  });
  if (prefs.isPending) return <Loading />;
  if (prefs.isError) return <ErrorState error={prefs.error} onRetry={() => void prefs.refetch()} />;
  return <PreferencesForm bin={bin} initial={prefs.data} />;
}

interface PersonSettings {
  readonly language: Language | null;
  readonly emailKnown: boolean;
  readonly kinds: { readonly reminders: { readonly email: boolean } };
  /** ADR 0138 §3: a Commission member's "awaiting your vote" digest by e-mail; null for a person on no Commission (no switch). */
  readonly commissionDigest: boolean | null;
}

/**
 * ADR 0114 §3: the signed-in person's own notice settings (notifications' `GET/PUT
 * /me/notification-settings`) — the language of the notices addressed to them, and reminders by e-mail
 * on/off. The address is the one their sign-in gives (the IdP's `email` claim), never typed here (F-42);
 * statutory notices by e-mail are shown on and cannot be switched off (the server refuses it, 422).
 */
function PersonSettingsForm({ initial }: { initial: PersonSettings }) {
  const t = useT();
  const api = useApi();
  const queryClient = useQueryClient();
  const [language, setLanguage] = useState<Language | null>(initial.language);
  const [reminders, setReminders] = useState(initial.kinds.reminders.email);
  const [commissionDigest, setCommissionDigest] = useState(initial.commissionDigest);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const save = useCommand(async (body: { language: Language | null; reminders: boolean; commissionDigest: boolean | null }, key: string) =>
    ok(
      await api.PUT('/api/notifications/me/notification-settings', {
        body: {
          language: body.language,
          kinds: { statutory: { email: true }, reminders: { email: body.reminders } },
          // only a Commission member sends it (ADR 0138 §3; anybody else: 422 naming the field)
          ...(body.commissionDigest === null ? {} : { commissionDigest: body.commissionDigest }),
        },
        ...idempotent(key),
      }),
    ),
  );
  const submit = async () => {
    setErrors({});
    setSaved(false);
    try {
      await save.submit({ language, reminders, commissionDigest });
      setSaved(true);
      await queryClient.invalidateQueries({ queryKey: ['person-notice-settings'] });
    } catch (e) {
      setErrors(fieldErrors(e, (p) => problemText(p, t)));
    }
  };
  return (
    <Card withBorder data-testid="person-settings">
      <Stack gap="sm">
        <Title order={4}>{t('notifications.person.title')}</Title>
        <Text size="sm">{t('notifications.person.intro')}</Text>
        <Text size="sm" c="dimmed" data-testid="person-email-known" data-known={String(initial.emailKnown)}>
          {t(initial.emailKnown ? 'notifications.person.emailKnown' : 'notifications.person.emailUnknown')}
        </Text>
        <Select
          label={t('notifications.preferences.language')}
          placeholder={t('notifications.preferences.languageDefault')}
          data={[
            { value: 'kk', label: 'Қазақша' },
            { value: 'ru', label: 'Русский' },
            { value: 'en', label: 'English' },
          ]}
          value={language}
          onChange={(v) => setLanguage(v ?? null)}
          clearable
          error={errors.language}
          data-testid="person-language"
        />
        <Switch label={t('notifications.person.statutory')} checked disabled readOnly data-testid="person-statutory-email" />
        <Switch
          label={t('notifications.preferences.emailReminders')}
          checked={reminders}
          onChange={(e) => setReminders(e.currentTarget.checked)}
          error={errors['kinds.reminders.email']}
          data-testid="person-email-reminders"
        />
        {commissionDigest !== null && (
          <Switch
            label={t('notifications.person.commissionDigest')}
            description={t('notifications.person.commissionDigestHint')}
            checked={commissionDigest}
            onChange={(e) => setCommissionDigest(e.currentTarget.checked)}
            error={errors.commissionDigest}
            data-testid="person-commission-digest"
          />
        )}
        {save.isError && Object.keys(errors).length === 0 && <ErrorState error={save.error} />}
        <Group gap="sm">
          <Button w="fit-content" onClick={() => void submit()} loading={save.isPending} data-testid="person-save">
            {t('notifications.preferences.save')}
          </Button>
          {saved && (
            <Text size="sm" fw={500} role="status" data-testid="person-saved">
              {t('notifications.preferences.saved')}
            </Text>
          )}
        </Group>
      </Stack>
    </Card>
  );
}

function PersonNoticeSettings() {
  const api = useApi();
  const session = useSession();
  const settings = useQuery({
    queryKey: ['person-notice-settings'],
    queryFn: async () => ok(await api.GET('/api/notifications/me/notification-settings')),
    enabled: mayCall(session, 'GET /api/notifications/me/notification-settings'),
  });
  if (!mayCall(session, 'GET /api/notifications/me/notification-settings')) return null;
  if (settings.isPending) return <Loading />;
  if (settings.isError) return <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />;
  return <PersonSettingsForm initial={settings.data} />;
}

/** The preferences of each company the signed-in representative acts for (F-35: only those). */
function NoticePreferences() {
  const t = useT();
  const session = useSession();
  const companies = session?.companies ?? [];
  if (companies.length === 0 || !mayCall(session, 'GET /api/notifications/recipients/{bin}/preferences')) return null;
  return (
    <Stack gap="sm" data-testid="notice-preferences-section">
      <Title order={3}>{t('notifications.preferences.title')}</Title>
      {companies.map((bin) => (
        <CompanyPreferences key={bin} bin={bin} />
      ))}
    </Stack>
  );
}

/**
 * The in-portal inbox (notifications, issue #16): the notices to the caller's companies, newest
 * first; reading one marks it read — for a statutory notice that is its delivery (ADR 0092).
 */
function NotificationsPage() {
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  const inbox = useInbox();
  const markRead = useCommand(async (id: string, key: string) =>
    ok(await api.POST('/api/notifications/inbox/{id}/read', { params: { path: { id } }, ...idempotent(key) })),
  );
  const read = async (id: string) => {
    await markRead.submit(id).catch(() => undefined);
    await queryClient.invalidateQueries({ queryKey: ['inbox'] });
  };
  const session = useSession();
  return (
    <Stack gap="md" maw={900}>
      <Title order={2}>{t('notifications.title')}</Title>
      {/* ADR 0138: a Commission member who is not an applicant has no inbox here — only their settings. */}
      {!mayCall(session, 'GET /api/notifications/inbox') ? null : inbox.isPending ? (
        <Loading />
      ) : inbox.isError ? (
        <ErrorState error={inbox.error} onRetry={() => void inbox.refetch()} />
      ) : inbox.data.messages.length === 0 ? (
        <Empty>{t('notifications.empty')}</Empty>
      ) : (
        <>
          <Text fw={500} data-testid="notifications-unread">
            {t('notifications.unread', { count: inbox.data.unread })}
          </Text>
          {markRead.isError && <ErrorState error={markRead.error} />}
          <Stack gap="sm" data-testid="notifications-list">
            {inbox.data.messages.map((m) => (
              <Card key={m.id} withBorder data-status={m.status} data-testid="notification">
                <Group justify="space-between" align="start" gap="xs">
                  <div>
                    <Text fw={m.status === 'unread' ? 700 : 500}>{m.subject}</Text>
                    <Text size="xs" c="dimmed">
                      {m.bin ? `${m.bin} · ` : ''}
                      {formatInstantDate(m.createdAt, locale)}
                      {m.ruleId ? ` · ${m.ruleId}` : ''}
                      {m.dueOn ? ` · ${t('notifications.dueOn', { date: formatCivilDate(m.dueOn, locale) })}` : ''}
                    </Text>
                  </div>
                  <Badge variant={m.status === 'unread' ? 'filled' : 'light'} color={m.status === 'unread' ? 'blue' : 'gray'} tt="none">
                    {t(m.status === 'unread' ? 'notifications.status.unread' : 'notifications.status.read')}
                  </Badge>
                </Group>
                <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
                  {m.body}
                </Text>
                {m.status === 'unread' && (
                  <Button
                    mt="xs"
                    size="xs"
                    variant="light"
                    w="fit-content"
                    onClick={() => void read(m.id)}
                    loading={markRead.isPending}
                    data-testid="mark-read"
                  >
                    {t('notifications.markRead')}
                  </Button>
                )}
              </Card>
            ))}
          </Stack>
        </>
      )}
      <PersonNoticeSettings />
      <NoticePreferences />
    </Stack>
  );
}

export const Route = createLazyRoute('/my/notifications')({
  component: () => (
    <RequireAccess op="GET /api/notifications/me/notification-settings">
      <NotificationsPage />
    </RequireAccess>
  ),
});
