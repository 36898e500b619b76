import { almatyToday, verdictOf } from './verify-verdict';
import { Alert, Button, Card, Group, List, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { ApiError, ok } from '../api/client';
import { useApi } from '../api/api-context';
import { formatCivilDate } from '../format';
import { useLocale, useT } from '../i18n/i18n';
import { ErrorState, Loading } from '../ui/states';
import { StatusBadge, useGroundLabel } from './registry';

function VerifyForm({ initial }: { initial?: string }) {
  const t = useT();
  const navigate = useNavigate();
  const [number, setNumber] = useState(initial ?? '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (number.trim()) void navigate({ to: '/verify/$number', params: { number: number.trim() } });
  };
  return (
    <form onSubmit={submit}>
      <Group align="end" gap="sm">
        <TextInput
          label={t('verify.number')}
          value={number}
          onChange={(e) => setNumber(e.currentTarget.value)}
          required
          style={{ flex: '1 1 14rem' }}
          data-testid="verify-number"
        />
        <Button type="submit" data-testid="verify-submit">
          {t('verify.submit')}
        </Button>
      </Group>
    </form>
  );
}

/** Certificate verification without a number: the form. */
export function VerifyPage() {
  const t = useT();
  return (
    <Stack gap="md" maw={720}>
      <Title order={2}>{t('verify.title')}</Title>
      <Text c="dimmed">{t('verify.intro')}</Text>
      <VerifyForm />
    </Stack>
  );
}

/** The QR code's target (F-18, Annex 2/3): /verify/<number> shows whether the certificate is valid. */
export function VerifyResultPage() {
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  const { number } = useParams({ from: '/verify/$number' });
  const result = useQuery({
    queryKey: ['certificate', number],
    queryFn: async () => {
      const res = await api.GET('/api/registration/registry/certificates/{number}', { params: { path: { number } } });
      // 404: no such certificate; 400: not even a certificate number — both mean "not valid" to the visitor
      if (res.response.status === 404 || res.response.status === 400) return null;
      return ok(res);
    },
    retry: (n, e) => !(e instanceof ApiError && e.status < 500) && n < 2,
  });
  const c = result.data;
  const groundLabel = useGroundLabel();
  const period = (from: string, to: string) => t('registry.validity', { from: formatCivilDate(from, locale), to: formatCivilDate(to, locale) });
  // F-18/F-19, F-25, F-27, F-28: what the visitor is told first about the number they hold
  const verdict = (v: NonNullable<typeof c>) => {
    const d = verdictOf(v, almatyToday());
    return { text: t(d.id, d.date ? { to: formatCivilDate(d.date, locale), from: formatCivilDate(d.date, locale) } : {}), tone: d.tone };
  };
  const shown = c ? verdict(c) : undefined;
  return (
    <Stack gap="md" maw={720}>
      <Title order={2}>{t('verify.title')}</Title>
      <VerifyForm initial={number} />
      {result.isPending ? (
        <Loading />
      ) : result.isError ? (
        <ErrorState error={result.error} onRetry={() => void result.refetch()} />
      ) : c === null || c === undefined ? (
        <Alert color="red" variant="light" title={t('verify.notValid')} data-testid="verify-result" data-valid="false">
          {t('verify.notFound', { number })}
        </Alert>
      ) : (
        <Card withBorder padding="md" data-testid="verify-result" data-valid={String(c.valid)} data-status={c.status} data-kind={c.certificate.kind}>
          <Alert
            color={shown?.tone === 'valid' ? 'green' : shown?.tone === 'pending' ? 'blue' : 'red'}
            variant="light"
            title={shown?.text}
            mb="md"
            data-testid="verify-verdict"
          >
            <Group gap="xs">
              <Text fw={600}>{c.certificate.number}</Text>
              <StatusBadge status={c.status} />
            </Group>
          </Alert>
          <Table variant="vertical" layout="fixed" withTableBorder={false}>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th w="35%">{t('verify.company')}</Table.Th>
                <Table.Td data-testid="verify-company">{c.companyName}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('verify.bin')}</Table.Th>
                <Table.Td>{c.bin}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('verify.document')}</Table.Th>
                <Table.Td data-testid="verify-document">
                  {t(c.certificate.kind === 'extension' ? 'verify.document.extension' : 'verify.document.registration', { number: c.certificate.number })}
                </Table.Td>
              </Table.Tr>
              {c.certificate.kind === 'extension' && (
                <>
                  <Table.Tr>
                    <Table.Th>{t('verify.documentPeriod')}</Table.Th>
                    <Table.Td>{period(c.certificate.validFrom, c.certificate.validTo)}</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th>{t('verify.mainCertificate')}</Table.Th>
                    <Table.Td>{c.certificateNumber}</Table.Td>
                  </Table.Tr>
                </>
              )}
              <Table.Tr>
                <Table.Th>{t(c.extensions.length > 0 ? 'verify.currentValidity' : 'verify.validity')}</Table.Th>
                <Table.Td data-testid="verify-validity">{period(c.validFrom, c.validTo)}</Table.Td>
              </Table.Tr>
              {c.extensions.length > 0 && (
                <Table.Tr>
                  <Table.Th>{t('verify.extensions')}</Table.Th>
                  <Table.Td data-testid="verify-extensions">
                    <List size="sm">
                      {c.extensions.map((x) => (
                        <List.Item key={x.certificateNumber}>
                          {t('verify.extensionItem', {
                            number: x.certificateNumber,
                            issuedOn: formatCivilDate(x.issuedOn, locale),
                            from: formatCivilDate(x.validFrom, locale),
                            to: formatCivilDate(x.validTo, locale),
                          })}
                        </List.Item>
                      ))}
                    </List>
                  </Table.Td>
                </Table.Tr>
              )}
              {c.termination && (
                <>
                  <Table.Tr>
                    <Table.Th>{t('verify.terminatedOn')}</Table.Th>
                    <Table.Td data-testid="verify-terminated-on">{formatCivilDate(c.termination.terminatedOn, locale)}</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th>{t('verify.ground')}</Table.Th>
                    <Table.Td data-testid="verify-ground">{groundLabel(c.termination)}</Table.Td>
                  </Table.Tr>
                </>
              )}
              <Table.Tr>
                <Table.Th>{t('verify.issuedOn')}</Table.Th>
                <Table.Td>{formatCivilDate(c.issuedOn, locale)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('verify.listedOn')}</Table.Th>
                <Table.Td>{formatCivilDate(c.listedOn, locale)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('verify.activity')}</Table.Th>
                <Table.Td>
                  <List size="sm">
                    {c.activityTypes.map((a) => (
                      <List.Item key={a.code}>
                        {a.code} {a.name}
                      </List.Item>
                    ))}
                  </List>
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('verify.signature')}</Table.Th>
                <Table.Td>
                  {t('verify.signatureState', { verified: String(c.signature.verified), algorithm: c.signature.algorithm, keyId: c.signature.keyId })}
                </Table.Td>
              </Table.Tr>
              {c.sha256 && (
                <Table.Tr>
                  <Table.Th>{t('verify.sha256')}</Table.Th>
                  <Table.Td>
                    <Text size="xs" ff="monospace" style={{ wordBreak: 'break-all' }} data-testid="verify-sha256">
                      {c.sha256}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t('verify.sha256Hint')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        </Card>
      )}
    </Stack>
  );
}
