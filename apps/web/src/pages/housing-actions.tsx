import { Alert, Button, Card, Group, NativeSelect, NumberInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useApi } from '../api/api-context';
import { fieldErrors, idempotent, ok } from '../api/client';
import { useCommand } from '../api/command';
import { DocumentUpload } from '../forms/document-field';
import { useT } from '../i18n/i18n';

/** Today in Almaty (the Fund's civil date), as YYYY-MM-DD. */
export const todayInAlmaty = (): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty' }).format(new Date());

export interface UnitRow {
  readonly id: string;
  readonly code: string;
  readonly kind: 'dwelling' | 'premises';
  readonly premisesKind: string | null;
  readonly inventory: readonly { item: string; quantity: number }[];
  readonly meters: readonly { code: string; kind: string }[];
}

/** A dwelling as the bed choice needs it: its town and its rooms with their beds. */
export interface DwellingRow {
  readonly id: string;
  readonly code: string;
  readonly kind: 'dwelling' | 'premises';
  readonly townKatoCode: string;
  readonly rooms: readonly { code: string; beds: readonly string[] }[];
}

/** The allocations' statuses that hold a bed (ADR 0059: the exclusion constraint covers exactly these). */
const HOLDING = new Set(['offered', 'contracted', 'occupied', 'vacating']);

/**
 * F-62, F-59 (ADR 0059): the housing manager offers a chosen bed of a chosen dwelling of the person's
 * town to a waiting person (`POST /allocations`) — beds already held are shown held and cannot be
 * chosen; a bed taken meanwhile is refused by the database's exclusion constraint (409), shown here.
 */
export function OfferBed({
  caseId,
  townKatoCode,
  units,
  held,
  onDone,
}: {
  caseId: string;
  townKatoCode: string;
  units: readonly DwellingRow[];
  held: readonly { unitId: string; bed: string; status: string }[];
  onDone: () => void;
}) {
  const t = useT();
  const api = useApi();
  const refresh = useRefresh();
  const dwellings = units.filter((u) => u.kind === 'dwelling' && u.townKatoCode === townKatoCode);
  const [unitId, setUnitId] = useState(dwellings[0]?.id ?? '');
  const taken = new Set(held.filter((a) => HOLDING.has(a.status) && a.unitId === unitId).map((a) => a.bed));
  const beds = (dwellings.find((u) => u.id === unitId)?.rooms ?? []).flatMap((r) => r.beds.map((b) => ({ place: `${r.code}/${b}`, room: r.code, bed: b })));
  const [bed, setBed] = useState('');
  const chosen = bed && !taken.has(bed) && beds.some((b) => b.place === bed) ? bed : (beds.find((b) => !taken.has(b.place))?.place ?? '');
  const [error, setError] = useState<string | null>(null);
  const offer = useCommand(async (body: { caseId: string; unitId: string; bed: string }, key: string) =>
    ok(await api.POST('/api/housing/allocations', { body, ...idempotent(key) })),
  );
  const send = async () => {
    setError(null);
    try {
      await offer.submit({ caseId, unitId, bed: chosen });
      await refresh();
      onDone();
    } catch (e) {
      setError(errorText(e));
    }
  };
  if (dwellings.length === 0)
    return (
      <Text size="xs" data-testid="offer-bed-none">
        {t('housingActions.noDwelling')}
      </Text>
    );
  return (
    <Stack gap={4} data-testid="offer-bed-form">
      <NativeSelect
        label={t('housingActions.dwelling')}
        data={dwellings.map((u) => ({ value: u.id, label: u.code }))}
        value={unitId}
        onChange={(e) => {
          setUnitId(e.currentTarget.value);
          setBed('');
        }}
        size="xs"
        data-testid="offer-bed-unit"
      />
      <NativeSelect
        label={t('housingActions.bed')}
        data={beds.map((b) => ({
          value: b.place,
          label: `${t('housingActions.roomBed', { room: b.room, bed: b.bed })}${taken.has(b.place) ? ` · ${t('housingActions.bedHeld')}` : ''}`,
          disabled: taken.has(b.place),
        }))}
        value={chosen}
        onChange={(e) => setBed(e.currentTarget.value)}
        size="xs"
        data-testid="offer-bed-bed"
      />
      <Group gap="xs">
        <Button size="xs" onClick={() => void send()} loading={offer.isPending} disabled={!chosen} data-testid="offer-bed-send">
          {t('housingActions.offerBed')}
        </Button>
        <Button size="xs" variant="default" onClick={onDone}>
          {t('housingActions.cancel')}
        </Button>
      </Group>
      {error && (
        <Text size="xs" c="#a51d1d" role="alert" data-testid="offer-bed-error">
          {error}
        </Text>
      )}
    </Stack>
  );
}

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Refreshes every list of the housing manager's console after a command. */
function useRefresh() {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all(
      ['housing-waitlist', 'housing-allocations', 'housing-premises-leases', 'housing-units'].map((k) => queryClient.invalidateQueries({ queryKey: [k] })),
    );
  };
}

/** F-62 (ADR 0056, 0057): the housing manager offers the next free bed of a town to the first eligible person of the waitlist. */
export function OfferNextButton({ townKatoCode }: { townKatoCode: string }) {
  const t = useT();
  const api = useApi();
  const refresh = useRefresh();
  // the answer is kept as data and rendered in the current language (the language can change after the click)
  const [message, setMessage] = useState<{ ok: true; count: number } | { ok: false; text: string } | null>(null);
  const offer = useCommand(async (town: string, key: string) =>
    ok(await api.POST('/api/housing/waitlist/offer-next', { body: { townKatoCode: town }, ...idempotent(key) })),
  );
  const send = async () => {
    setMessage(null);
    try {
      const { offers } = await offer.submit(townKatoCode);
      setMessage({ ok: true, count: offers.length });
      await refresh();
    } catch (e) {
      setMessage({ ok: false, text: errorText(e) });
    }
  };
  return (
    <Stack gap="xs" mb="sm">
      <Group>
        <Button onClick={() => void send()} loading={offer.isPending} data-testid="offer-next">
          {t('housingActions.offerNext')}
        </Button>
      </Group>
      {message && (
        <Alert color={message.ok ? 'green' : 'red'} variant="light" data-testid={message.ok ? 'offer-next-done' : 'offer-next-error'}>
          {message.ok ? t('housingActions.offered', { count: message.count }) : message.text}
        </Alert>
      )}
    </Stack>
  );
}

/** F-57, F-58: allocate requested premises to a unit of the Fund's premises. */
export function AllocatePremises({ leaseId, units }: { leaseId: string; units: readonly UnitRow[] }) {
  const t = useT();
  const api = useApi();
  const refresh = useRefresh();
  const premises = units.filter((u) => u.kind === 'premises');
  const [unitId, setUnitId] = useState(premises[0]?.id ?? '');
  const [error, setError] = useState<string | null>(null);
  const allocate = useCommand(async (body: { unitId: string }, key: string) =>
    ok(await api.POST('/api/housing/premises-leases/{id}/allocate', { params: { path: { id: leaseId } }, body, ...idempotent(key) })),
  );
  const send = async () => {
    setError(null);
    try {
      await allocate.submit({ unitId });
      await refresh();
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <Stack gap={4}>
      <Stack gap={4}>
        <NativeSelect
          aria-label={t('housingActions.unit')}
          data={premises.map((u) => ({ value: u.id, label: u.code }))}
          value={unitId}
          onChange={(e) => setUnitId(e.currentTarget.value)}
          size="xs"
          data-testid="allocate-unit"
        />
        <Button size="xs" onClick={() => void send()} loading={allocate.isPending} disabled={!unitId} data-testid="allocate-premises">
          {t('housingActions.allocate')}
        </Button>
      </Stack>
      {error && (
        <Text size="xs" c="#a51d1d" data-testid="allocate-error">
          {error}
        </Text>
      )}
    </Stack>
  );
}

/** F-58: the housing manager records that the use of premises ends (the first day no longer used). */
export function ReleasePremises({ leaseId }: { leaseId: string }) {
  const t = useT();
  const api = useApi();
  const refresh = useRefresh();
  const [from, setFrom] = useState(todayInAlmaty());
  const [error, setError] = useState<string | null>(null);
  const release = useCommand(async (body: { from: string }, key: string) =>
    ok(await api.POST('/api/housing/premises-leases/{id}/release', { params: { path: { id: leaseId } }, body, ...idempotent(key) })),
  );
  const send = async () => {
    setError(null);
    try {
      await release.submit({ from });
      await refresh();
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <Stack gap={4}>
      <Stack gap={4}>
        <TextInput
          type="date"
          aria-label={t('housingActions.releaseFrom')}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
          size="xs"
          data-testid="release-from"
        />
        <Button size="xs" variant="default" onClick={() => void send()} loading={release.isPending} data-testid="release-premises">
          {t('housingActions.release')}
        </Button>
      </Stack>
      {error && (
        <Text size="xs" c="#a51d1d" data-testid="release-error">
          {error}
        </Text>
      )}
    </Stack>
  );
}

export type ActTarget =
  | { readonly kind: 'check-in'; readonly allocationId: string; readonly where: string; readonly unit: UnitRow | undefined }
  | { readonly kind: 'acceptance-transfer'; readonly allocationId: string; readonly where: string; readonly unit: UnitRow | undefined }
  | { readonly kind: 'premises-hand-back'; readonly leaseId: string; readonly bin: string; readonly where: string; readonly unit: UnitRow | undefined };

/**
 * An act the housing manager signs (F-60 check-in, F-61 acceptance-transfer, F-58 premises hand-back,
 * ADR 0053): the day, the condition, the inventory found against the unit's list, the meter readings
 * and — on hand-back — damages in tiyn (integer minor units). The act may carry the signed scan,
 * uploaded here to documents and named by id: a dwelling's as the Fund's own `dwelling-act` (ADR 0110),
 * premises' as the company's `handover-act`, uploaded by the housing manager for the company (ADR 0124, F-35).
 */
export function ActForm({ target, onDone }: { target: ActTarget; onDone: () => void }) {
  const t = useT();
  const api = useApi();
  const refresh = useRefresh();
  const inventory = target.unit?.inventory ?? [];
  const meters = target.unit?.meters ?? [];
  const [signedOn, setSignedOn] = useState(todayInAlmaty());
  const [condition, setCondition] = useState('');
  const [found, setFound] = useState<number[]>(inventory.map((i) => i.quantity));
  const [readings, setReadings] = useState<string[]>(meters.map(() => ''));
  const [damage, setDamage] = useState('');
  const [damageTiyn, setDamageTiyn] = useState<number>(0);
  // ADR 0110, 0124: the signed act's scan (uploaded to documents; only its id is sent)
  const [scan, setScan] = useState<string | null>(null);
  const dwelling = target.kind !== 'premises-hand-back';
  const [errors, setErrors] = useState<Record<string, string>>({});
  const sign = useCommand(async (body: Record<string, unknown>, key: string) => {
    if (target.kind === 'premises-hand-back')
      return ok(
        await api.POST('/api/housing/premises-leases/{id}/handover', { params: { path: { id: target.leaseId } }, body: body as never, ...idempotent(key) }),
      );
    if (target.kind === 'check-in')
      return ok(
        await api.POST('/api/housing/allocations/{id}/check-in', { params: { path: { id: target.allocationId } }, body: body as never, ...idempotent(key) }),
      );
    return ok(
      await api.POST('/api/housing/allocations/{id}/handover', { params: { path: { id: target.allocationId } }, body: body as never, ...idempotent(key) }),
    );
  });
  const handBack = target.kind !== 'check-in';
  const send = async () => {
    setErrors({});
    const body: Record<string, unknown> = {
      signedOn,
      condition,
      inventory: inventory.map((i, n) => ({ item: i.item, expected: i.quantity, found: found[n] ?? 0 })),
      meterReadings: meters.map((m, n) => ({ meter: m.code, reading: readings[n] ?? '' })),
      ...(handBack ? { damages: damage.trim() ? [{ description: damage.trim(), amountTiyn: damageTiyn }] : [] } : {}),
      ...(scan ? { documentId: scan } : {}),
    };
    try {
      await sign.submit(body);
      await refresh();
      onDone();
    } catch (e) {
      setErrors({ ...fieldErrors(e), form: errorText(e) });
    }
  };
  const title =
    target.kind === 'check-in' ? t('housing.act.checkIn') : target.kind === 'acceptance-transfer' ? t('housing.act.handover') : t('housingActions.premisesAct');
  return (
    <Card withBorder mt="sm" data-testid="act-form" data-kind={target.kind}>
      <Title order={4} size="h5" mb="xs">
        {title} · {target.where}
      </Title>
      <Stack gap="xs" maw={520}>
        <TextInput
          type="date"
          label={t('housing.col.signedOn')}
          value={signedOn}
          onChange={(e) => setSignedOn(e.currentTarget.value)}
          error={errors.signedOn}
          data-testid="act-signed-on"
        />
        <TextInput
          label={t('myHousing.col.condition')}
          value={condition}
          onChange={(e) => setCondition(e.currentTarget.value)}
          error={errors.condition}
          required
          data-testid="act-condition"
        />
        {inventory.map((i, n) => (
          <NumberInput
            key={i.item}
            label={t('housingActions.found', { item: i.item, expected: i.quantity })}
            value={found[n]}
            min={0}
            allowDecimal={false}
            onChange={(v) => setFound((f) => f.map((x, k) => (k === n ? Number(v) || 0 : x)))}
            data-testid={`act-found-${n}`}
          />
        ))}
        {meters.map((m, n) => (
          <TextInput
            key={m.code}
            label={t('housingActions.meter', { meter: m.code })}
            value={readings[n]}
            inputMode="decimal"
            onChange={(e) => {
              const v = e.currentTarget.value;
              setReadings((r) => r.map((x, k) => (k === n ? v : x)));
            }}
            error={errors[`meterReadings.${n}.reading`]}
            data-testid={`act-meter-${n}`}
          />
        ))}
        {handBack && (
          <Group grow>
            <TextInput label={t('housingActions.damage')} value={damage} onChange={(e) => setDamage(e.currentTarget.value)} data-testid="act-damage" />
            <NumberInput
              label={t('housingActions.damageTiyn')}
              value={damageTiyn}
              min={0}
              allowDecimal={false}
              onChange={(v) => setDamageTiyn(Number(v) || 0)}
              data-testid="act-damage-tiyn"
            />
          </Group>
        )}
        {dwelling ? (
          <DocumentUpload testId="act-scan" kind="dwelling-act" label="housingActions.scan" value={scan} onChange={setScan} error={errors.documentId} />
        ) : (
          target.kind === 'premises-hand-back' && (
            <DocumentUpload
              testId="act-scan"
              kind="handover-act"
              bin={target.bin}
              label="housingActions.premisesScan"
              value={scan}
              onChange={setScan}
              error={errors.documentId}
            />
          )
        )}
        {errors.form && (
          <Alert color="red" variant="light" data-testid="act-error">
            {errors.form}
          </Alert>
        )}
        <Group>
          <Button onClick={() => void send()} loading={sign.isPending} data-testid="act-sign">
            {t('housingActions.sign')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('housingActions.cancel')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
