import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  NativeSelect,
  Radio,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, createLazyRoute, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useApi } from '../api/api-context';
import { fieldErrors, idempotent, mayCall, ok } from '../api/client';
import { useCommand } from '../api/command';
import { useSession } from '../auth/auth-context';
import { DocumentLink } from '../forms/document-field';
import { REMARKABLE_FIELDS, fieldLabel } from '../forms/field-labels';
import { formatCivilDate, formatInstantDate, formatTiyn } from '../format';
import { useLocale, useT } from '../i18n/i18n';
import type { MessageId } from '../i18n/locales';
import { DeadlinesCard } from '../ui/application-deadlines';
import { type CommissionDecision, DecisionAlert } from '../ui/decision-alert';
import { RequireAccess } from '../ui/guard';
import { Empty, ErrorState, Loading } from '../ui/states';
import '../ui/lazy-styles';

type Remark = { id: string; round: number; field: string; message: string; issuedAt: string; answer?: string; answeredAt?: string };
type Ground = 'business-plan-not-per-annex-1' | 'activity-not-in-priority-list';
const GROUNDS: readonly Ground[] = ['business-plan-not-per-annex-1', 'activity-not-in-priority-list'];
type Plan = {
  projects?: { name?: string; activityTypeCode?: string }[];
  placeOfImplementation?: string;
  clients?: string;
  team?: { headcount?: number };
  costEstimate?: { totalTiyn?: number };
  actionPlan?: unknown[];
};
type DraftRemark = { key: string; field: string; message: string };

/**
 * The Fund's review of one application (issue #11 staff console): what was filed, the automatic
 * checks (F-7 eligibility, Annex 1 completeness) as proposed remarks, remarks tied to fields (F-14),
 * sending to the Commission (F-13, F-15), each member's vote, the secretary's decision with the
 * F-16 grounds and reasons, and the record of the applicant's notice (F-17). Each action shows only
 * when the application's state allows it (`allowedActions`) AND the gateway lets the role call it;
 * registration decides and answers 409/422 otherwise.
 */
function StaffApplicationPage() {
  const t = useT();
  const api = useApi();
  const session = useSession();
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  const id = useParams({ strict: false }).id ?? '';
  const app = useQuery({
    queryKey: ['application', id],
    queryFn: async () => ok(await api.GET('/api/registration/applications/{id}', { params: { path: { id } } })),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['application', id] });
  const path = { params: { path: { id } } };
  const [drafts, setDrafts] = useState<DraftRemark[]>([]);
  const [remarkErrors, setRemarkErrors] = useState<Record<string, string>>({});
  const [vote, setVote] = useState<{ vote: 'register' | 'refuse' | ''; grounds: Ground[]; comment: string }>({ vote: '', grounds: [], comment: '' });
  const [decision, setDecision] = useState<{ decision: 'register' | 'refuse' | ''; reasons: Partial<Record<Ground, string>>; decidedOn: string }>({
    decision: '',
    reasons: {},
    decidedOn: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});

  const remarks = useCommand(async (body: { remarks: { field: string; message: string }[] }, key: string) =>
    ok(await api.POST('/api/registration/applications/{id}/remarks', { ...path, body, ...idempotent(key) })),
  );
  const toCommission = useCommand(async (_: null, key: string) =>
    ok(await api.POST('/api/registration/applications/{id}/send-to-commission', { ...path, ...idempotent(key) })),
  );
  const castVote = useCommand(async (body: { vote: 'register' | 'refuse'; grounds: Ground[]; comment?: string }, key: string) =>
    ok(await api.POST('/api/registration/applications/{id}/votes', { ...path, body, ...idempotent(key) })),
  );
  const decide = useCommand(async (body: { decision: 'register' | 'refuse'; grounds: { ground: Ground; reason: string }[]; decidedOn?: string }, key: string) =>
    ok(await api.POST('/api/registration/applications/{id}/decision', { ...path, body, ...idempotent(key) })),
  );
  const notify = useCommand(async (_: null, key: string) =>
    ok(await api.POST('/api/registration/applications/{id}/notification', { ...path, ...idempotent(key) })),
  );

  if (app.isPending) return <Loading />;
  if (app.isError) return <ErrorState error={app.error} onRetry={() => void app.refetch()} />;
  const a = app.data;
  const allowed = (action: string) => a.allowedActions.includes(action);
  const label = (field: string) => {
    const m = fieldLabel(field);
    return m ? t(m) : field;
  };
  const plan = (a.businessPlan as Plan | undefined) ?? null;
  const filedRemarks = a.remarks as Remark[];
  const decided = (a.decision ?? null) as CommissionDecision | null;
  const officerChecks = a.proposedRemarks.filter((p) => p.for === 'officer');
  const commissionChecks = a.proposedRemarks.filter((p) => p.for === 'commission');
  const mayRemark = allowed('issue-remarks') && mayCall(session, 'POST /api/registration/applications/{id}/remarks');
  const maySend = allowed('send-to-commission') && mayCall(session, 'POST /api/registration/applications/{id}/send-to-commission');
  const mayVote = allowed('cast-vote') && mayCall(session, 'POST /api/registration/applications/{id}/votes');
  const mayDecide = (allowed('register') || allowed('refuse')) && mayCall(session, 'POST /api/registration/applications/{id}/decision');
  const mayNotify = allowed('record-notification') && !a.notifiedAt && mayCall(session, 'POST /api/registration/applications/{id}/notification');
  const addDraft = (field: string, message = '') => setDrafts((d) => [...d, { key: crypto.randomUUID(), field, message }]);
  const run = async (what: () => Promise<unknown>) => {
    setErrors({});
    try {
      await what();
      await refresh();
      return true;
    } catch (e) {
      setErrors(fieldErrors(e));
      return false;
    }
  };
  const sendRemarks = async () => {
    setRemarkErrors({});
    const body = { remarks: drafts.map((d) => ({ field: d.field, message: d.message.trim() })) };
    const missing = Object.fromEntries(body.remarks.flatMap((r, i) => (r.message ? [] : [[`remarks.${i}.message`, t('review.remark.messageRequired')]])));
    if (Object.keys(missing).length) return setRemarkErrors(missing);
    try {
      await remarks.submit(body);
      setDrafts([]);
      await refresh();
    } catch (e) {
      setRemarkErrors(fieldErrors(e));
    }
  };

  // What was filed, each line with its field path so that a remark can be tied to it (F-14).
  const rows: { field: string; value: string; documentId?: string | undefined }[] = [
    { field: 'companyName', value: a.companyName },
    { field: 'address', value: a.address },
    { field: 'language', value: a.language.toUpperCase() },
    { field: 'activityTypes', value: a.activityTypes.map((x) => x.code).join(', ') || '—' },
    {
      field: 'taxCertificate',
      value: a.taxCertificate
        ? [
            a.taxCertificate.number,
            formatCivilDate(a.taxCertificate.issuedOn, locale),
            `${t('form.tax.debt')}: ${formatTiyn(a.taxCertificate.debtTiyn, locale)}`,
            a.taxCertificate.documentId ? t('review.document') : null,
          ]
            .filter(Boolean)
            .join(' · ')
        : '—',
      documentId: a.taxCertificate?.documentId,
    },
    {
      field: 'placeOfBusiness',
      value: a.placeOfBusiness
        ? [a.placeOfBusiness.address, a.placeOfBusiness.proofKind, a.placeOfBusiness.documentRef, a.placeOfBusiness.documentId ? t('review.document') : null]
            .filter(Boolean)
            .join(' · ')
        : '—',
      documentId: a.placeOfBusiness?.documentId,
    },
    { field: 'businessPlan.projects', value: plan?.projects?.map((p) => `${p.name ?? '—'} (${p.activityTypeCode ?? '—'})`).join('; ') || '—' },
    { field: 'businessPlan.placeOfImplementation', value: plan?.placeOfImplementation ?? '—' },
    { field: 'businessPlan.team.headcount', value: plan?.team?.headcount === undefined ? '—' : String(plan.team.headcount) },
    {
      field: 'businessPlan.costEstimate.totalTiyn',
      value: plan?.costEstimate?.totalTiyn === undefined ? '—' : formatTiyn(plan.costEstimate.totalTiyn, locale),
    },
    { field: 'businessPlan.clients', value: plan?.clients ?? '—' },
  ];

  return (
    <Stack gap="md" maw={1100}>
      <Anchor component={Link} to={session?.roles.includes('fund-officer') ? '/staff/review-queue' : '/staff/commission'} size="sm">
        {session?.roles.includes('fund-officer') ? t('review.back') : t('review.backAgenda')}
      </Anchor>
      <Group justify="space-between" align="start">
        <div>
          <Title order={2}>{a.companyName}</Title>
          <Text c="dimmed" size="sm">
            {t('form.bin')}: {a.bin} · {t(`applicationKind.${a.kind}` as MessageId)}
            {a.filedAt ? ` · ${t('review.filed', { date: formatInstantDate(a.filedAt, locale) })}` : ''}
          </Text>
        </div>
        <Badge size="lg" variant="light" tt="none" data-testid="application-status" data-status={a.status}>
          {t(`applicationStatus.${a.status}` as MessageId)}
        </Badge>
      </Group>

      {(maySend || mayNotify) && (
        <Card withBorder data-testid="next-step">
          <Group justify="space-between" wrap="wrap" gap="sm">
            <Text size="sm" maw={640}>
              {maySend ? t('review.send.hint') : t('review.notify.hint')}
            </Text>
            {maySend ? (
              <Button onClick={() => void run(() => toCommission.submit(null))} loading={toCommission.isPending} data-testid="send-to-commission">
                {t('review.send')}
              </Button>
            ) : (
              <Button onClick={() => void run(() => notify.submit(null))} loading={notify.isPending} data-testid="record-notification">
                {t('review.notify')}
              </Button>
            )}
          </Group>
          {(toCommission.isError || notify.isError) && <ErrorState error={toCommission.error ?? notify.error} action />}
        </Card>
      )}

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Card withBorder>
          <Title order={3} size="h4" mb="sm">
            {t('review.contents')}
          </Title>
          <Table data-testid="contents" layout="fixed">
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.field} data-field={r.field}>
                  <Table.Th w="38%" fw={500}>
                    <Text size="sm">{label(r.field)}</Text>
                  </Table.Th>
                  <Table.Td>
                    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                      {r.value}
                    </Text>
                    {r.documentId && <DocumentLink id={r.documentId} />}
                    {mayRemark && (
                      <Anchor
                        component="button"
                        type="button"
                        size="xs"
                        onClick={() => addDraft(r.field)}
                        aria-label={t('review.remarkOn', { field: label(r.field) })}
                      >
                        {t('review.remark')}
                      </Anchor>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
        <Stack gap="lg">
          <DeadlinesCard deadlines={a.deadlines} />
          <Card withBorder>
            <Title order={3} size="h4" mb="sm">
              {t('review.checks')}
            </Title>
            {a.eligibilityEvaluation && (
              <Text size="sm" mb="xs" data-testid="eligibility">
                {a.eligibilityEvaluation.eligible ? t('review.eligible') : t('review.notEligible')}{' '}
                <Text span size="xs" c="dimmed">
                  ({t('review.ruleSet', { version: a.eligibilityEvaluation.ruleSetVersion })})
                </Text>
              </Text>
            )}
            {a.eligibilityEvaluation?.outcomes
              .filter((o) => o.outcome === 'failed')
              .map((o) => (
                <Text key={o.ruleId} size="sm" c="#a51d1d" data-testid="failed-rule">
                  {o.ruleId}: {o.name}
                </Text>
              ))}
            {officerChecks.length === 0 ? (
              <Text size="sm" c="dimmed" data-testid="no-proposed">
                {t('review.checks.none')}
              </Text>
            ) : (
              <Stack gap={6} data-testid="proposed-remarks">
                {officerChecks.map((p, i) => (
                  <Group key={i} justify="space-between" wrap="nowrap" align="start" gap="xs">
                    <Text size="sm">
                      <b>{label(p.field)}</b> ({p.ruleId}): {p.message}
                    </Text>
                    {mayRemark && (
                      <Button size="compact-xs" variant="light" onClick={() => addDraft(p.field, p.message)}>
                        {t('review.useProposed')}
                      </Button>
                    )}
                  </Group>
                ))}
              </Stack>
            )}
          </Card>
        </Stack>
      </SimpleGrid>

      <Card withBorder>
        <Title order={3} size="h4" mb="sm">
          {t('application.remarks')}
        </Title>
        {filedRemarks.length === 0 ? (
          <Empty>{t('application.remarks.none')}</Empty>
        ) : (
          <Stack gap="sm" data-testid="remarks">
            {filedRemarks.map((r) => (
              <Card key={r.id} withBorder padding="sm" data-field={r.field}>
                <Group justify="space-between" gap="xs">
                  <Text fw={600} size="sm">
                    {label(r.field)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('application.remark.round', { round: r.round, date: formatInstantDate(r.issuedAt, locale) })}
                  </Text>
                </Group>
                <Text size="sm">{r.message}</Text>
                <Text size="sm" mt={4} c={r.answer ? 'teal.9' : 'dimmed'}>
                  {r.answer ? t('review.answer', { answer: r.answer }) : t('review.noAnswer')}
                </Text>
              </Card>
            ))}
          </Stack>
        )}
        {mayRemark && (
          <Stack gap="sm" mt="md" data-testid="remark-composer">
            <Text size="sm" c="dimmed">
              {t('review.remarks.hint')}
            </Text>
            {drafts.map((d, i) => (
              <Card key={d.key} withBorder padding="sm" data-testid="draft-remark">
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                  <NativeSelect
                    label={t('review.remark.field')}
                    value={d.field}
                    onChange={(e) => {
                      const field = e.currentTarget.value;
                      setDrafts((all) => all.map((x) => (x.key === d.key ? { ...x, field } : x)));
                    }}
                    data={[...new Set([d.field, ...REMARKABLE_FIELDS])].map((f) => ({ value: f, label: label(f) }))}
                    error={remarkErrors[`remarks.${i}.field`]}
                    data-testid="draft-field"
                  />
                  <Textarea
                    label={t('review.remark.message')}
                    value={d.message}
                    autosize
                    minRows={2}
                    onChange={(e) => {
                      const message = e.currentTarget.value;
                      setDrafts((all) => all.map((x) => (x.key === d.key ? { ...x, message } : x)));
                    }}
                    error={remarkErrors[`remarks.${i}.message`]}
                    data-testid="draft-message"
                  />
                </SimpleGrid>
                <Group justify="end" mt={4}>
                  <Button size="compact-xs" variant="subtle" color="gray" onClick={() => setDrafts((all) => all.filter((x) => x.key !== d.key))}>
                    {t('review.remark.drop')}
                  </Button>
                </Group>
              </Card>
            ))}
            <Group>
              <Button variant="default" onClick={() => addDraft(drafts.at(-1)?.field ?? 'businessPlan')} data-testid="add-remark">
                {t('review.remark.add')}
              </Button>
              {drafts.length > 0 && (
                <Button color="orange" onClick={() => void sendRemarks()} loading={remarks.isPending} data-testid="send-remarks">
                  {t('review.remarks.send', { count: drafts.length })}
                </Button>
              )}
            </Group>
            {remarks.isError && Object.keys(remarkErrors).length === 0 && <ErrorState error={remarks.error} action />}
          </Stack>
        )}
      </Card>

      {(a.votes.length > 0 || mayVote || mayDecide || decided) && (
        <Card withBorder data-testid="commission">
          <Title order={3} size="h4" mb="sm">
            {t('review.commission')}
          </Title>
          {commissionChecks.length > 0 && (
            <Alert color="blue" variant="light" mb="sm" title={t('review.commissionChecks')} data-testid="commission-checks">
              <Stack gap={4}>
                {commissionChecks.map((p, i) => (
                  <Text key={i} size="sm">
                    {p.ground ? `${t(`refusalGround.${p.ground}` as MessageId)}: ` : ''}
                    {p.message} ({p.ruleId})
                  </Text>
                ))}
              </Stack>
            </Alert>
          )}
          {a.votes.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('review.votes.none')}
            </Text>
          ) : (
            <Table data-testid="votes">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('review.vote.member')}</Table.Th>
                  <Table.Th>{t('review.vote.vote')}</Table.Th>
                  <Table.Th>{t('review.vote.grounds')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {a.votes.map((v) => (
                  <Table.Tr key={v.member} data-vote={v.vote}>
                    <Table.Td>{v.memberName ?? v.member}</Table.Td>
                    <Table.Td>
                      <Badge color={v.vote === 'register' ? '#0b6e4f' : 'red'} variant="light" tt="none" miw="max-content">
                        {t(`vote.${v.vote}` as MessageId)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{v.grounds.map((g) => t(`refusalGround.${g}` as MessageId)).join('; ') || '—'}</Text>
                      {v.comment && (
                        <Text size="xs" c="dimmed">
                          {v.comment}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}

          {mayVote && (
            <Stack gap="sm" mt="md" data-testid="vote-form">
              <Radio.Group
                label={t('review.vote.yours')}
                value={vote.vote}
                onChange={(v) => setVote({ ...vote, vote: v as 'register' | 'refuse' })}
                error={errors.vote}
              >
                <Group mt={4}>
                  <Radio value="register" label={t('vote.register')} data-testid="vote-register" />
                  <Radio value="refuse" label={t('vote.refuse')} data-testid="vote-refuse" />
                </Group>
              </Radio.Group>
              {vote.vote === 'refuse' && (
                <Checkbox.Group label={t('review.grounds')} value={vote.grounds} onChange={(g) => setVote({ ...vote, grounds: g })} error={errors.grounds}>
                  <Stack gap={4} mt={4}>
                    {GROUNDS.map((g) => (
                      <Checkbox key={g} value={g} label={t(`refusalGround.${g}` as MessageId)} />
                    ))}
                  </Stack>
                </Checkbox.Group>
              )}
              <Textarea label={t('review.vote.comment')} value={vote.comment} onChange={(e) => setVote({ ...vote, comment: e.currentTarget.value })} />
              <Group>
                <Button
                  disabled={!vote.vote}
                  loading={castVote.isPending}
                  data-testid="cast-vote"
                  onClick={() =>
                    vote.vote &&
                    void run(() =>
                      castVote.submit({
                        vote: vote.vote as 'register' | 'refuse',
                        grounds: vote.vote === 'refuse' ? vote.grounds : [],
                        ...(vote.comment.trim() ? { comment: vote.comment.trim() } : {}),
                      }),
                    )
                  }
                >
                  {t('review.vote.cast')}
                </Button>
              </Group>
              {castVote.isError && !errors.grounds && !errors.vote && <ErrorState error={castVote.error} action />}
            </Stack>
          )}

          {mayDecide && (
            <Stack gap="sm" mt="md" data-testid="decision-form">
              <Text size="sm" c="dimmed">
                {t('review.decision.hint')}
              </Text>
              <Radio.Group
                label={t('review.decision')}
                value={decision.decision}
                onChange={(v) => setDecision({ ...decision, decision: v as 'register' | 'refuse' })}
              >
                <Group mt={4}>
                  <Radio value="register" label={t('decision.register')} data-testid="decide-register" />
                  <Radio value="refuse" label={t('decision.refuse')} data-testid="decide-refuse" />
                </Group>
              </Radio.Group>
              {decision.decision === 'refuse' &&
                GROUNDS.map((g) => (
                  <Stack key={g} gap={4}>
                    <Checkbox
                      label={t(`refusalGround.${g}` as MessageId)}
                      checked={decision.reasons[g] !== undefined}
                      onChange={(e) => {
                        const reasons = { ...decision.reasons };
                        if (e.currentTarget.checked) reasons[g] = '';
                        else delete reasons[g];
                        setDecision({ ...decision, reasons });
                      }}
                      data-testid={`ground-${g}`}
                    />
                    {decision.reasons[g] !== undefined && (
                      <Textarea
                        label={t('review.decision.reason')}
                        value={decision.reasons[g]}
                        onChange={(e) => setDecision({ ...decision, reasons: { ...decision.reasons, [g]: e.currentTarget.value } })}
                        data-testid={`reason-${g}`}
                      />
                    )}
                  </Stack>
                ))}
              {errors.grounds && (
                <Text size="sm" c="#a51d1d">
                  {errors.grounds}
                </Text>
              )}
              <TextInput
                type="date"
                label={t('review.decision.date')}
                description={t('review.decision.dateHint')}
                value={decision.decidedOn}
                onChange={(e) => setDecision({ ...decision, decidedOn: e.currentTarget.value })}
                error={errors.decidedOn}
                maw={320}
              />
              <Group>
                <Button
                  disabled={!decision.decision}
                  loading={decide.isPending}
                  data-testid="record-decision"
                  onClick={() =>
                    decision.decision &&
                    void run(() =>
                      decide.submit({
                        decision: decision.decision as 'register' | 'refuse',
                        grounds:
                          decision.decision === 'refuse'
                            ? Object.entries(decision.reasons).map(([ground, reason]) => ({ ground: ground as Ground, reason: (reason ?? '').trim() }))
                            : [],
                        ...(decision.decidedOn ? { decidedOn: decision.decidedOn } : {}),
                      }),
                    )
                  }
                >
                  {t('review.decision.record')}
                </Button>
              </Group>
              {decide.isError && !errors.grounds && !errors.decidedOn && <ErrorState error={decide.error} action />}
            </Stack>
          )}

          {decided && (
            <DecisionAlert mt="md" decided={decided} protocolDocumentId={a.protocolDocumentId}>
              {/* ADR 0132 (ADR 0122): the full protocol with each member's vote — named to the Fund's reviewers only (F-35). */}
              {a.fullProtocolDocumentId && (
                <Group gap={6} mt={4} data-testid="full-protocol">
                  <Text size="sm">{t('review.fullProtocol')}</Text>
                  <DocumentLink id={a.fullProtocolDocumentId} />
                </Group>
              )}
              {a.notifiedAt && (
                <Text size="sm" mt={4} data-testid="notified">
                  {t('review.notified', { date: formatInstantDate(a.notifiedAt, locale) })}
                </Text>
              )}
            </DecisionAlert>
          )}
        </Card>
      )}
    </Stack>
  );
}

export const Route = createLazyRoute('/staff/applications/$id')({
  component: () => (
    <RequireAccess op="GET /api/registration/commission/agenda">
      <StaffApplicationPage />
    </RequireAccess>
  ),
});
