// The staff desk's cohort and purchase actions (issue #12, ADR 0115, 0123): acceleration cohorts — open one
// (from the first intake day of the service's calls, F-44/F-55), enrol a person under a signed contract,
// expel with a ground and reasons (housing's F-61 vacate deadline runs from it), complete (F-44, F-60);
// third-party purchases — open one, record commercial offers and choose one, with a reason when it is not
// the cheapest (F-56 ¶2). Everything goes to services' API through the gateway; the rules stay there and
// their problems come back on the fields (or, for a field-less one, as its own title on the form).
import { Alert, Badge, Button, Card, Group, NativeSelect, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useApi } from '../api/api-context';
import { ApiError, fieldErrors, idempotent, ok } from '../api/client';
import { useCommand } from '../api/command';
import { problemText } from '../api/problem-text';
import { formatCivilDate, formatTiyn } from '../format';
import { tengeToTiyn } from '../forms/form-state';
import { useLocale, useT } from '../i18n/i18n';
import type { MessageId } from '../i18n/locales';
import { DateField } from '../ui/date-field';

type T = ReturnType<typeof useT>;

/** F-44: why a person leaves a cohort early (services' COHORT_EXPULSION_GROUNDS). */
const EXPULSION_GROUNDS = ['programme-conditions-breached', 'contract-terminated', 'own-request', 'other'] as const;
type Ground = (typeof EXPULSION_GROUNDS)[number];

/**
 * The server's field errors in the reader's language; anything else as the form's alert: a 409 (a person
 * enrolled twice, an offer already chosen) in the reader's language — the card re-read shows the state —
 * and any other field-less problem by its own title and detail, never as a made-up "already recorded".
 */
export function errorsOf(e: unknown, t: T): Record<string, string> {
  const fields = fieldErrors(e, (p) => {
    // F-56 ¶2: the rule's two problems share the code `rule.F-56`; the field tells which one it is
    if (p.code === 'rule.F-56') return t(p.field.endsWith('reason') ? 'desk.purchase.reasonMissing' : 'desk.purchase.tooFewOffers');
    return problemText(p, t);
  });
  if (Object.keys(fields).length > 0) return fields;
  if (!(e instanceof ApiError)) return { form: t('desk.action.failed') };
  if (e.status === 409) return { form: t('desk.action.conflict') };
  const said = [e.problem?.title, e.problem?.detail].filter((x): x is string => Boolean(x));
  return { form: said.length > 0 ? said.join(': ') : t('desk.action.failed') };
}

/** A desk form's errors and its one way to send: errors cleared, the action, then `onDone`; a failure lands on the fields. */
export function useDeskForm() {
  const t = useT();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const run = async (action: () => Promise<unknown>, onDone?: () => Promise<void> | void): Promise<boolean> => {
    setErrors({});
    try {
      await action();
      await onDone?.();
      return true;
    } catch (e) {
      setErrors(errorsOf(e, t));
      return false;
    }
  };
  return { errors, setErrors, run };
}

export interface DeskCohort {
  id: string;
  serviceId: string;
  title: string;
  town: { name: string };
  startsOn: string;
  endsOn: string;
  capacity: number;
  seatsTaken: number;
  enrolments: {
    id: string;
    applicationId: string;
    personIin: string;
    status: 'enrolled' | 'expelled' | 'completed';
    enrolledOn: string;
    endedOn: string | null;
    expulsionGround: Ground | null;
    expulsionReasons: string | null;
  }[];
}

/** A signed contract a person may be enrolled under (F-55): the application, named as on the desk. */
export interface ContractedApplication {
  id: string;
  serviceId: string;
  recipientKind: 'legal-entity' | 'individual';
  recipientId: string;
  content: { project: { name: string } };
}

export function FormAlert({ text }: { text: string | undefined }) {
  return text ? (
    <Alert color="red" variant="light" mt="xs" role="alert">
      {text}
    </Alert>
  ) : null;
}

/** One enrolled person: expel with a ground and reasons (F-44; housing F-61), or complete (F-60). */
function EnrolmentActions({ cohortId, enrolmentId, onDone }: { cohortId: string; enrolmentId: string; onDone: () => Promise<void> }) {
  const t = useT();
  const api = useApi();
  const path = { params: { path: { id: cohortId, enrolmentId } } };
  const [ground, setGround] = useState<Ground>('programme-conditions-breached');
  const [reasons, setReasons] = useState('');
  const { errors, run } = useDeskForm();
  const expel = useCommand(async (body: { ground: Ground; reasons: string }, key: string) =>
    ok(await api.POST('/api/services/cohorts/{id}/enrolments/{enrolmentId}/expulsion', { ...path, body, ...idempotent(key) })),
  );
  const complete = useCommand(async (_: null, key: string) =>
    ok(await api.POST('/api/services/cohorts/{id}/enrolments/{enrolmentId}/completion', { ...path, ...idempotent(key) })),
  );
  return (
    <Stack gap={4}>
      <Group align="end" gap="xs" wrap="wrap">
        <NativeSelect
          label={t('desk.cohort.ground')}
          value={ground}
          onChange={(e) => setGround(e.currentTarget.value as Ground)}
          data={EXPULSION_GROUNDS.map((g) => ({ value: g, label: t(`desk.cohort.ground.${g}` as MessageId) }))}
          w={{ base: '100%', sm: 320 }}
          data-testid="expulsion-ground"
        />
        <Textarea
          label={t('desk.reasons')}
          value={reasons}
          onChange={(e) => setReasons(e.currentTarget.value)}
          error={errors.reasons}
          autosize
          w={{ base: '100%', sm: 280 }}
          data-testid="expulsion-reasons"
        />
        <Button
          color="red"
          variant="light"
          loading={expel.isPending}
          onClick={() => void run(() => expel.submit({ ground, reasons: reasons.trim() }), onDone)}
          data-testid="expel"
        >
          {t('desk.cohort.expel')}
        </Button>
        <Button variant="light" loading={complete.isPending} onClick={() => void run(() => complete.submit(null), onDone)} data-testid="complete">
          {t('desk.cohort.complete')}
        </Button>
      </Group>
      <FormAlert text={errors.form ?? errors.cohortId ?? errors.ground} />
    </Stack>
  );
}

/** F-44: one cohort — its people, enrolment under a signed contract of the cohort's service, expulsion, completion. */
export function CohortCard({ c, contracts, onDone }: { c: DeskCohort; contracts: ContractedApplication[]; onDone: () => Promise<void> }) {
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  const mine = contracts.filter((a) => a.serviceId === c.serviceId);
  const [applicationId, setApplicationId] = useState('');
  const [iin, setIin] = useState('');
  const { errors, run } = useDeskForm();
  const enrol = useCommand(async (body: { applicationId: string; personIin: string }, key: string) =>
    ok(await api.POST('/api/services/cohorts/{id}/enrolments', { params: { path: { id: c.id } }, body, ...idempotent(key) })),
  );
  const chosen = applicationId || mine[0]?.id || '';
  const send = () =>
    run(
      () => enrol.submit({ applicationId: chosen, personIin: iin.trim() }),
      async () => {
        setIin('');
        await onDone();
      },
    );
  return (
    <Card withBorder data-testid="desk-cohort" data-id={c.id}>
      <Text fw={600}>{c.title}</Text>
      <Text size="sm">
        {t('desk.cohort.line', {
          town: c.town.name,
          from: formatCivilDate(c.startsOn, locale),
          to: formatCivilDate(c.endsOn, locale),
          taken: c.seatsTaken,
          capacity: c.capacity,
        })}
      </Text>
      {c.enrolments.length > 0 && (
        <Stack gap="xs" mt="xs">
          {c.enrolments.map((e) => (
            <Card key={e.id} withBorder padding="xs" data-testid="cohort-member" data-status={e.status}>
              <Group gap="xs" justify="space-between" wrap="wrap">
                <Text size="sm">
                  {t('serviceApply.iin')} {e.personIin} · {t('desk.cohort.enrolledOn', { date: formatCivilDate(e.enrolledOn, locale) })}
                  {e.endedOn ? ` · ${t('desk.cohort.endedOn', { date: formatCivilDate(e.endedOn, locale) })}` : ''}
                </Text>
                <Badge variant="light" tt="none" data-testid="member-status">
                  {t(`desk.cohort.status.${e.status}` as MessageId)}
                </Badge>
              </Group>
              {e.expulsionGround && (
                <Text size="sm" c="dimmed">
                  {t(`desk.cohort.ground.${e.expulsionGround}` as MessageId)}
                  {e.expulsionReasons ? `: ${e.expulsionReasons}` : ''}
                </Text>
              )}
              {e.status === 'enrolled' && <EnrolmentActions cohortId={c.id} enrolmentId={e.id} onDone={onDone} />}
            </Card>
          ))}
        </Stack>
      )}
      {mine.length === 0 ? (
        <Text size="sm" c="dimmed" mt="xs">
          {t('desk.cohort.noContracts')}
        </Text>
      ) : (
        <Group align="end" gap="xs" mt="sm" wrap="wrap">
          <NativeSelect
            label={t('desk.cohort.contract')}
            value={chosen}
            onChange={(e) => setApplicationId(e.currentTarget.value)}
            data={mine.map((a) => ({
              value: a.id,
              label: `${a.content.project.name} · ${a.recipientKind === 'legal-entity' ? `${t('form.bin')} ${a.recipientId}` : t('serviceApply.kind.individual')}`,
            }))}
            error={errors.applicationId}
            w={{ base: '100%', sm: 320 }}
            data-testid="enrol-contract"
          />
          <TextInput
            label={t('serviceApply.iin')}
            value={iin}
            onChange={(e) => setIin(e.currentTarget.value)}
            error={errors.personIin}
            inputMode="numeric"
            w={{ base: '100%', sm: 200 }}
            data-testid="enrol-iin"
          />
          <Button loading={enrol.isPending} onClick={() => void send()} data-testid="enrol">
            {t('desk.cohort.enrol')}
          </Button>
        </Group>
      )}
      <FormAlert text={errors.form ?? errors.cohortId} />
    </Card>
  );
}

export interface DeskPurchase {
  id: string;
  subject: string;
  offersRequired: number;
  status: 'collecting' | 'chosen';
  chosenOfferId: string | null;
  choiceReason: string | null;
  offers: { id: string; supplierName: string; supplierBin: string; amountTiyn: number; offeredOn: string; documentRef: string }[];
}

/** F-56 ¶2: one purchase — its offers, a new offer (tenge typed, integer tiyn sent), the choice with its reason. */
export function PurchaseCard({ p, onDone }: { p: DeskPurchase; onDone: () => Promise<void> }) {
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  const path = { params: { path: { id: p.id } } };
  const empty = { supplierName: '', supplierBin: '', amount: '', offeredOn: '', documentRef: '' };
  const [offer, setOffer] = useState(empty);
  const [offerId, setOfferId] = useState('');
  const [reason, setReason] = useState('');
  const { errors, setErrors, run } = useDeskForm();
  const add = useCommand(async (body: { supplierName: string; supplierBin: string; amountTiyn: number; offeredOn: string; documentRef: string }, key: string) =>
    ok(await api.POST('/api/services/purchases/{id}/offers', { ...path, body, ...idempotent(key) })),
  );
  const choose = useCommand(async (body: { offerId: string; reason?: string }, key: string) =>
    ok(await api.POST('/api/services/purchases/{id}/choice', { ...path, body, ...idempotent(key) })),
  );
  const cheapest = p.offers.reduce<number | null>((min, o) => (min === null || o.amountTiyn < min ? o.amountTiyn : min), null);
  const chosenId = offerId || p.offers[0]?.id || '';
  const notCheapest = p.offers.find((o) => o.id === chosenId)?.amountTiyn !== cheapest;
  const chosen = p.offers.find((o) => o.id === p.chosenOfferId);
  const enough = p.offers.length >= p.offersRequired;
  /** One text field of the offer form: its value, its server error (the API's field name) and its test id. */
  const field = (
    k: Exclude<keyof typeof empty, 'offeredOn'>,
    label: string,
    apiField: string,
    width: number,
    testId: string,
    inputMode?: 'numeric' | 'decimal',
  ) => (
    <TextInput
      label={label}
      value={offer[k]}
      onChange={(e) => setOffer({ ...offer, [k]: e.currentTarget.value })}
      error={errors[apiField]}
      inputMode={inputMode}
      w={{ base: '100%', sm: width }}
      data-testid={testId}
    />
  );
  const sendOffer = async () => {
    // ADR 0036: the tenge typed become integer tiyn exactly (no float); a bad amount never leaves the page
    const tiyn = tengeToTiyn(offer.amount);
    if (tiyn === null || tiyn <= 0) return setErrors({ amountTiyn: t('problem.amount') });
    const body = {
      supplierName: offer.supplierName.trim(),
      supplierBin: offer.supplierBin.trim(),
      amountTiyn: tiyn,
      offeredOn: offer.offeredOn,
      documentRef: offer.documentRef.trim(),
    };
    await run(
      () => add.submit(body),
      async () => {
        setOffer(empty);
        await onDone();
      },
    );
  };
  const sendChoice = () => run(() => choose.submit({ offerId: chosenId, ...(reason.trim() ? { reason: reason.trim() } : {}) }), onDone);
  return (
    <Card withBorder data-testid="desk-purchase" data-status={p.status} data-id={p.id}>
      <Text fw={600}>{p.subject}</Text>
      <Text size="sm" data-testid="purchase-count">
        {t('desk.purchase.offers', { count: p.offers.length, required: p.offersRequired })}
      </Text>
      {p.offers.length > 0 && (
        <Table.ScrollContainer minWidth={520} mt="xs" type="native" tabIndex={0} role="region" aria-label={t('desk.purchase.offersTable')}>
          <Table striped withTableBorder data-testid="purchase-offers">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('desk.purchase.supplier')}</Table.Th>
                <Table.Th>{t('form.bin')}</Table.Th>
                <Table.Th>{t('desk.purchase.amount')}</Table.Th>
                <Table.Th>{t('desk.purchase.date')}</Table.Th>
                <Table.Th>{t('desk.purchase.document')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.offers.map((o) => (
                <Table.Tr key={o.id} data-testid="purchase-offer">
                  <Table.Td>
                    {o.supplierName}
                    {o.amountTiyn === cheapest ? ` · ${t('desk.purchase.cheapest')}` : ''}
                  </Table.Td>
                  <Table.Td>{o.supplierBin}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatTiyn(o.amountTiyn, locale)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatCivilDate(o.offeredOn, locale)}</Table.Td>
                  <Table.Td>{o.documentRef}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {chosen && (
        <Text size="sm" mt="xs" data-testid="purchase-chosen">
          {t('desk.purchase.chosen', { supplier: chosen.supplierName, amount: formatTiyn(chosen.amountTiyn, locale) })}
          {p.choiceReason ? ` · ${p.choiceReason}` : ''}
        </Text>
      )}
      {p.status === 'collecting' && (
        <Stack gap="xs" mt="sm">
          <Group align="start" gap="xs" wrap="wrap">
            {field('supplierName', t('desk.purchase.supplier'), 'supplierName', 240, 'offer-supplier')}
            {field('supplierBin', t('form.bin'), 'supplierBin', 160, 'offer-bin', 'numeric')}
            {field('amount', t('billing.amount'), 'amountTiyn', 160, 'offer-amount', 'decimal')}
            <DateField
              label={t('desk.purchase.date')}
              value={offer.offeredOn}
              onChange={(offeredOn) => setOffer({ ...offer, offeredOn })}
              error={errors.offeredOn}
              w={{ base: '100%', sm: 170 }}
              data-testid="offer-date"
            />
            {field('documentRef', t('desk.purchase.document'), 'documentRef', 200, 'offer-document')}
          </Group>
          <Group>
            <Button variant="light" loading={add.isPending} onClick={() => void sendOffer()} data-testid="add-offer">
              {t('desk.purchase.addOffer')}
            </Button>
          </Group>
          {p.offers.length > 0 && (
            <Group align="end" gap="xs" wrap="wrap">
              <NativeSelect
                label={t('desk.purchase.choose')}
                value={chosenId}
                onChange={(e) => setOfferId(e.currentTarget.value)}
                data={p.offers.map((o) => ({ value: o.id, label: `${o.supplierName} · ${formatTiyn(o.amountTiyn, locale)}` }))}
                error={errors.offerId}
                w={{ base: '100%', sm: 300 }}
                data-testid="choice-offer"
              />
              <Textarea
                label={notCheapest ? t('desk.purchase.reasonRequired') : t('desk.purchase.reason')}
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
                error={errors.reason}
                autosize
                w={{ base: '100%', sm: 320 }}
                data-testid="choice-reason"
              />
              <Button loading={choose.isPending} onClick={() => void sendChoice()} data-testid="choose-offer">
                {t('desk.purchase.chooseButton')}
              </Button>
            </Group>
          )}
          {p.offers.length > 0 && !enough && (
            <Text size="sm" c="dimmed">
              {t('desk.purchase.notEnough', { required: p.offersRequired })}
            </Text>
          )}
        </Stack>
      )}
      <FormAlert text={errors.form ?? errors.offers} />
    </Card>
  );
}

/** A service of the catalogue as the opening forms need it. */
export interface DeskService {
  id: string;
  title: string;
  direction: string;
  delivery: 'fund' | 'third-party';
}
/** A published call: its intake window (F-47, F-55). */
export interface DeskCall {
  serviceId: string;
  publishedOn: string;
  intakeOpensOn: string;
}

/** F-44: cohorts belong to acceleration and business-incubation services (services' COHORT_DIRECTIONS). */
const COHORT_DIRECTIONS = ['acceleration', 'business-incubation'];

/**
 * F-44 with F-55: the first day a cohort of the service may start — the earliest intake opening of its
 * published calls (each put by services at least the data's lead of calendar months after the call's
 * publication, so nobody is contracted before), and never before today. Null when no call is published.
 */
export function earliestCohortStart(calls: readonly DeskCall[], serviceId: string, today: string): string | null {
  const opens = calls.filter((c) => c.serviceId === serviceId).map((c) => c.intakeOpensOn);
  if (opens.length === 0) return null;
  const first = opens.reduce((a, b) => (b < a ? b : a));
  return first > today ? first : today;
}

function OpeningCard({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <Card withBorder data-testid={testId}>
      <Text fw={600}>{title}</Text>
      {children}
    </Card>
  );
}

/** F-44: the officer opens a cohort — service, title, town (KATO code and name), dates and seats; the server's problems on their fields. */
export function OpenCohortForm({ services, calls, today, onDone }: { services: DeskService[]; calls: DeskCall[]; today: string; onDone: () => Promise<void> }) {
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  const mine = services.filter((s) => COHORT_DIRECTIONS.includes(s.direction));
  const empty = { serviceId: '', title: '', katoCode: '', townName: '', startsOn: '', endsOn: '', capacity: '' };
  const [form, setForm] = useState(empty);
  const { errors, setErrors, run } = useDeskForm();
  const open = useCommand(
    async (
      body: { serviceId: string; title: string; town: { katoCode: string; name: string }; startsOn: string; endsOn: string; capacity: number },
      key: string,
    ) => ok(await api.POST('/api/services/cohorts', { body, ...idempotent(key) })),
  );
  const serviceId = form.serviceId || mine[0]?.id || '';
  const earliest = earliestCohortStart(calls, serviceId, today);
  const text = (k: 'title' | 'katoCode' | 'townName' | 'capacity', label: string, apiField: string, width: number, inputMode?: 'numeric') => (
    <TextInput
      label={label}
      value={form[k]}
      onChange={(e) => setForm({ ...form, [k]: e.currentTarget.value })}
      error={errors[apiField]}
      inputMode={inputMode}
      w={{ base: '100%', sm: width }}
      data-testid={`cohort-${k}`}
    />
  );
  const send = async () => {
    const capacity = Number(form.capacity);
    if (!/^\d+$/.test(form.capacity.trim()) || capacity < 1) return setErrors({ capacity: t('problem.tooSmall') });
    const body = {
      serviceId,
      title: form.title.trim(),
      town: { katoCode: form.katoCode.trim(), name: form.townName.trim() },
      startsOn: form.startsOn,
      endsOn: form.endsOn,
      capacity,
    };
    await run(
      () => open.submit(body),
      async () => {
        setForm(empty);
        await onDone();
      },
    );
  };
  if (mine.length === 0) return null;
  return (
    <OpeningCard title={t('desk.cohort.open')} testId="open-cohort">
      <Group align="start" gap="xs" mt="xs" wrap="wrap">
        <NativeSelect
          label={t('desk.service')}
          value={serviceId}
          onChange={(e) => setForm({ ...form, serviceId: e.currentTarget.value })}
          data={mine.map((s) => ({ value: s.id, label: s.title }))}
          error={errors.serviceId}
          w={{ base: '100%', sm: 280 }}
          data-testid="cohort-service"
        />
        {text('title', t('desk.cohort.title'), 'title', 240)}
        {text('katoCode', t('desk.cohort.kato'), 'town.katoCode', 140, 'numeric')}
        {text('townName', t('desk.cohort.town'), 'town.name', 160)}
      </Group>
      <Group align="start" gap="xs" mt="xs" wrap="wrap">
        <DateField
          label={t('desk.cohort.startsOn')}
          value={form.startsOn}
          onChange={(startsOn) => setForm({ ...form, startsOn })}
          minDate={earliest ?? undefined}
          error={errors.startsOn}
          w={{ base: '100%', sm: 200 }}
          data-testid="cohort-startsOn"
        />
        <DateField
          label={t('desk.cohort.endsOn')}
          value={form.endsOn}
          onChange={(endsOn) => setForm({ ...form, endsOn })}
          minDate={form.startsOn || earliest || undefined}
          error={errors.endsOn}
          w={{ base: '100%', sm: 200 }}
          data-testid="cohort-endsOn"
        />
        {text('capacity', t('desk.cohort.capacity'), 'capacity', 120, 'numeric')}
      </Group>
      <Text size="sm" c="dimmed" mt={4} data-testid="cohort-earliest">
        {earliest ? t('desk.cohort.earliest', { date: formatCivilDate(earliest, locale) }) : t('desk.cohort.noCall')}
      </Text>
      <Group mt="xs">
        <Button loading={open.isPending} onClick={() => void send()} data-testid="open-cohort-button">
          {t('desk.cohort.openButton')}
        </Button>
      </Group>
      <FormAlert text={errors.form} />
    </OpeningCard>
  );
}

/** F-56 ¶2: the officer opens a purchase for a service a third party delivers; the number of offers required comes from services' data. */
export function OpenPurchaseForm({ services, onDone }: { services: DeskService[]; onDone: () => Promise<void> }) {
  const t = useT();
  const api = useApi();
  const mine = services.filter((s) => s.delivery === 'third-party');
  const [serviceId, setServiceId] = useState('');
  const [subject, setSubject] = useState('');
  const { errors, run } = useDeskForm();
  const open = useCommand(async (body: { serviceId: string; subject: string }, key: string) =>
    ok(await api.POST('/api/services/purchases', { body, ...idempotent(key) })),
  );
  const chosen = serviceId || mine[0]?.id || '';
  if (mine.length === 0) return null;
  const send = () =>
    run(
      () => open.submit({ serviceId: chosen, subject: subject.trim() }),
      async () => {
        setSubject('');
        await onDone();
      },
    );
  return (
    <OpeningCard title={t('desk.purchase.open')} testId="open-purchase">
      <Group align="start" gap="xs" mt="xs" wrap="wrap">
        <NativeSelect
          label={t('desk.service')}
          value={chosen}
          onChange={(e) => setServiceId(e.currentTarget.value)}
          data={mine.map((s) => ({ value: s.id, label: s.title }))}
          error={errors.serviceId}
          w={{ base: '100%', sm: 280 }}
          data-testid="purchase-service"
        />
        <TextInput
          label={t('desk.purchase.subject')}
          value={subject}
          onChange={(e) => setSubject(e.currentTarget.value)}
          error={errors.subject}
          w={{ base: '100%', sm: 360 }}
          data-testid="purchase-subject"
        />
      </Group>
      <Group mt="xs">
        <Button loading={open.isPending} onClick={() => void send()} data-testid="open-purchase-button">
          {t('desk.purchase.openButton')}
        </Button>
      </Group>
      <FormAlert text={errors.form} />
    </OpeningCard>
  );
}
