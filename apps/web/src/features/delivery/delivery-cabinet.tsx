import { Button, Group, Select, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ok, type Schemas } from '../../api/client.ts';
import { usePreferences } from '../../app/preferences.tsx';
import { formatDateTime } from '../../format/money.ts';
import { CabinetShell } from '../../ui/cabinet-shell.tsx';
import { DataTable } from '../../ui/data-table.tsx';
import { ErrorAlert, QueryView } from '../../ui/states.tsx';
import './delivery-strings.ts';
import type { ShipmentStatusName } from './delivery-strings.ts';
import { addressLine, formatTime, ShipmentStatusBadge, today } from './shipment-ui.tsx';

type Shipment = Schemas['Shipment'];
type Courier = Schemas['Courier'];
const STATUSES: ShipmentStatusName[] = ['ready', 'assigned', 'picked_up', 'in_transit', 'delivered', 'failed', 'returned', 'cancelled'];

function useCouriers() {
  return useQuery({ queryKey: ['couriers'], queryFn: () => ok(api.GET('/api/v1/couriers')) });
}

/** Give a ready or failed shipment to an on-duty courier of its city, optionally on another day (the retry). */
function AssignControl({ shipment, couriers, retry }: { shipment: Shipment; couriers: Courier[]; retry?: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [courierId, setCourierId] = useState<string | null>(null);
  // biome-ignore lint/complexity/useMathMinMax: ISO days are strings; Math.max would make them NaN.
  const [day, setDay] = useState(shipment.deliveryDate < today() ? today() : shipment.deliveryDate);
  const assign = useMutation({
    mutationFn: () =>
      ok(
        api.POST('/api/v1/shipments/{id}/assign', {
          params: { path: { id: shipment.id } },
          body: { courierId: courierId ?? '', ...(retry ? { deliveryDate: day } : {}) },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['shipments'] }),
  });
  const sameCity = couriers.filter((c) => c.onDuty && c.city.toLowerCase() === shipment.city.toLowerCase());
  return (
    <Stack gap={4}>
      <Group gap="xs" wrap="nowrap" align="end">
        <Select
          aria-label={t('delivery.courier')}
          placeholder={t('delivery.courier')}
          data={sameCity.map((c) => ({ value: c.id, label: c.name }))}
          value={courierId}
          onChange={setCourierId}
          size="xs"
          w={160}
          comboboxProps={{ withinPortal: true }}
        />
        {retry && (
          <TextInput
            type="date"
            aria-label={t('delivery.retryDay')}
            size="xs"
            value={day}
            onChange={(e) => setDay(e.currentTarget.value)}
          />
        )}
        <Button size="xs" disabled={!courierId} loading={assign.isPending} onClick={() => assign.mutate()}>
          {retry ? t('delivery.retry') : t('delivery.assign')}
        </Button>
      </Group>
      <ErrorAlert error={assign.error} />
    </Stack>
  );
}

function ReturnControl({ shipment }: { shipment: Shipment }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const back = useMutation({
    mutationFn: () =>
      ok(
        api.POST('/api/v1/shipments/{id}/return', {
          params: { path: { id: shipment.id } },
          body: reason.trim() ? { reason: reason.trim() } : {},
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['shipments'] }),
  });
  return (
    <Stack gap={4}>
      <Group gap="xs" wrap="nowrap">
        <TextInput
          aria-label={t('delivery.returnReason')}
          placeholder={t('delivery.returnReason')}
          size="xs"
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        <Button size="xs" variant="default" loading={back.isPending} onClick={() => back.mutate()}>
          {t('delivery.returnToWarehouse')}
        </Button>
      </Group>
      <ErrorAlert error={back.error} />
    </Stack>
  );
}

function ShipmentTable({ fixedStatus }: { fixedStatus?: ShipmentStatusName }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const [status, setStatus] = useState<ShipmentStatusName | null>(fixedStatus ?? null);
  const [date, setDate] = useState(fixedStatus ? '' : today());
  const couriers = useCouriers();
  const shipments = useQuery({
    queryKey: ['shipments', status, date],
    queryFn: () =>
      ok(api.GET('/api/v1/shipments', { params: { query: { limit: 100, ...(status ? { status } : {}), ...(date ? { date } : {}) } } })),
    refetchInterval: 15_000,
  });
  const nameOf = (id: string | null) => (id ? (couriers.data?.items.find((c) => c.id === id)?.name ?? '…') : t('delivery.noCourier'));
  return (
    <Stack>
      {!fixedStatus && (
        <Group align="end">
          <Select
            label={t('delivery.status')}
            placeholder={t('delivery.anyStatus')}
            data={STATUSES.map((s) => ({ value: s, label: t(`shipment.statuses.${s}`) }))}
            value={status}
            onChange={(v) => setStatus(v as ShipmentStatusName | null)}
            clearable
            comboboxProps={{ withinPortal: true }}
          />
          <TextInput type="date" label={t('delivery.date')} value={date} onChange={(e) => setDate(e.currentTarget.value)} />
        </Group>
      )}
      <DataTable
        query={shipments}
        rows={(page) => page.items}
        rowKey={(s) => s.id}
        rowProps={(s) => ({ 'data-testid': 'shipment-row', 'data-status': s.status })}
        caption={t('delivery.shipments')}
        empty={t('delivery.none')}
        minWidth={900}
        columns={[
          {
            key: 'tracking',
            header: t('shipment.tracking'),
            cell: (s) => (
              <>
                <Text ff="monospace" fz="sm">
                  {s.trackingNumber}
                </Text>
                <Text fz="xs">{t('shipment.order', { number: s.orderNumber })}</Text>
              </>
            ),
          },
          {
            key: 'status',
            header: t('delivery.status'),
            cell: (s) => (
              <>
                <ShipmentStatusBadge status={s.status} />
                {s.failures > 0 && <Text fz="xs">{t('shipment.failures', { count: s.failures })}</Text>}
              </>
            ),
          },
          {
            key: 'date',
            header: t('delivery.date'),
            cell: (s) => (
              <>
                {s.deliveryDate}
                {s.slot && <Text fz="xs">{`${s.slot.from}–${s.slot.to}`}</Text>}
                {s.eta && <Text fz="xs">{formatTime(s.eta, locale)}</Text>}
              </>
            ),
          },
          {
            key: 'address',
            header: t('delivery.address'),
            cell: (s) => (
              <>
                {addressLine(s.address)}
                <Text fz="xs">{s.phone}</Text>
              </>
            ),
          },
          { key: 'courier', header: t('delivery.courier'), cell: (s) => nameOf(s.courierId) },
          {
            key: 'actions',
            header: '',
            cell: (s) => (
              <>
                {(s.status === 'ready' || s.status === 'assigned' || s.status === 'failed') && (
                  <AssignControl shipment={s} couriers={couriers.data?.items ?? []} retry={s.status === 'failed'} />
                )}
                {s.status === 'failed' && <ReturnControl shipment={s} />}
              </>
            ),
          },
        ]}
      />
    </Stack>
  );
}

function CourierRow({ courier }: { courier: Courier }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [city, setCity] = useState(courier.city);
  const save = useMutation({
    mutationFn: (changes: { city?: string; onDuty?: boolean }) =>
      ok(api.PATCH('/api/v1/couriers/{id}', { params: { path: { id: courier.id } }, body: changes })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['couriers'] }),
  });
  return (
    <Table.Tr data-testid="courier-row">
      <Table.Td>{courier.name}</Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <TextInput aria-label={t('delivery.city')} size="xs" value={city} onChange={(e) => setCity(e.currentTarget.value)} />
          <Button
            size="xs"
            variant="light"
            disabled={!city.trim() || city === courier.city}
            onClick={() => save.mutate({ city: city.trim() })}
          >
            {t('delivery.save')}
          </Button>
        </Group>
        <ErrorAlert error={save.error} />
      </Table.Td>
      <Table.Td>
        <Switch
          aria-label={t('delivery.onDuty')}
          checked={courier.onDuty}
          onChange={(e) => save.mutate({ onDuty: e.currentTarget.checked })}
        />
      </Table.Td>
    </Table.Tr>
  );
}

function Couriers() {
  const { t } = useTranslation();
  const couriers = useCouriers();
  return (
    <QueryView query={couriers} isEmpty={(c) => c.items.length === 0} empty={t('delivery.noCouriers')}>
      {(c) => (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('delivery.name')}</Table.Th>
              <Table.Th>{t('delivery.city')}</Table.Th>
              <Table.Th>{t('delivery.onDuty')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {c.items.map((courier) => (
              <CourierRow key={`${courier.id}-${courier.updatedAt}`} courier={courier} />
            ))}
          </Table.Tbody>
        </Table>
      )}
    </QueryView>
  );
}

/** Messages that gave up after every retry; an operator sends them again. */
function FailedMessages() {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const queryClient = useQueryClient();
  const messages = useQuery({
    queryKey: ['failed-messages'],
    queryFn: () => ok(api.GET('/api/v1/notifications/messages', { params: { query: { status: 'failed', limit: 100 } } })),
  });
  const resend = useMutation({
    mutationFn: (id: string) => ok(api.POST('/api/v1/notifications/messages/{id}/retry', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['failed-messages'] }),
  });
  return (
    <Stack>
      <ErrorAlert error={resend.error} />
      <QueryView query={messages} isEmpty={(p) => p.items.length === 0} empty={t('delivery.noFailedMessages')}>
        {(page) => (
          <Table.ScrollContainer minWidth={720}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('delivery.date')}</Table.Th>
                  <Table.Th>{t('delivery.channel')}</Table.Th>
                  <Table.Th>{t('delivery.recipient')}</Table.Th>
                  <Table.Th>{t('delivery.event')}</Table.Th>
                  <Table.Th>{t('delivery.attempts')}</Table.Th>
                  <Table.Th>{t('delivery.error')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {page.items.map((m) => (
                  <Table.Tr key={m.id} data-testid="failed-message">
                    <Table.Td>{formatDateTime(m.createdAt, locale)}</Table.Td>
                    <Table.Td>{m.channel}</Table.Td>
                    <Table.Td>{m.recipient}</Table.Td>
                    <Table.Td>{m.event}</Table.Td>
                    <Table.Td>{m.attempts}</Table.Td>
                    <Table.Td>{m.lastError}</Table.Td>
                    <Table.Td>
                      <Button size="xs" loading={resend.isPending && resend.variables === m.id} onClick={() => resend.mutate(m.id)}>
                        {t('delivery.resend')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryView>
    </Stack>
  );
}

export default function DeliveryCabinet() {
  return (
    <CabinetShell
      id="delivery"
      sections={[
        { path: 'shipments', element: <ShipmentTable /> },
        { path: 'failed', element: <ShipmentTable fixedStatus="failed" /> },
        { path: 'couriers', element: <Couriers /> },
        { path: 'messages', element: <FailedMessages /> },
      ]}
    />
  );
}
