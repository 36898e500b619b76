import { Badge, Button, Card, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { createLazyRoute } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { useApi } from '../api/api-context';
import { mayCall, ok } from '../api/client';
import { useSession } from '../auth/auth-context';
import { formatCivilDate, formatInstantDate } from '../format';
import { useLocale, useT } from '../i18n/i18n';
import type { MessageId } from '../i18n/locales';
import { RequireAccess } from '../ui/guard';
import { Empty, ErrorState, Loading } from '../ui/states';
import '../ui/lazy-styles';
import { DocumentLink } from '../forms/document-field';
import { BuildingsCard, OutOfServiceForm, RegisterUnitForm } from './housing-inventory';
import { ActForm, type ActTarget, AllocatePremises, OfferBed, OfferNextButton, ReleasePremises } from './housing-actions';

interface ActJson {
  readonly kind?: string;
  readonly signedOn?: string;
  readonly documentId?: string | null;
}
const actOf = (v: unknown): ActJson | null => (v && typeof v === 'object' ? v : null);

/**
 * The housing manager's console (issue #14, F-57 … F-62): the Fund's dwellings and premises, a
 * town's waitlist in its published order (F-62, ADR 0056: enrolment date, cohort start, request
 * time — no names, F-42), the offers and allocations with their acceptance and vacate days, the
 * signed acts, and the participants' premises with the hand-back day (F-58, ADR 0053).
 * The housing manager acts here too (what the API lets the role do): offer the next free bed to the
 * waitlist (F-62), sign the check-in (F-60) and acceptance-transfer (F-61) acts, allocate requested
 * premises, record their release and sign the act handing them back (F-57, F-58).
 */
function HousingStaffPage() {
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  const session = useSession();
  const [actTarget, setActTarget] = useState<ActTarget | null>(null);
  const [outOfService, setOutOfService] = useState<string | null>(null);
  const [offerFor, setOfferFor] = useState<string | null>(null);
  const units = useQuery({ queryKey: ['housing-units'], queryFn: async () => ok(await api.GET('/api/housing/units', {})) });
  const towns = [...new Set((units.data ?? []).map((u) => u.townKatoCode))].sort();
  const [chosenTown, setTown] = useState<string | null>(null);
  const town = chosenTown ?? towns[0] ?? null;
  const waitlist = useQuery({
    queryKey: ['housing-waitlist', town],
    enabled: town !== null,
    queryFn: async () => ok(await api.GET('/api/housing/waitlist', { params: { query: { townKatoCode: town! } } })),
  });
  const allocations = useQuery({ queryKey: ['housing-allocations'], queryFn: async () => ok(await api.GET('/api/housing/allocations', {})) });
  const leases = useQuery({ queryKey: ['housing-premises-leases'], queryFn: async () => ok(await api.GET('/api/housing/premises-leases', {})) });
  const unitCode = (id: string | null) => (id ? (units.data?.find((u) => u.id === id)?.code ?? id.slice(0, 8)) : '—');
  const date = (d: string | null | undefined) => (d ? formatCivilDate(d, locale) : '—');
  const unitOf = (id: string | null) => units.data?.find((u) => u.id === id);
  const may = {
    offer: mayCall(session, 'POST /api/housing/waitlist/offer-next'),
    offerBed: mayCall(session, 'POST /api/housing/allocations'),
    checkIn: mayCall(session, 'POST /api/housing/allocations/{id}/check-in'),
    handover: mayCall(session, 'POST /api/housing/allocations/{id}/handover'),
    allocate: mayCall(session, 'POST /api/housing/premises-leases/{id}/allocate'),
    release: mayCall(session, 'POST /api/housing/premises-leases/{id}/release'),
    handBack: mayCall(session, 'POST /api/housing/premises-leases/{id}/handover'),
    registerBuilding: mayCall(session, 'POST /api/housing/buildings'),
    registerUnit: mayCall(session, 'POST /api/housing/buildings/{id}/units'),
    outOfService: mayCall(session, 'POST /api/housing/units/{id}/out-of-service'),
  };
  const leaseActions = (l: { id: string; status: string; unitId: string | null; bin: string }): ReactNode => {
    const where = `${unitCode(l.unitId)} · ${t('form.bin')} ${l.bin}`;
    if (l.status === 'requested' && may.allocate) return <AllocatePremises leaseId={l.id} units={units.data ?? []} />;
    return (
      <Stack gap={4}>
        {l.status === 'allocated' && may.release && <ReleasePremises leaseId={l.id} />}
        {(l.status === 'allocated' || l.status === 'handover-due') && may.handBack && (
          <Button
            size="xs"
            variant="light"
            onClick={() => setActTarget({ kind: 'premises-hand-back', leaseId: l.id, bin: l.bin, where, unit: unitOf(l.unitId) })}
            data-testid="premises-act"
          >
            {t('housingActions.premisesAct')}
          </Button>
        )}
      </Stack>
    );
  };

  const acts = [
    ...(allocations.data ?? []).flatMap((a) =>
      [actOf(a.checkInAct), actOf(a.handoverAct)]
        .filter((x): x is ActJson => x !== null)
        .map((act) => ({ key: `${a.id}-${act.kind}`, where: `${unitCode(a.unitId)} · ${a.bed}`, act, leaseId: null })),
    ),
    ...(leases.data ?? []).flatMap((l) => {
      const act = actOf(l.handoverAct);
      return act ? [{ key: `${l.id}-premises`, where: `${unitCode(l.unitId)} · ${t('form.bin')} ${l.bin}`, act, leaseId: l.id }] : [];
    }),
  ];

  return (
    <Stack gap="md" maw={1100}>
      <Title order={2}>{t('housing.title')}</Title>
      <Text c="dimmed" size="sm">
        {t('housing.intro')}
      </Text>

      <BuildingsCard canRegister={may.registerBuilding} />

      <Card withBorder>
        <Title order={3} size="h4" mb="xs">
          {t('housing.units')}
        </Title>
        {units.isPending ? (
          <Loading />
        ) : units.isError ? (
          <ErrorState error={units.error} onRetry={() => void units.refetch()} />
        ) : units.data.length === 0 ? (
          <Empty>{t('housing.units.none')}</Empty>
        ) : (
          // Phones scroll the table sideways instead of squeezing six columns into 375 px.
          <Table.ScrollContainer minWidth={860} type="native" tabIndex={0} role="region" aria-label={t('housingInventory.unitsRegion')}>
            <Table striped layout="fixed" fz="sm" data-testid="housing-units">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w="10%">{t('housing.col.unit')}</Table.Th>
                  <Table.Th w="17%">{t('housing.col.kind')}</Table.Th>
                  <Table.Th w="11%">{t('housing.col.capacity')}</Table.Th>
                  <Table.Th w="24%">{t('housingInventory.col.details')}</Table.Th>
                  <Table.Th w="12%">{t('housing.col.town')}</Table.Th>
                  <Table.Th w="26%">{t('housingInventory.col.outOfService')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {units.data.map((u) => (
                  <Table.Tr key={u.id} data-kind={u.kind}>
                    <Table.Td>{u.code}</Table.Td>
                    <Table.Td>
                      {u.kind === 'dwelling' ? t('housing.kind.dwelling') : t(`housing.premisesKind.${u.premisesKind ?? 'administrative'}` as MessageId)}
                    </Table.Td>
                    <Table.Td>
                      {u.kind === 'dwelling'
                        ? t('housing.beds', { count: u.rooms.reduce((n, r) => n + r.beds.length, 0) })
                        : t('housing.area', { area: u.areaM2 ?? '—' })}
                    </Table.Td>
                    <Table.Td data-testid="unit-details">
                      {u.kind === 'dwelling' ? (
                        <Stack gap={2}>
                          {u.rooms.map((r) => (
                            <Text size="sm" key={r.code} data-testid="unit-room">
                              {t('housingInventory.roomBeds', { room: r.code, beds: r.beds.join(', ') })}
                            </Text>
                          ))}
                          {u.inventory.length > 0 && (
                            <Text size="sm" data-testid="unit-inventory">
                              {u.inventory.map((i) => `${i.item} × ${i.quantity}`).join('; ')}
                            </Text>
                          )}
                          {u.meters.length > 0 && (
                            <Text size="sm" data-testid="unit-meters">
                              {u.meters.map((m) => `${m.code} (${t(`housingInventory.meterKind.${m.kind}` as MessageId)})`).join('; ')}
                            </Text>
                          )}
                        </Stack>
                      ) : (
                        '—'
                      )}
                    </Table.Td>
                    <Table.Td>{u.townKatoCode}</Table.Td>
                    <Table.Td data-testid="unit-out-of-service">
                      <Stack gap={4}>
                        {u.outOfService.length === 0 ? (
                          <Text size="sm">{t('housingInventory.inService')}</Text>
                        ) : (
                          u.outOfService.map((p) => (
                            <Text size="sm" key={`${p.from}-${p.to}`} data-testid="unit-out-of-service-period">
                              {date(p.from)} – {date(p.to)}: {p.reason}
                            </Text>
                          ))
                        )}
                        {may.outOfService &&
                          (outOfService === u.id ? (
                            <OutOfServiceForm unitId={u.id} onDone={() => setOutOfService(null)} />
                          ) : (
                            <Button
                              size="xs"
                              variant="light"
                              h="auto"
                              py={4}
                              styles={{ label: { whiteSpace: 'normal', textAlign: 'start' } }}
                              onClick={() => setOutOfService(u.id)}
                              data-testid="oos-open"
                            >
                              {t('housingInventory.outOfService')}
                            </Button>
                          ))}
                      </Stack>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {may.registerUnit && <RegisterUnitForm />}
      </Card>

      <Card withBorder>
        <Title order={3} size="h4" mb="xs">
          {t('housing.waitlist')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('housing.waitlist.order')}
        </Text>
        {towns.length > 1 && (
          <NativeSelect
            label={t('housing.col.town')}
            data={towns}
            value={town ?? ''}
            onChange={(e) => setTown(e.currentTarget.value)}
            maw={240}
            mb="sm"
            data-testid="waitlist-town"
          />
        )}
        {town !== null && may.offer && <OfferNextButton townKatoCode={town} />}
        {town === null ? (
          <Empty>{t('housing.waitlist.none')}</Empty>
        ) : waitlist.isPending ? (
          <Loading />
        ) : waitlist.isError ? (
          <ErrorState error={waitlist.error} onRetry={() => void waitlist.refetch()} />
        ) : waitlist.data.length === 0 ? (
          <Empty>{t('housing.waitlist.none')}</Empty>
        ) : (
          <Table striped layout="fixed" fz="sm" data-testid="housing-waitlist">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('housing.col.position')}</Table.Th>
                <Table.Th>{t('housing.col.enrolledOn')}</Table.Th>
                <Table.Th>{t('housing.col.cohortStartsOn')}</Table.Th>
                <Table.Th>{t('housing.col.requestedAt')}</Table.Th>
                {may.offerBed && <Table.Th>{t('housingActions.col')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {waitlist.data.map((w) => (
                <Table.Tr key={w.caseId} data-position={w.position}>
                  <Table.Td>{w.position}</Table.Td>
                  <Table.Td>{date(w.enrolledOn)}</Table.Td>
                  <Table.Td>{date(w.cohortStartsOn)}</Table.Td>
                  <Table.Td>{formatInstantDate(w.requestedAt, locale)}</Table.Td>
                  {may.offerBed && (
                    <Table.Td>
                      {offerFor === w.caseId ? (
                        <OfferBed
                          caseId={w.caseId}
                          townKatoCode={town}
                          units={units.data ?? []}
                          held={allocations.data ?? []}
                          onDone={() => setOfferFor(null)}
                        />
                      ) : (
                        // The label wraps inside the fixed-layout column (the kk label ran past the card's edge).
                        <Button
                          size="xs"
                          variant="light"
                          h="auto"
                          mih={30}
                          py={4}
                          maw="100%"
                          styles={{ label: { whiteSpace: 'normal', textAlign: 'center', lineHeight: 1.25 } }}
                          onClick={() => setOfferFor(w.caseId)}
                          data-testid="offer-bed"
                        >
                          {t('housingActions.chooseBed')}
                        </Button>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>

      <Card withBorder>
        <Title order={3} size="h4" mb="xs">
          {t('housing.offers')}
        </Title>
        {allocations.isPending ? (
          <Loading />
        ) : allocations.isError ? (
          <ErrorState error={allocations.error} onRetry={() => void allocations.refetch()} />
        ) : allocations.data.length === 0 ? (
          <Empty>{t('housing.offers.none')}</Empty>
        ) : (
          <Table.ScrollContainer minWidth={720} type="native" tabIndex={0} role="region" aria-label={t('housing.offers')}>
            <Table striped layout="fixed" fz="sm" data-testid="housing-offers">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('housing.col.place')}</Table.Th>
                  <Table.Th>{t('housing.col.status')}</Table.Th>
                  <Table.Th>{t('housing.col.acceptBy')}</Table.Th>
                  <Table.Th>{t('housing.col.contract')}</Table.Th>
                  <Table.Th>{t('housing.col.vacateBy')}</Table.Th>
                  {(may.checkIn || may.handover) && <Table.Th>{t('housingActions.col')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {allocations.data.map((a) => (
                  <Table.Tr key={a.id} data-status={a.status} data-overdue={String(a.vacateOverdue)}>
                    <Table.Td>
                      {unitCode(a.unitId)} · {a.bed}
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" tt="none">
                        {t(`allocationStatus.${a.status}` as MessageId)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{a.status === 'offered' ? date(a.acceptBy) : '—'}</Table.Td>
                    <Table.Td>{a.contractNumber ? t('housing.contractUntil', { number: a.contractNumber, date: date(a.contractEndsOn) }) : '—'}</Table.Td>
                    <Table.Td c={a.vacateOverdue ? '#a51d1d' : undefined}>
                      {a.vacateBy ? `${date(a.vacateBy)}${a.vacateOverdue ? ` · ${t('queue.overdue')}` : ''}` : '—'}
                    </Table.Td>
                    {(may.checkIn || may.handover) && (
                      <Table.Td>
                        {a.status === 'contracted' && may.checkIn && (
                          <Button
                            size="xs"
                            variant="light"
                            onClick={() =>
                              setActTarget({ kind: 'check-in', allocationId: a.id, where: `${unitCode(a.unitId)} · ${a.bed}`, unit: unitOf(a.unitId) })
                            }
                            data-testid="check-in-act"
                          >
                            {t('housingActions.checkIn')}
                          </Button>
                        )}
                        {a.status === 'vacating' && may.handover && (
                          <Button
                            size="xs"
                            variant="light"
                            onClick={() =>
                              setActTarget({
                                kind: 'acceptance-transfer',
                                allocationId: a.id,
                                where: `${unitCode(a.unitId)} · ${a.bed}`,
                                unit: unitOf(a.unitId),
                              })
                            }
                            data-testid="handover-act"
                          >
                            {t('housingActions.handover')}
                          </Button>
                        )}
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>

      <Card withBorder>
        <Title order={3} size="h4" mb="xs">
          {t('housing.premises')}
        </Title>
        {leases.isPending ? (
          <Loading />
        ) : leases.isError ? (
          <ErrorState error={leases.error} onRetry={() => void leases.refetch()} />
        ) : leases.data.length === 0 ? (
          <Empty>{t('housing.premises.none')}</Empty>
        ) : (
          <PremisesTable leases={leases.data} unitCode={unitCode} {...(may.allocate || may.release || may.handBack ? { actions: leaseActions } : {})} />
        )}
      </Card>

      {actTarget && <ActForm key={JSON.stringify(actTarget)} target={actTarget} onDone={() => setActTarget(null)} />}

      <Card withBorder>
        <Title order={3} size="h4" mb="xs">
          {t('housing.acts')}
        </Title>
        {acts.length === 0 ? (
          <Empty>{t('housing.acts.none')}</Empty>
        ) : (
          // Phones scroll the acts sideways: a BIN and a file name do not break (the screenshot showed them overlapping).
          <Table.ScrollContainer minWidth={640} type="native" tabIndex={0} role="region" aria-label={t('housing.acts')}>
            <Table striped layout="fixed" fz="sm" data-testid="housing-acts">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('housing.col.place')}</Table.Th>
                  <Table.Th>{t('housing.col.act')}</Table.Th>
                  <Table.Th>{t('housing.col.signedOn')}</Table.Th>
                  <Table.Th>{t('housing.col.scan')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {acts.map(({ key, where, act, leaseId }) => (
                  <Table.Tr key={key} data-kind={act.kind} data-scan={act.documentId ? 'yes' : 'no'}>
                    <Table.Td>{where}</Table.Td>
                    <Table.Td>{act.kind === 'check-in' ? t('housing.act.checkIn') : t('housing.act.handover')}</Table.Td>
                    <Table.Td>{date(act.signedOn)}</Table.Td>
                    <Table.Td>
                      {/* ADR 0110: a dwelling act's scan is the Fund's document, read by the housing manager and fund officers; ADR 0124: a premises act's
                          scans are the company's handover acts housing knows for the lease, read by the company and the housing manager (documents logs each download) */}
                      {leaseId ? <PremisesScans leaseId={leaseId} /> : act.documentId ? <DocumentLink id={act.documentId} /> : '—'}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
    </Stack>
  );
}

/** ADR 0124: the scans of a lease's hand-back act housing knows of — attached to the lease, or named by its act — each downloaded through documents. */
function PremisesScans({ leaseId }: { leaseId: string }) {
  const api = useApi();
  const scans = useQuery({
    queryKey: ['housing-premises-scans', leaseId],
    queryFn: async () => ok(await api.GET('/api/housing/premises-leases/{id}/scans', { params: { path: { id: leaseId } } })),
  });
  if (scans.isPending) return <Loading />;
  if (scans.isError) return <ErrorState error={scans.error} onRetry={() => void scans.refetch()} />;
  const ofAct = scans.data.filter((s) => s.state !== 'available');
  if (ofAct.length === 0) return <>—</>;
  return (
    <Stack gap={2} data-testid="premises-scans">
      {ofAct.map((s) => (
        <DocumentLink key={s.documentId} id={s.documentId} />
      ))}
    </Stack>
  );
}

interface LeaseRow {
  readonly id: string;
  readonly bin: string;
  readonly premisesKind: string;
  readonly unitId: string | null;
  readonly status: string;
  readonly startsOn: string;
  readonly endsOn: string;
  readonly handBackBy: string | null;
  readonly handBackOverdue: boolean;
}

/** Premises leases (F-57, F-58) with the hand-back day (ADR 0053); shared by the manager's console and the participant's page. */
export function PremisesTable({
  leases,
  unitCode,
  actions,
}: {
  leases: readonly LeaseRow[];
  unitCode?: (id: string | null) => string;
  /** The housing manager's actions on a lease (allocate, release, hand-back act), when the role may. */
  actions?: (lease: LeaseRow) => ReactNode;
}) {
  const t = useT();
  const { locale } = useLocale();
  const date = (d: string | null) => (d ? formatCivilDate(d, locale) : '—');
  return (
    <Table.ScrollContainer minWidth={720} type="native" tabIndex={0} role="region" aria-label={t('housing.premises')}>
      <Table striped layout="fixed" fz="sm" data-testid="premises-leases">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('form.bin')}</Table.Th>
            <Table.Th>{t('housing.col.kind')}</Table.Th>
            <Table.Th>{t('housing.col.period')}</Table.Th>
            <Table.Th>{t('housing.col.status')}</Table.Th>
            <Table.Th>{t('housing.col.handBackBy')}</Table.Th>
            {actions && <Table.Th>{t('housingActions.col')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {leases.map((l) => (
            <Table.Tr key={l.id} data-status={l.status} data-overdue={String(l.handBackOverdue)}>
              <Table.Td>
                {l.bin}
                {unitCode && l.unitId ? ` · ${unitCode(l.unitId)}` : ''}
              </Table.Td>
              <Table.Td>{t(`housing.premisesKind.${l.premisesKind}` as MessageId)}</Table.Td>
              <Table.Td>
                {date(l.startsOn)} – {date(l.endsOn)}
              </Table.Td>
              <Table.Td>
                <Badge variant="light" tt="none">
                  {t(`leaseStatus.${l.status}` as MessageId)}
                </Badge>
              </Table.Td>
              <Table.Td c={l.handBackOverdue ? '#a51d1d' : undefined}>
                {l.status === 'handover-due' ? `${date(l.handBackBy)}${l.handBackOverdue ? ` · ${t('queue.overdue')}` : ''}` : '—'}
              </Table.Td>
              {actions && <Table.Td>{actions(l)}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export const Route = createLazyRoute('/staff/housing')({
  component: () => (
    <RequireAccess op="GET /api/housing/units">
      <HousingStaffPage />
    </RequireAccess>
  ),
});
