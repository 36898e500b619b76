import { Badge, Button, Card, Group, NumberInput, Radio, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useApi } from '../api/api-context';
import { fieldErrors, idempotent, ok } from '../api/client';
import { useCommand } from '../api/command';
import { formatCivilDate, formatInstantDate } from '../format';
import { useLocale, useT } from '../i18n/i18n';
import type { MessageId } from '../i18n/locales';
import { ErrorState } from '../ui/states';
import { DocumentLink, DocumentUpload } from '../forms/document-field';

type Criterion = { code: string; ruleId: string; title: string };
type Finding = 'meets' | 'partially-meets' | 'does-not-meet';
type Recommendation = 'recommended' | 'not-recommended';
type Opinion = { criteria: { code: string; finding: Finding }[]; conclusion: string; recommendation: Recommendation; givenAt: string };
export type ExpertReview = {
  criteria: Criterion[];
  opinionsDueOn?: string | null;
  opinionsOverdue: boolean;
  applications: { applicationId: string; bin: string; clusterName: string; sentToInstituteAt: string; opinion: Opinion | null }[];
  comparativeAssessment: { summary: string; ranking: { applicationId: string; rank: number; note?: string | undefined }[]; givenAt: string } | null;
  opinionsToOrganiserDueOn?: string | null;
  opinionsToOrganiserOverdue: boolean;
  opinionsAtOrganiser: { documentRef: string; documentId?: string | null | undefined; at: string } | null;
};

const QUADRANTS = ['strengths', 'weaknesses', 'opportunities', 'threats'] as const;
type Quadrant = (typeof QUADRANTS)[number];
type Analysis = Record<Quadrant, string> & { finding: Finding };
const FINDINGS: Finding[] = ['meets', 'partially-meets', 'does-not-meet'];
/** One point per line (C-15: each quadrant of the SWOT holds its points). */
const points = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/**
 * C-14, C-15: the institute's expert analyses one application against each Annex 4 criterion of the
 * round's rule set — a SWOT (one point per line) and a finding per criterion — and gives a conclusion
 * with a recommendation (recommendatory: the Commission decides, C-19).
 */
function OpinionForm(props: { application: ExpertReview['applications'][number]; criteria: Criterion[]; onGiven: () => Promise<unknown> }) {
  const t = useT();
  const api = useApi();
  const a = props.application;
  const [analyses, setAnalyses] = useState<Analysis[]>(
    props.criteria.map(() => ({ strengths: '', weaknesses: '', opportunities: '', threats: '', finding: 'meets' })),
  );
  const [conclusion, setConclusion] = useState('');
  const [recommendation, setRecommendation] = useState<Recommendation | ''>('');
  const [recommendationMissing, setRecommendationMissing] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const give = useCommand(
    async (
      body: {
        criteria: { code: string; strengths: string[]; weaknesses: string[]; opportunities: string[]; threats: string[]; finding: Finding }[];
        conclusion: string;
        recommendation: Recommendation;
      },
      key: string,
    ) => ok(await api.POST('/api/clusters/applications/{id}/expert-opinion', { params: { path: { id: a.applicationId } }, body, ...idempotent(key) })),
  );
  const set = (i: number, patch: Partial<Analysis>) => setAnalyses((xs) => xs.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const submit = async () => {
    setErrors({});
    setRecommendationMissing(!recommendation);
    if (!recommendation) return;
    try {
      await give.submit({
        criteria: props.criteria.map((c, i) => ({
          code: c.code,
          strengths: points(analyses[i]!.strengths),
          weaknesses: points(analyses[i]!.weaknesses),
          opportunities: points(analyses[i]!.opportunities),
          threats: points(analyses[i]!.threats),
          finding: analyses[i]!.finding,
        })),
        conclusion: conclusion.trim(),
        recommendation,
      });
      await props.onGiven();
    } catch (e) {
      setErrors(fieldErrors(e));
    }
  };
  return (
    <Card withBorder padding="sm" data-testid="opinion-form" data-id={a.applicationId}>
      <Stack gap="xs">
        <Text fw={600}>
          {t('clusterInstitute.opinion.title')}: {a.clusterName} · {a.bin}
        </Text>
        {props.criteria.map((c, i) => (
          <Card key={c.code} withBorder padding="xs" data-testid="criterion" data-code={c.code}>
            <Text fw={500} size="sm">
              {c.ruleId}: {c.title}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
              {QUADRANTS.map((q) => (
                <Textarea
                  key={q}
                  label={t(`clusterInstitute.swot.${q}` as MessageId, { n: i + 1 })}
                  description={t('clusterInstitute.swot.perLine')}
                  value={analyses[i]![q]}
                  onChange={(e) => set(i, { [q]: e.currentTarget.value })}
                  error={errors[`criteria.${i}.${q}`]}
                  autosize
                  minRows={2}
                />
              ))}
            </SimpleGrid>
            <Select
              label={t('clusterInstitute.finding', { n: i + 1 })}
              value={analyses[i]!.finding}
              allowDeselect={false}
              onChange={(v) => set(i, { finding: v ?? 'meets' })}
              data={FINDINGS.map((f) => ({ value: f, label: t(`clusterInstitute.finding.${f}` as MessageId) }))}
              mt="xs"
            />
          </Card>
        ))}
        <Textarea
          label={t('clusterInstitute.conclusion')}
          value={conclusion}
          onChange={(e) => setConclusion(e.currentTarget.value)}
          error={errors.conclusion}
          autosize
          minRows={2}
          data-testid="opinion-conclusion"
        />
        <Radio.Group
          label={t('clusterInstitute.recommendation')}
          value={recommendation}
          onChange={(v) => {
            setRecommendation(v);
            setRecommendationMissing(false);
          }}
          error={recommendationMissing ? t('clusterInstitute.recommendationRequired') : errors.recommendation}
        >
          <Group gap="md" mt={4}>
            {(['recommended', 'not-recommended'] as const).map((r) => (
              <Radio key={r} value={r} label={t(`clusterRound.recommendation.${r}` as MessageId)} data-testid={`opinion-${r}`} />
            ))}
          </Group>
        </Radio.Group>
        <Button onClick={() => void submit()} loading={give.isPending} w="fit-content" data-testid="give-opinion">
          {t('clusterInstitute.opinion.give')}
        </Button>
        {give.isError && Object.keys(errors).length === 0 && <ErrorState error={give.error} action />}
      </Stack>
    </Card>
  );
}

/** C-14, C-16: the comparative assessment — every application before the institute ranked 1 … n, with a summary. */
function ComparisonForm(props: { roundId: string; applications: ExpertReview['applications']; onGiven: () => Promise<unknown> }) {
  const t = useT();
  const api = useApi();
  const [summary, setSummary] = useState('');
  const [ranks, setRanks] = useState<{ rank: number | string; note: string }[]>(props.applications.map((_, i) => ({ rank: i + 1, note: '' })));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const give = useCommand(async (body: { summary: string; ranking: { applicationId: string; rank: number; note?: string }[] }, key: string) =>
    ok(await api.POST('/api/clusters/rounds/{id}/comparative-assessment', { params: { path: { id: props.roundId } }, body, ...idempotent(key) })),
  );
  const submit = async () => {
    setErrors({});
    try {
      await give.submit({
        summary: summary.trim(),
        ranking: props.applications.map((a, i) => ({
          applicationId: a.applicationId,
          rank: Number(ranks[i]!.rank),
          ...(ranks[i]!.note.trim() ? { note: ranks[i]!.note.trim() } : {}),
        })),
      });
      await props.onGiven();
    } catch (e) {
      setErrors(fieldErrors(e));
    }
  };
  return (
    <Card withBorder padding="sm" data-testid="comparison-form">
      <Stack gap="xs">
        <Text fw={600}>{t('clusterInstitute.comparison.title')}</Text>
        {props.applications.map((a, i) => (
          <Group key={a.applicationId} gap="xs" align="start" grow data-testid="rank-row">
            <NumberInput
              label={t('clusterInstitute.comparison.rank', { name: a.clusterName })}
              min={1}
              max={props.applications.length}
              value={ranks[i]!.rank}
              onChange={(v) => setRanks((xs) => xs.map((x, j) => (j === i ? { ...x, rank: v } : x)))}
              error={errors[`ranking.${i}.rank`]}
            />
            <TextInput
              label={t('clusterInstitute.comparison.note', { name: a.clusterName })}
              value={ranks[i]!.note}
              onChange={(e) => {
                const note = e.currentTarget.value;
                setRanks((xs) => xs.map((x, j) => (j === i ? { ...x, note } : x)));
              }}
              error={errors[`ranking.${i}.note`]}
            />
          </Group>
        ))}
        <Textarea
          label={t('clusterInstitute.comparison.summary')}
          value={summary}
          onChange={(e) => setSummary(e.currentTarget.value)}
          error={errors.summary}
          autosize
          minRows={2}
          data-testid="comparison-summary"
        />
        <Button onClick={() => void submit()} loading={give.isPending} w="fit-content" data-testid="give-comparison">
          {t('clusterInstitute.comparison.give')}
        </Button>
        {give.isError && Object.keys(errors).length === 0 && <ErrorState error={give.error} action />}
      </Stack>
    </Card>
  );
}

/** C-17: the institute hands the opinions to the organiser within 5 WD after the C-16 period, with a covering letter. */
function HandOverForm(props: { roundId: string; dueOn?: string | null | undefined; overdue: boolean; onDone: () => Promise<unknown> }) {
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  // ADR 0113: the covering letter is the institute's own document (cluster-institute-opinions), uploaded to documents
  const [letter, setLetter] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const hand = useCommand(async (body: { documentId: string }, key: string) =>
    ok(await api.POST('/api/clusters/rounds/{id}/opinions-to-organiser', { params: { path: { id: props.roundId } }, body, ...idempotent(key) })),
  );
  const submit = async () => {
    setErrors({});
    if (!letter) return setErrors({ documentId: t('clusterRound.letterRequired') });
    try {
      await hand.submit({ documentId: letter });
      await props.onDone();
    } catch (e) {
      setErrors(fieldErrors(e));
    }
  };
  return (
    <Card withBorder padding="sm" data-testid="hand-over-form">
      <Stack gap="xs">
        <Text fw={600}>{t('clusterInstitute.handOver.title')}</Text>
        {props.dueOn && (
          <Text size="sm" c={props.overdue ? '#a51d1d' : undefined}>
            {t('clusterInstitute.handOver.due', { date: formatCivilDate(props.dueOn, locale) })}
          </Text>
        )}
        <DocumentUpload
          testId="hand-over-letter"
          kind="cluster-institute-opinions"
          label="clusterRound.transfer.letter"
          value={letter}
          onChange={(id) => {
            setLetter(id);
            setErrors({});
          }}
          error={errors.documentId}
        />
        <Button onClick={() => void submit()} loading={hand.isPending} w="fit-content" data-testid="hand-over">
          {t('clusterInstitute.handOver.submit')}
        </Button>
        {hand.isError && Object.keys(errors).length === 0 && <ErrorState error={hand.error} action />}
      </Stack>
    </Card>
  );
}

/**
 * The expert stage of a round (C-14 … C-17, ADR 0082): the C-16 due day, each application before the
 * institute with its opinion (or, for the expert, the form to give it), the comparative assessment and
 * the hand-over to the organiser. The organiser reads it; only `cluster-expert` writes (the context decides).
 */
export function ExpertStage(props: { roundId: string; review: ExpertReview; isExpert: boolean; onChanged: () => Promise<unknown> }) {
  const t = useT();
  const { locale } = useLocale();
  const r = props.review;
  const allGiven = r.applications.length > 0 && r.applications.every((a) => a.opinion);
  const nameOf = (id: string) => r.applications.find((a) => a.applicationId === id)?.clusterName ?? id;
  return (
    <Stack gap="xs" data-testid="expert-stage">
      {r.opinionsDueOn && (
        <Text size="sm" c={r.opinionsOverdue ? '#a51d1d' : undefined} data-testid="opinions-due">
          {t('clusterInstitute.opinionsDue', { date: formatCivilDate(r.opinionsDueOn, locale) })}
        </Text>
      )}
      {r.applications.map((a) =>
        a.opinion ? (
          <Card key={a.applicationId} withBorder padding="sm" data-testid="opinion" data-id={a.applicationId}>
            <Group justify="space-between" gap="xs">
              <Text fw={600} size="sm">
                {a.clusterName} · {a.bin}
              </Text>
              <Badge variant="light" tt="none" color={a.opinion.recommendation === 'recommended' ? '#0b6e4f' : 'gray'}>
                {t(`clusterRound.recommendation.${a.opinion.recommendation}` as MessageId)}
              </Badge>
            </Group>
            <Text size="sm">{a.opinion.conclusion}</Text>
            <Text size="xs" c="dimmed">
              {a.opinion.criteria
                .map((c) =>
                  t('clusterInstitute.findingOf', {
                    n: r.criteria.findIndex((x) => x.code === c.code) + 1,
                    finding: t(`clusterInstitute.finding.${c.finding}` as MessageId),
                  }),
                )
                .join(' · ')}
            </Text>
          </Card>
        ) : props.isExpert ? (
          <OpinionForm key={a.applicationId} application={a} criteria={r.criteria} onGiven={props.onChanged} />
        ) : (
          <Text key={a.applicationId} size="sm" data-testid="opinion-pending">
            {t('clusterInstitute.opinion.pending', { name: a.clusterName })}
          </Text>
        ),
      )}
      {r.comparativeAssessment ? (
        <Card withBorder padding="sm" data-testid="comparison">
          <Text fw={600} size="sm">
            {t('clusterInstitute.comparison.given', { date: formatInstantDate(r.comparativeAssessment.givenAt, locale) })}
          </Text>
          <Text size="sm">{r.comparativeAssessment.summary}</Text>
          <Stack gap={2} mt={4}>
            {[...r.comparativeAssessment.ranking]
              .sort((x, y) => x.rank - y.rank)
              .map((x) => (
                <Text key={x.applicationId} size="sm" data-testid="ranked">
                  {x.rank}. {nameOf(x.applicationId)}
                  {x.note ? ` — ${x.note}` : ''}
                </Text>
              ))}
          </Stack>
        </Card>
      ) : (
        props.isExpert && allGiven && <ComparisonForm roundId={props.roundId} applications={r.applications} onGiven={props.onChanged} />
      )}
      {r.opinionsAtOrganiser ? (
        <Stack gap={4} data-testid="at-organiser">
          <Text size="sm">
            {t('clusterInstitute.handOver.done', { date: formatInstantDate(r.opinionsAtOrganiser.at, locale), letter: r.opinionsAtOrganiser.documentRef })}
          </Text>
          {r.opinionsAtOrganiser.documentId && <DocumentLink id={r.opinionsAtOrganiser.documentId} />}
        </Stack>
      ) : (
        props.isExpert &&
        r.comparativeAssessment && (
          <HandOverForm roundId={props.roundId} dueOn={r.opinionsToOrganiserDueOn} overdue={r.opinionsToOrganiserOverdue} onDone={props.onChanged} />
        )
      )}
    </Stack>
  );
}
