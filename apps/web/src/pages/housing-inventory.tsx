import { Alert, Button, Card, Group, NativeSelect, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ChangeEvent, useState } from 'react';
import { useApi } from '../api/api-context';
import { fieldErrors, idempotent, ok } from '../api/client';
import { useCommand } from '../api/command';
import { useT } from '../i18n/i18n';
import { Empty, ErrorState, Loading } from '../ui/states';
import { todayInAlmaty } from './housing-actions';

// The housing manager's inventory (issue #14, F-57): the Fund's buildings in their towns, dwellings
// (rooms with beds) and premises (kind, area in m² as a decimal string — never a float), and the
// periods a unit is out of service (no offer or allocation overlaps them). Each action is the API's
// own route; the server's problem+json errors are shown on the fields they name.

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Buildings, and — for whoever may register them — a form for a new one (name, address, town as KATO code and name). */
export function BuildingsCard({ canRegister }: { canRegister: boolean }) {
  const t = useT();
  const api = useApi();
  const queryClient = useQueryClient();
  const buildings = useQuery({ queryKey: ['housing-buildings'], queryFn: async () => ok(await api.GET('/api/housing/buildings', {})) });
  const [form, setForm] = useState({ name: '', address: '', katoCode: '', town: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const register = useCommand(async (body: { name: string; address: string; town: { katoCode: string; name: string } }, key: string) =>
    ok(await api.POST('/api/housing/buildings', { body, ...idempotent(key) })),
  );
  const send = async () => {
    setErrors({});
    try {
      await register.submit({ name: form.name, address: form.address, town: { katoCode: form.katoCode, name: form.town } });
      setForm({ name: '', address: '', katoCode: '', town: '' });
      await queryClient.invalidateQueries({ queryKey: ['housing-buildings'] });
    } catch (e) {
      setErrors({ ...fieldErrors(e), form: errorText(e) });
    }
  };
  const set = (k: keyof typeof form) => (e: ChangeEvent<HTMLInputElement>) => {
    const v = e.currentTarget.value;
    setForm((f) => ({ ...f, [k]: v }));
  };
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="xs">
        {t('housingInventory.buildings')}
      </Title>
      {buildings.isPending ? (
        <Loading />
      ) : buildings.isError ? (
        <ErrorState error={buildings.error} onRetry={() => void buildings.refetch()} />
      ) : buildings.data.length === 0 ? (
        <Empty>{t('housingInventory.buildings.none')}</Empty>
      ) : (
        <Table striped layout="fixed" fz="sm" data-testid="housing-buildings">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('housingInventory.name')}</Table.Th>
              <Table.Th>{t('housingInventory.address')}</Table.Th>
              <Table.Th>{t('housingInventory.townName')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {buildings.data.map((b) => (
              <Table.Tr key={b.id} data-id={b.id}>
                <Table.Td>{b.name}</Table.Td>
                <Table.Td>{b.address}</Table.Td>
                <Table.Td>
                  {b.town.name} ({b.town.katoCode})
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {canRegister && (
        <Stack gap="xs" mt="sm" maw={640} data-testid="building-form">
          <Title order={4} size="h5">
            {t('housingInventory.registerBuilding')}
          </Title>
          <Group grow align="flex-start">
            <TextInput label={t('housingInventory.name')} value={form.name} onChange={set('name')} error={errors.name} required data-testid="building-name" />
            <TextInput
              label={t('housingInventory.address')}
              value={form.address}
              onChange={set('address')}
              error={errors.address}
              required
              data-testid="building-address"
            />
          </Group>
          <Group grow align="flex-start">
            <TextInput
              label={t('housingInventory.kato')}
              value={form.katoCode}
              inputMode="numeric"
              onChange={set('katoCode')}
              error={errors['town.katoCode']}
              required
              data-testid="building-kato"
            />
            <TextInput
              label={t('housingInventory.townName')}
              value={form.town}
              onChange={set('town')}
              error={errors['town.name']}
              required
              data-testid="building-town"
            />
          </Group>
          {errors.form && (
            <Alert color="red" variant="light" data-testid="building-error">
              {errors.form}
            </Alert>
          )}
          <Group>
            <Button onClick={() => void send()} loading={register.isPending} data-testid="building-register">
              {t('housingInventory.registerBuilding')}
            </Button>
          </Group>
        </Stack>
      )}
    </Card>
  );
}

interface RoomRow {
  readonly code: string;
  readonly beds: string;
}
interface ItemRow {
  readonly item: string;
  readonly quantity: string;
}
export const METER_KINDS = ['electricity', 'cold-water', 'hot-water', 'gas', 'heat'] as const;
type MeterKind = (typeof METER_KINDS)[number];
interface MeterRow {
  readonly code: string;
  readonly kind: MeterKind;
}

const replaceAt = <T,>(rows: readonly T[], i: number, patch: Partial<T>): T[] => rows.map((r, j) => (j === i ? { ...r, ...patch } : r));
const removeAt = <T,>(rows: readonly T[], i: number): T[] => rows.filter((_, j) => j !== i);

/**
 * A dwelling's rooms (each with its beds), its furniture and equipment (item, quantity) and its meters
 * (number, kind) — what the check-in (F-60) and acceptance-transfer (F-61) acts are checked against.
 * The server's errors land on the row and field they name (`rooms.1.beds`, `inventory.0.quantity`).
 */
function DwellingFields(props: {
  rooms: RoomRow[];
  setRooms: (r: RoomRow[]) => void;
  inventory: ItemRow[];
  setInventory: (r: ItemRow[]) => void;
  meters: MeterRow[];
  setMeters: (r: MeterRow[]) => void;
  errors: Record<string, string>;
}) {
  const t = useT();
  const { rooms, setRooms, inventory, setInventory, meters, setMeters, errors } = props;
  return (
    <Stack gap="xs">
      {rooms.map((r, i) => (
        <SimpleGrid key={i} cols={{ base: 2, sm: 3 }} spacing="sm" data-testid="unit-room-row">
          <TextInput
            label={t('housingInventory.room')}
            value={r.code}
            onChange={(e) => setRooms(replaceAt(rooms, i, { code: e.currentTarget.value }))}
            error={errors[`rooms.${i}.code`]}
            data-testid={`unit-room-${i}`}
          />
          <TextInput
            label={t('housingInventory.beds')}
            value={r.beds}
            onChange={(e) => setRooms(replaceAt(rooms, i, { beds: e.currentTarget.value }))}
            error={errors[`rooms.${i}.beds`] ?? (i === 0 ? errors.rooms : undefined)}
            data-testid={`unit-beds-${i}`}
          />
          {rooms.length > 1 && (
            <Button variant="default" maw={120} mt={22} onClick={() => setRooms(removeAt(rooms, i))} data-testid={`unit-room-remove-${i}`}>
              {t('housingInventory.remove')}
            </Button>
          )}
        </SimpleGrid>
      ))}
      <Group>
        <Button variant="light" size="xs" onClick={() => setRooms([...rooms, { code: String(rooms.length + 1), beds: 'a' }])} data-testid="unit-add-room">
          {t('housingInventory.addRoom')}
        </Button>
      </Group>
      <Text fw={600} size="sm">
        {t('housingInventory.inventory')}
      </Text>
      {inventory.map((r, i) => (
        <SimpleGrid key={i} cols={{ base: 2, sm: 3 }} spacing="sm" data-testid="unit-item-row">
          <TextInput
            label={t('housingInventory.item')}
            value={r.item}
            onChange={(e) => setInventory(replaceAt(inventory, i, { item: e.currentTarget.value }))}
            error={errors[`inventory.${i}.item`]}
            data-testid={`unit-item-${i}`}
          />
          <TextInput
            label={t('housingInventory.quantity')}
            value={r.quantity}
            inputMode="numeric"
            onChange={(e) => setInventory(replaceAt(inventory, i, { quantity: e.currentTarget.value }))}
            error={errors[`inventory.${i}.quantity`]}
            data-testid={`unit-quantity-${i}`}
          />
          <Button variant="default" maw={120} mt={22} onClick={() => setInventory(removeAt(inventory, i))}>
            {t('housingInventory.remove')}
          </Button>
        </SimpleGrid>
      ))}
      <Group>
        <Button variant="light" size="xs" onClick={() => setInventory([...inventory, { item: '', quantity: '1' }])} data-testid="unit-add-item">
          {t('housingInventory.addItem')}
        </Button>
      </Group>
      <Text fw={600} size="sm">
        {t('housingInventory.meters')}
      </Text>
      {meters.map((m, i) => (
        <SimpleGrid key={i} cols={{ base: 2, sm: 3 }} spacing="sm" data-testid="unit-meter-row">
          <TextInput
            label={t('housingInventory.meterCode')}
            value={m.code}
            onChange={(e) => setMeters(replaceAt(meters, i, { code: e.currentTarget.value }))}
            error={errors[`meters.${i}.code`]}
            data-testid={`unit-meter-code-${i}`}
          />
          <NativeSelect
            label={t('housingInventory.meterKind')}
            data={METER_KINDS.map((k) => ({ value: k, label: t(`housingInventory.meterKind.${k}`) }))}
            value={m.kind}
            onChange={(e) => setMeters(replaceAt(meters, i, { kind: e.currentTarget.value as MeterKind }))}
            data-testid={`unit-meter-kind-${i}`}
          />
          <Button variant="default" maw={120} mt={22} onClick={() => setMeters(removeAt(meters, i))}>
            {t('housingInventory.remove')}
          </Button>
        </SimpleGrid>
      ))}
      <Group>
        <Button variant="light" size="xs" onClick={() => setMeters([...meters, { code: '', kind: 'electricity' }])} data-testid="unit-add-meter">
          {t('housingInventory.addMeter')}
        </Button>
      </Group>
    </Stack>
  );
}

/** A dwelling (rooms with beds, inventory, meters) or premises (F-57: kind and area) in a building. */
export function RegisterUnitForm() {
  const t = useT();
  const api = useApi();
  const queryClient = useQueryClient();
  const buildings = useQuery({ queryKey: ['housing-buildings'], queryFn: async () => ok(await api.GET('/api/housing/buildings', {})) });
  const [buildingId, setBuildingId] = useState<string | null>(null);
  const chosen = buildingId ?? buildings.data?.[0]?.id ?? '';
  const [kind, setKind] = useState<'dwelling' | 'premises'>('dwelling');
  const [code, setCode] = useState('');
  const [rooms, setRooms] = useState<RoomRow[]>([{ code: '1', beds: 'a, b' }]);
  const [inventory, setInventory] = useState<ItemRow[]>([]);
  const [meters, setMeters] = useState<MeterRow[]>([]);
  const [premisesKind, setPremisesKind] = useState<'administrative' | 'production' | 'auxiliary'>('administrative');
  const [area, setArea] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string | null>(null);
  const register = useCommand(async (body: Record<string, unknown>, key: string) =>
    ok(await api.POST('/api/housing/buildings/{id}/units', { params: { path: { id: chosen } }, body: body as never, ...idempotent(key) })),
  );
  const send = async () => {
    setErrors({});
    setDone(null);
    const body =
      kind === 'dwelling'
        ? {
            code,
            kind,
            rooms: rooms.map((r) => ({
              code: r.code.trim(),
              beds: r.beds
                .split(',')
                .map((b) => b.trim())
                .filter(Boolean),
            })),
            // a quantity that is not a whole number goes as typed: the server's 422 names its field
            inventory: inventory.map((i) => ({ item: i.item, quantity: /^\d+$/.test(i.quantity.trim()) ? Number(i.quantity.trim()) : i.quantity })),
            meters: meters.map((m) => ({ code: m.code.trim(), kind: m.kind })),
          }
        : { code, kind, premisesKind, areaM2: area.trim() };
    try {
      await register.submit(body);
      setDone(code);
      setCode('');
      setInventory([]);
      setMeters([]);
      await queryClient.invalidateQueries({ queryKey: ['housing-units'] });
    } catch (e) {
      setErrors({ ...fieldErrors(e), form: errorText(e) });
    }
  };
  if (!buildings.data?.length) return null;
  return (
    <Stack gap="xs" mt="sm" maw={640} data-testid="unit-form">
      <Title order={4} size="h5">
        {t('housingInventory.registerUnit')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <NativeSelect
          label={t('housingInventory.building')}
          data={buildings.data.map((b) => ({ value: b.id, label: b.name }))}
          value={chosen}
          onChange={(e) => setBuildingId(e.currentTarget.value)}
          data-testid="unit-building"
        />
        <NativeSelect
          label={t('housing.col.kind')}
          data={[
            { value: 'dwelling', label: t('housing.kind.dwelling') },
            { value: 'premises', label: t('housingInventory.premises') },
          ]}
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value as 'dwelling' | 'premises')}
          data-testid="unit-kind"
        />
        <TextInput
          label={t('housingInventory.code')}
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          error={errors.code}
          required
          data-testid="unit-code"
        />
      </SimpleGrid>
      {kind === 'dwelling' ? (
        <DwellingFields
          rooms={rooms}
          setRooms={setRooms}
          inventory={inventory}
          setInventory={setInventory}
          meters={meters}
          setMeters={setMeters}
          errors={errors}
        />
      ) : (
        <Group grow align="flex-start">
          <NativeSelect
            label={t('housingInventory.premisesKind')}
            data={(['administrative', 'production', 'auxiliary'] as const).map((k) => ({ value: k, label: t(`housing.premisesKind.${k}`) }))}
            value={premisesKind}
            onChange={(e) => setPremisesKind(e.currentTarget.value as typeof premisesKind)}
            data-testid="unit-premises-kind"
          />
          <TextInput
            label={t('housingInventory.area')}
            value={area}
            inputMode="decimal"
            onChange={(e) => setArea(e.currentTarget.value)}
            error={errors.areaM2}
            data-testid="unit-area"
          />
        </Group>
      )}
      {errors.form && (
        <Alert color="red" variant="light" data-testid="unit-error">
          {errors.form}
        </Alert>
      )}
      {done && (
        <Alert color="green" variant="light" data-testid="unit-registered">
          {t('housingInventory.registered', { code: done })}
        </Alert>
      )}
      <Group>
        <Button onClick={() => void send()} loading={register.isPending} data-testid="unit-register">
          {t('housingInventory.registerUnitButton')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Takes a unit out of service for a period (from, to, reason); the server refuses a period over a held bed or lease. */
export function OutOfServiceForm({ unitId, onDone }: { unitId: string; onDone: () => void }) {
  const t = useT();
  const api = useApi();
  const queryClient = useQueryClient();
  const [from, setFrom] = useState(todayInAlmaty());
  const [to, setTo] = useState(todayInAlmaty());
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useCommand(async (body: { from: string; to: string; reason: string }, key: string) =>
    ok(await api.POST('/api/housing/units/{id}/out-of-service', { params: { path: { id: unitId } }, body, ...idempotent(key) })),
  );
  const send = async () => {
    setErrors({});
    try {
      await save.submit({ from, to, reason });
      await queryClient.invalidateQueries({ queryKey: ['housing-units'] });
      onDone();
    } catch (e) {
      setErrors({ ...fieldErrors(e), form: errorText(e) });
    }
  };
  return (
    <Stack gap={4} data-testid="oos-form">
      <TextInput
        type="date"
        size="xs"
        label={t('housingInventory.from')}
        value={from}
        onChange={(e) => setFrom(e.currentTarget.value)}
        error={errors.from}
        data-testid="oos-from"
      />
      <TextInput
        type="date"
        size="xs"
        label={t('housingInventory.to')}
        value={to}
        onChange={(e) => setTo(e.currentTarget.value)}
        error={errors.to}
        data-testid="oos-to"
      />
      <TextInput
        size="xs"
        label={t('housingInventory.reason')}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={errors.reason}
        data-testid="oos-reason"
      />
      {errors.form && (
        <Text size="xs" c="#a51d1d" data-testid="oos-error">
          {errors.form}
        </Text>
      )}
      <Group gap="xs">
        <Button size="xs" onClick={() => void send()} loading={save.isPending} data-testid="oos-save">
          {t('housingInventory.save')}
        </Button>
        <Button size="xs" variant="default" onClick={onDone}>
          {t('housingActions.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}
