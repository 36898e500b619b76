import { Alert, Badge, Button, Card, Group, Radio, Select, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, createLazyRoute, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useApi } from '../api/api-context';
import { fieldErrors, idempotent, mayCall, ok } from '../api/client';
import { useCommand } from '../api/command';
import { useSession } from '../auth/auth-context';
import { formatCivilDate, formatInstantDate } from '../format';
import { useLocale, useT } from '../i18n/i18n';
import type { MessageId } from '../i18n/locales';
import { Empty, ErrorState, Loading } from '../ui/states';
import '../ui/lazy-styles';
import { ExpertStage } from './clusters-institute';
import { DocumentLink, DocumentUpload } from '../forms/document-field';

type Choice = 'for' | 'against' | 'abstain';

/** C-19 (ADR 0083): one member's vote on one application before the Commission, with the institute's opinion beside it. */
function VoteCard(props: {
  roundId: string;
  application: { applicationId: string; bin: string; clusterName: string };
  opinion?: { recommendation: string; conclusion: string } | null | undefined;
  mine?: { choice: Choice; comment: string } | undefined;
  onVoted: () => Promise<unknown>;
}) {
  const t = useT();
  const api = useApi();
  const a = props.application;
  const [choice, setChoice] = useState<Choice | ''>('');
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  // Kept as a flag, translated when shown: the message follows a language switch made after the refusal.
  const [choiceMissing, setChoiceMissing] = useState(false);
  const cast = useCommand(async (body: { applicationId: string; choice: Choice; comment: string }, key: string) =>
    ok(await api.POST('/api/clusters/rounds/{id}/votes', { params: { path: { id: props.roundId } }, body, ...idempotent(key) })),
  );
  const submit = async () => {
    setErrors({});
    setChoiceMissing(!choice);
    if (!choice) return;
    try {
      await cast.submit({ applicationId: a.applicationId, choice, comment: comment.trim() });
      await props.onVoted();
    } catch (e) {
      setErrors(fieldErrors(e));
    }
  };
  return (
    <Card withBorder padding="sm" data-testid="vote-application" data-id={a.applicationId}>
      <Text fw={600} size="sm">
        {a.clusterName} · {a.bin}
      </Text>
      {props.opinion && (
        <Text size="sm" c="dimmed">
          {t(`clusterRound.recommendation.${props.opinion.recommendation}` as MessageId)}: {props.opinion.conclusion}
        </Text>
      )}
      {props.mine ? (
        <Text size="sm" c="teal.9" data-testid="voted">
          {t('clusterRound.vote.cast', { choice: t(`clusterRound.choice.${props.mine.choice}` as MessageId) })}
        </Text>
      ) : (
        <Stack gap="xs" mt="xs">
          <Radio.Group
            label={t('clusterRound.vote.choice')}
            value={choice}
            onChange={(v) => {
              setChoice(v);
              setChoiceMissing(false);
            }}
            error={choiceMissing ? t('clusterRound.vote.choiceRequired') : errors.choice}
          >
            <Group gap="md" mt={4}>
              {(['for', 'against', 'abstain'] as const).map((c) => (
                <Radio key={c} value={c} label={t(`clusterRound.choice.${c}` as MessageId)} data-testid={`vote-${c}`} />
              ))}
            </Group>
          </Radio.Group>
          <Textarea
            label={t('clusterRound.vote.comment')}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
            error={errors.comment}
            data-testid="vote-comment"
          />
          <Button onClick={() => void submit()} loading={cast.isPending} data-testid="cast-vote">
            {t('clusterRound.vote.submit')}
          </Button>
          {cast.isError && Object.keys(errors).length === 0 && <ErrorState error={cast.error} action />}
        </Stack>
      )}
    </Card>
  );
}

/** C-19, C-20 (ADR 0083): the secretary records the protocol; the winners follow from the votes (422 without a quorum). */
function ProtocolForm(props: { roundId: string; onRecorded: () => Promise<unknown> }) {
  const t = useT();
  const api = useApi();
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty' }).format(new Date());
  // ADR 0113: the signed protocol is the Commission's own document (cluster-commission-protocol), uploaded to documents
  const [form, setForm] = useState<{ number: string; decidedOn: string; documentId: string | null }>({ number: '', decidedOn: today, documentId: null });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const record = useCommand(async (body: { number: string; decidedOn: string; documentId: string }, key: string) =>
    ok(await api.POST('/api/clusters/rounds/{id}/protocol', { params: { path: { id: props.roundId } }, body, ...idempotent(key) })),
  );
  const submit = async () => {
    setErrors({});
    if (!form.documentId) return setErrors({ documentId: t('clusterRound.documentRequired') });
    try {
      await record.submit({ number: form.number.trim(), decidedOn: form.decidedOn, documentId: form.documentId });
      await props.onRecorded();
    } catch (e) {
      setErrors(fieldErrors(e));
    }
  };
  return (
    <Card withBorder padding="sm" data-testid="protocol-form">
      <Stack gap="xs">
        <Text fw={600}>{t('clusterRound.protocol.title')}</Text>
        <TextInput
          label={t('clusterRound.protocol.number')}
          value={form.number}
          onChange={(e) => {
            const v = e.currentTarget.value;
            setForm((f) => ({ ...f, number: v }));
          }}
          error={errors.number}
          data-testid="protocol-number"
        />
        <TextInput
          label={t('clusterRound.protocol.decidedOn')}
          type="date"
          value={form.decidedOn}
          onChange={(e) => {
            const v = e.currentTarget.value;
            setForm((f) => ({ ...f, decidedOn: v }));
          }}
          error={errors.decidedOn}
        />
        <DocumentUpload
          testId="protocol-document"
          kind="cluster-commission-protocol"
          label="clusterRound.protocol.documentRef"
          value={form.documentId}
          onChange={(id) => setForm((f) => ({ ...f, documentId: id }))}
          error={errors.documentId}
        />
        <Button onClick={() => void submit()} loading={record.isPending} data-testid="record-protocol">
          {t('clusterRound.protocol.record')}
        </Button>
        {record.isError && Object.keys(errors).length === 0 && <ErrorState error={record.error} action />}
      </Stack>
    </Card>
  );
}

/** C-12 (the organiser): compliant, or returned with a written notice naming what is wrong; C-13 then sends it to the institute. */
function OrganiserApplication(props: {
  application: {
    id: string;
    bin: string;
    status: string;
    complianceDueOn: string;
    content: { form: { clusterName: string } };
    returnNotice?: { deficiencies: { field: string; reason: string }[] } | null;
    instituteDueOn?: string | null;
    instituteOverdue: boolean;
    sentToInstituteAt?: string | null;
  };
  onChanged: () => Promise<unknown>;
}) {
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  const a = props.application;
  const [reason, setReason] = useState('');
  const [part, setPart] = useState<string>('memberConsents');
  // ADR 0113: the covering letter is the organiser's own document (cluster-organiser-letter), uploaded to documents
  const [letter, setLetter] = useState<string | null>(null);
  const transfer = useCommand(async (body: { documentId: string }, key: string) =>
    ok(await api.POST('/api/clusters/applications/{id}/institute-transfer', { ...path, body, ...idempotent(key) })),
  );
  const sendToInstitute = async () => {
    setErrors({});
    if (!letter) return setErrors({ documentId: t('clusterRound.letterRequired') });
    try {
      await transfer.submit({ documentId: letter });
      await props.onChanged();
    } catch (e) {
      setErrors(fieldErrors(e));
    }
  };
  const [errors, setErrors] = useState<Record<string, string>>({});
  const path = { params: { path: { id: a.id } } };
  const check = useCommand(async (body: { compliant: true } | { compliant: false; deficiencies: { field: string; reason: string }[] }, key: string) =>
    ok(await api.POST('/api/clusters/applications/{id}/compliance', { ...path, body, ...idempotent(key) })),
  );
  const run = async (body: { compliant: true } | { compliant: false; deficiencies: { field: string; reason: string }[] }) => {
    setErrors({});
    if (!body.compliant && !reason.trim()) return setErrors({ reason: t('clusterRound.check.reasonRequired') });
    try {
      await check.submit(body);
      await props.onChanged();
    } catch (e) {
      setErrors(fieldErrors(e));
    }
  };
  return (
    <Card withBorder padding="sm" data-testid="organiser-application" data-status={a.status}>
      <Group justify="space-between">
        <Text fw={600} size="sm">
          {a.content.form.clusterName} · {a.bin}
        </Text>
        <Badge variant="light" tt="none">
          {t(`clusterStatus.${a.status}` as MessageId)}
        </Badge>
      </Group>
      {a.status === 'filed' ? (
        <Stack gap="xs" mt="xs">
          <Text size="sm">{t('clusters.complianceDue', { date: formatCivilDate(a.complianceDueOn, locale) })}</Text>
          <Button variant="light" onClick={() => void run({ compliant: true })} loading={check.isPending} data-testid="check-compliant">
            {t('clusterRound.check.compliant')}
          </Button>
          <Select
            label={t('clusterRound.check.part')}
            value={part}
            onChange={(v) => setPart(v ?? 'memberConsents')}
            allowDeselect={false}
            data={(['form', 'memberConsents', 'information', 'documentIndex'] as const).map((p) => ({
              value: p,
              label: t(`clusterRound.part.${p}` as MessageId),
            }))}
            data-testid="check-part"
          />
          <Textarea
            label={t('clusterRound.check.reason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.reason ?? errors['deficiencies.0.reason']}
          />
          <Button
            variant="outline"
            color="red.9"
            onClick={() => void run({ compliant: false, deficiencies: [{ field: part, reason: reason.trim() }] })}
            data-testid="check-return"
          >
            {t('clusterRound.check.return')}
          </Button>
          {check.isError && Object.keys(errors).length === 0 && <ErrorState error={check.error} action />}
        </Stack>
      ) : a.status === 'compliant' && !a.sentToInstituteAt ? (
        <Stack gap="xs" mt="xs">
          {a.instituteDueOn && (
            <Text size="sm" c={a.instituteOverdue ? '#a51d1d' : undefined}>
              {t('clusterRound.transfer.due', { date: formatCivilDate(a.instituteDueOn, locale) })}
            </Text>
          )}
          <DocumentUpload
            testId={`transfer-letter-${a.id}`}
            kind="cluster-organiser-letter"
            label="clusterRound.transfer.letter"
            value={letter}
            onChange={setLetter}
            error={errors.documentId}
          />
          <Button variant="light" onClick={() => void sendToInstitute()} loading={transfer.isPending} data-testid="send-to-institute">
            {t('clusterRound.transfer.send')}
          </Button>
          {transfer.isError && Object.keys(errors).length === 0 && <ErrorState error={transfer.error} action />}
        </Stack>
      ) : a.sentToInstituteAt ? (
        <Text size="sm" data-testid="sent-to-institute">
          {t('clusterRound.transfer.sent', { date: formatInstantDate(a.sentToInstituteAt, locale) })}
        </Text>
      ) : (
        a.returnNotice?.deficiencies.map((d, i) => (
          <Text key={i} size="sm">
            <b>
              {(['form', 'memberConsents', 'information', 'documentIndex'] as string[]).includes(d.field)
                ? t(`clusterRound.part.${d.field}` as MessageId)
                : d.field}
            </b>
            : {d.reason}
          </Text>
        ))
      )}
    </Card>
  );
}

/** C-18: the organiser puts the materials and the institute's opinions before the Commission (after C-17). */
function BeforeCommission(props: { roundId: string; dueOn?: string | null | undefined; overdue: boolean; onDone: () => Promise<unknown> }) {
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  const [letter, setLetter] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const put = useCommand(async (body: { documentId: string }, key: string) =>
    ok(await api.POST('/api/clusters/rounds/{id}/opinions-to-commission', { params: { path: { id: props.roundId } }, body, ...idempotent(key) })),
  );
  const submit = async () => {
    setErrors({});
    if (!letter) return setErrors({ documentId: t('clusterRound.letterRequired') });
    try {
      await put.submit({ documentId: letter });
      await props.onDone();
    } catch (e) {
      setErrors(fieldErrors(e));
    }
  };
  return (
    <Card withBorder padding="sm" data-testid="before-commission">
      <Stack gap="xs">
        <Text fw={600}>{t('clusterRound.toCommission.title')}</Text>
        {props.dueOn && (
          <Text size="sm" c={props.overdue ? '#a51d1d' : undefined}>
            {t('clusterRound.toCommission.due', { date: formatCivilDate(props.dueOn, locale) })}
          </Text>
        )}
        <DocumentUpload
          testId="commission-letter"
          kind="cluster-organiser-letter"
          label="clusterRound.transfer.letter"
          value={letter}
          onChange={setLetter}
          error={errors.documentId}
        />
        <Button onClick={() => void submit()} loading={put.isPending} w="fit-content" data-testid="put-before-commission">
          {t('clusterRound.toCommission.put')}
        </Button>
        {put.isError && Object.keys(errors).length === 0 && <ErrorState error={put.error} action />}
      </Stack>
    </Card>
  );
}

type Seat = { subject: string; fullName: string; organisation: string; body: 'state-body' | 'national-company' | 'atameken' };
const emptySeat = (): Seat => ({ subject: '', fullName: '', organisation: '', body: 'state-body' });

/** C-2, C-19 (ADR 0083): the organiser forms the round's Commission — at least three members of the C-2 bodies; fixed once a vote is cast. */
function FormCommission(props: {
  roundId: string;
  current?: { decisionRef: string; decisionDocumentId?: string | null | undefined; members: Seat[] } | null | undefined;
  onDone: () => Promise<unknown>;
}) {
  const t = useT();
  const api = useApi();
  // ADR 0113: the organiser's decision is its own document (cluster-commission-order), uploaded to documents
  const [decision, setDecision] = useState<string | null>(props.current?.decisionDocumentId ?? null);
  const [seats, setSeats] = useState<Seat[]>(props.current?.members.map((m) => ({ ...m })) ?? [emptySeat(), emptySeat(), emptySeat()]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const form = useCommand(async (body: { decisionDocumentId: string; members: Seat[] }, key: string) =>
    ok(await api.POST('/api/clusters/rounds/{id}/commission', { params: { path: { id: props.roundId } }, body, ...idempotent(key) })),
  );
  const set = (i: number, patch: Partial<Seat>) => setSeats((xs) => xs.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const submit = async () => {
    setErrors({});
    if (!decision) return setErrors({ decisionDocumentId: t('clusterRound.documentRequired') });
    try {
      await form.submit({
        decisionDocumentId: decision,
        members: seats.map((s) => ({ subject: s.subject.trim(), fullName: s.fullName.trim(), organisation: s.organisation.trim(), body: s.body })),
      });
      await props.onDone();
    } catch (e) {
      setErrors(fieldErrors(e));
    }
  };
  return (
    <Card withBorder padding="sm" data-testid="form-commission">
      <Stack gap="xs">
        <Text fw={600}>{t('clusterRound.form.title')}</Text>
        <DocumentUpload
          testId="commission-decision"
          kind="cluster-commission-order"
          label="clusterRound.form.decisionRef"
          value={decision}
          onChange={setDecision}
          error={errors.decisionDocumentId}
        />
        {seats.map((s, i) => (
          // ADR 0122: one seat per bordered block; its four fields stack on a phone, two by two on a tablet, in a row on a desktop.
          <SimpleGrid
            key={i}
            cols={{ base: 1, xs: 2, md: 4 }}
            spacing="xs"
            verticalSpacing={6}
            p="xs"
            bd="1px solid var(--mantine-color-gray-3)"
            style={{ borderRadius: 'var(--mantine-radius-sm)' }}
            data-testid="seat"
          >
            <TextInput
              label={t('clusterRound.form.subject', { n: i + 1 })}
              value={s.subject}
              onChange={(e) => set(i, { subject: e.currentTarget.value })}
              error={errors[`members.${i}.subject`]}
            />
            <TextInput
              label={t('clusterRound.form.fullName', { n: i + 1 })}
              value={s.fullName}
              onChange={(e) => set(i, { fullName: e.currentTarget.value })}
              error={errors[`members.${i}.fullName`]}
            />
            <TextInput
              label={t('clusterRound.form.organisation', { n: i + 1 })}
              value={s.organisation}
              onChange={(e) => set(i, { organisation: e.currentTarget.value })}
              error={errors[`members.${i}.organisation`]}
            />
            <Select
              label={t('clusterRound.form.body', { n: i + 1 })}
              value={s.body}
              allowDeselect={false}
              onChange={(v) => set(i, { body: v ?? 'state-body' })}
              data={(['state-body', 'national-company', 'atameken'] as const).map((b) => ({ value: b, label: t(`clusterRound.body.${b}` as MessageId) }))}
            />
          </SimpleGrid>
        ))}
        {errors.members && (
          <Text size="sm" c="#a51d1d">
            {errors.members}
          </Text>
        )}
        <Group gap="xs">
          <Button variant="subtle" onClick={() => setSeats((xs) => [...xs, emptySeat()])} data-testid="add-seat">
            {t('clusterRound.form.add')}
          </Button>
          <Button onClick={() => void submit()} loading={form.isPending} data-testid="save-commission">
            {t('clusterRound.form.save')}
          </Button>
        </Group>
        {form.isError && Object.keys(errors).length === 0 && <ErrorState error={form.error} action />}
      </Stack>
    </Card>
  );
}

/**
 * One round of the cluster selection (issue #15): the public results (C-21); for the organiser the
 * round's applications and their C-12 check and the publication; for the Commission the composition,
 * the tally of the votes (ADR 0083: quorum ⅔, a winner with more than half of the votes cast "for"),
 * a member's vote on each application with the institute's opinion (C-19), and the secretary's
 * protocol (C-20); for the national institute's expert (and, to read, the organiser) the expert stage —
 * the opinions, the comparison and the hand-over to the organiser (C-14 … C-17).
 */
function ClusterRoundPage() {
  const t = useT();
  const api = useApi();
  const session = useSession();
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  const id = useParams({ strict: false }).id ?? '';
  const path = { params: { path: { id } } };
  const round = useQuery({ queryKey: ['cluster-round', id], queryFn: async () => ok(await api.GET('/api/clusters/rounds/{id}', path)) });
  const results = useQuery({
    queryKey: ['cluster-round', id, 'results'],
    retry: false,
    queryFn: async () => {
      const res = await api.GET('/api/clusters/rounds/{id}/results', path);
      if (res.response.status === 404) return null; // not published yet (C-21)
      return ok(res);
    },
  });
  const mayReadCommission = mayCall(session, 'GET /api/clusters/rounds/{id}/commission');
  const commission = useQuery({
    refetchOnMount: 'always',
    queryKey: ['cluster-round', id, 'commission'],
    enabled: mayReadCommission,
    queryFn: async () => ok(await api.GET('/api/clusters/rounds/{id}/commission', path)),
  });
  const review = useQuery({
    refetchOnMount: 'always',
    queryKey: ['cluster-round', id, 'review'],
    enabled:
      (mayReadCommission && Boolean(commission.data?.beforeCommission)) ||
      session?.roles.includes('cluster-organiser') === true ||
      session?.roles.includes('cluster-expert') === true,
    retry: false,
    queryFn: async () => ok(await api.GET('/api/clusters/rounds/{id}/expert-review', path)),
  });
  const isOrganiser = session?.roles.includes('cluster-organiser') ?? false;
  const isExpert = session?.roles.includes('cluster-expert') ?? false;
  const applications = useQuery({
    refetchOnMount: 'always',
    queryKey: ['cluster-round', id, 'applications'],
    enabled: isOrganiser,
    queryFn: async () => ok(await api.GET('/api/clusters/applications')),
  });
  const publish = useCommand(async (_: null, key: string) => ok(await api.POST('/api/clusters/rounds/{id}/results', { ...path, ...idempotent(key) })));
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['cluster-round', id] });

  if (round.isPending) return <Loading />;
  if (round.isError) return <ErrorState error={round.error} onRetry={() => void round.refetch()} />;
  const r = round.data;
  const c = commission.data;
  const isMember = Boolean(
    session && c?.composition?.members.some((m) => m.subject === session.subject) && session.roles.includes('cluster-commission-member'),
  );
  const isSecretary = session?.roles.includes('cluster-commission-secretary') ?? false;
  const mine = applications.data?.filter((a) => a.roundId === id) ?? [];
  return (
    <Stack gap="md" maw={1100}>
      <Link to="/clusters">{t('clusterRound.back')}</Link>
      <Group justify="space-between" align="start">
        <Title order={2}>{r.title}</Title>
        <Badge variant="light" tt="none" data-testid="round-status">
          {t(`roundStatus.${r.status}` as MessageId)}
        </Badge>
      </Group>
      <Text size="sm">
        {t('clusters.deadline', { date: formatInstantDate(r.applicationDeadline, locale) })} ·{' '}
        {r.acceptingApplications ? t('clusters.accepting') : t('clusters.notAccepting')}
      </Text>

      <Title order={3} size="h4">
        {t('clusterRound.results')}
      </Title>
      {results.isPending ? (
        <Loading />
      ) : results.isError ? (
        <ErrorState error={results.error} onRetry={() => void results.refetch()} />
      ) : results.data ? (
        <Card withBorder data-testid="results">
          <Text size="sm">
            {t('clusterRound.results.protocol', {
              number: results.data.protocolNumber,
              date: formatCivilDate(results.data.decidedOn, locale),
              published: formatInstantDate(results.data.publishedAt, locale),
            })}
          </Text>
          {results.data.winners.length === 0 ? (
            <Empty>{t('clusterRound.results.noWinners')}</Empty>
          ) : (
            <Stack gap={4} mt="xs">
              {results.data.winners.map((w) => (
                <Text key={w.applicationId} fw={600} data-testid="winner">
                  {w.clusterName} · {w.bin}
                </Text>
              ))}
            </Stack>
          )}
        </Card>
      ) : (
        <Empty>{t('clusterRound.results.none')}</Empty>
      )}

      {isOrganiser && (
        <>
          <Title order={3} size="h4">
            {t('clusterRound.organiser')}
          </Title>
          {applications.isPending ? (
            <Loading />
          ) : applications.isError ? (
            <ErrorState error={applications.error} onRetry={() => void applications.refetch()} />
          ) : mine.length === 0 ? (
            <Empty>{t('clusterRound.organiser.none')}</Empty>
          ) : (
            <Stack gap="xs" data-testid="organiser-applications">
              {mine.map((a) => (
                <OrganiserApplication key={a.id} application={a} onChanged={refresh} />
              ))}
            </Stack>
          )}
          {review.data?.opinionsAtOrganiser && !review.data.opinionsAtCommission && (
            <BeforeCommission roundId={id} dueOn={review.data.toCommissionDueOn} overdue={review.data.toCommissionOverdue} onDone={refresh} />
          )}
          {review.data?.opinionsAtCommission && (
            <Text size="sm" data-testid="at-commission">
              {t('clusterRound.toCommission.done', { date: formatInstantDate(review.data.opinionsAtCommission.at, locale) })}
            </Text>
          )}
          {c && !c.protocol && c.tallies.every((x) => x.votes.length === 0) && (
            <FormCommission key={c.composition?.formedAt ?? 'new'} roundId={id} current={c.composition} onDone={refresh} />
          )}
          {r.status === 'winners-decided' && (
            <Button onClick={() => void publish.submit(null).then(refresh)} loading={publish.isPending} data-testid="publish-results" w="fit-content">
              {t('clusterRound.publish')}
            </Button>
          )}
          {publish.isError && <ErrorState error={publish.error} action />}
        </>
      )}

      {(isExpert || isOrganiser) && review.data && review.data.applications.length > 0 && (
        <>
          <Title order={3} size="h4">
            {t('clusterInstitute.title')}
          </Title>
          <ExpertStage roundId={id} review={review.data} isExpert={isExpert} onChanged={refresh} />
        </>
      )}

      {mayReadCommission && (
        <>
          <Title order={3} size="h4">
            {t('clusterRound.commission')}
          </Title>
          {commission.isPending ? (
            <Loading />
          ) : commission.isError ? (
            <ErrorState error={commission.error} onRetry={() => void commission.refetch()} />
          ) : !c?.composition ? (
            <Empty>{t('clusterRound.commission.none')}</Empty>
          ) : (
            <Stack gap="sm">
              <Text size="sm" data-testid="composition">
                {c.composition.members.map((m) => `${m.fullName} (${m.organisation})`).join('; ')}
              </Text>
              {!c.beforeCommission && (
                <Alert color="blue" variant="light" title={t('clusterRound.commission.notBefore')}>
                  {' '}
                </Alert>
              )}
              {c.tallies.length > 0 && (
                // A phone scrolls the tally sideways: a native scroll region reachable by keyboard (axe scrollable-region-focusable).
                <Table.ScrollContainer minWidth={560} type="native" tabIndex={0} role="region" aria-label={t('clusterRound.commission')}>
                  <Table striped withTableBorder data-testid="tallies">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('clusterRound.tally.application')}</Table.Th>
                        <Table.Th>{t('clusterRound.choice.for')}</Table.Th>
                        <Table.Th>{t('clusterRound.choice.against')}</Table.Th>
                        <Table.Th>{t('clusterRound.choice.abstain')}</Table.Th>
                        <Table.Th>{t('clusterRound.tally.quorum')}</Table.Th>
                        <Table.Th>{t('clusterRound.tally.outcome')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {c.tallies.map((x) => (
                        <Table.Tr key={x.applicationId} data-testid="tally" data-quorate={String(x.quorate)} data-winner={String(x.winner)}>
                          <Table.Td>{x.clusterName}</Table.Td>
                          <Table.Td>{x.for}</Table.Td>
                          <Table.Td>{x.against}</Table.Td>
                          <Table.Td>{x.abstain}</Table.Td>
                          <Table.Td>
                            {x.cast}/{x.quorum}
                          </Table.Td>
                          <Table.Td>
                            {!x.quorate ? t('clusterRound.tally.noQuorum') : x.winner ? t('clusterRound.tally.winner') : t('clusterRound.tally.notWinner')}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
              {c.protocol && (
                <Stack gap={4} data-testid="protocol">
                  <Text size="sm">
                    {t('clusterRound.protocol.recorded', { number: c.protocol.number, date: formatCivilDate(c.protocol.decidedOn, locale) })}
                  </Text>
                  {c.protocol.documentId && <DocumentLink id={c.protocol.documentId} />}
                </Stack>
              )}
              {isMember && c.beforeCommission && !c.protocol && (
                <Stack gap="xs" data-testid="my-votes">
                  <Title order={4} size="h5">
                    {t('clusterRound.vote.title')}
                  </Title>
                  {c.tallies.map((x) => {
                    const vote = x.votes.find((v) => v.memberSubject === session?.subject);
                    const opinion = review.data?.applications.find((a) => a.applicationId === x.applicationId)?.opinion;
                    return (
                      <VoteCard
                        key={x.applicationId}
                        roundId={id}
                        application={x}
                        opinion={opinion}
                        mine={vote ? { choice: vote.choice, comment: vote.comment } : undefined}
                        onVoted={refresh}
                      />
                    );
                  })}
                </Stack>
              )}
              {isSecretary && c.beforeCommission && !c.protocol && <ProtocolForm roundId={id} onRecorded={refresh} />}
            </Stack>
          )}
        </>
      )}
    </Stack>
  );
}

export const Route = createLazyRoute('/clusters/rounds/$id')({ component: ClusterRoundPage });
