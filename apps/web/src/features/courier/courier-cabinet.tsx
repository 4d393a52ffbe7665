import { Badge, Button, Card, Group, Select, SimpleGrid, Stack, Switch, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ok, type Schemas } from '../../api/client.ts';
import { usePreferences } from '../../app/preferences.tsx';
import { CabinetShell } from '../../ui/cabinet-shell.tsx';
import { ErrorAlert, QueryView } from '../../ui/states.tsx';
import '../delivery/delivery-strings.ts';
import { addressLine, formatTime, mapLink, newReportId, ShipmentStatusBadge, today } from '../delivery/shipment-ui.tsx';

type Shipment = Schemas['Shipment'];
type Report = 'picked_up' | 'in_transit' | 'delivered' | 'failed';
const REASONS = ['absent', 'noAnswer', 'refused', 'badAddress', 'other'] as const;

/** The buttons a courier has for a shipment in each status (the server checks the same order). */
const NEXT: Partial<Record<Shipment['status'], Report[]>> = {
  assigned: ['picked_up'],
  picked_up: ['in_transit', 'delivered', 'failed'],
  in_transit: ['delivered', 'failed'],
};
const LABEL: Record<Report, string> = { picked_up: 'pickedUp', in_transit: 'inTransit', delivered: 'delivered', failed: 'failed' };

function useReport(shipment: Shipment) {
  const queryClient = useQueryClient();
  // One id per intended report: a retry after a lost answer sends the same id and counts once.
  const pending = useRef<{ status: Report; id: string } | null>(null);
  return useMutation({
    mutationFn: (input: { status: Report; note?: string; code?: string; refused?: boolean }) => {
      if (pending.current?.status !== input.status) pending.current = { status: input.status, id: newReportId() };
      return ok(
        api.POST('/api/v1/shipments/{id}/events', {
          params: { path: { id: shipment.id } },
          body: {
            eventId: pending.current.id,
            status: input.status,
            ...(input.note ? { note: input.note } : {}),
            ...(input.code ? { code: input.code } : {}),
            ...(input.refused ? { refused: true } : {}),
          },
        }),
      );
    },
    onSuccess: () => {
      pending.current = null;
      return queryClient.invalidateQueries({ queryKey: ['courier-route'] });
    },
  });
}

function StopCard({ shipment, position }: { shipment: Shipment; position?: number }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const report = useReport(shipment);
  const [failing, setFailing] = useState(false);
  const [delivering, setDelivering] = useState(false);
  const [reason, setReason] = useState<string | null>(null);
  const [comment, setComment] = useState('');
  const [code, setCode] = useState('');
  const actions = NEXT[shipment.status] ?? [];
  const note = reason ? [t(`courier.reasons.${reason}`), comment.trim()].filter(Boolean).join(': ') : '';
  return (
    <Card
      withBorder
      padding="sm"
      data-testid="stop-card"
      data-status={shipment.status}
      component="article"
      aria-label={t('shipment.order', { number: shipment.orderNumber })}
    >
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            {position !== undefined && (
              <Badge size="lg" circle aria-label={t('courier.stop', { n: position })}>
                {position}
              </Badge>
            )}
            <Text fw={700}>{t('shipment.order', { number: shipment.orderNumber })}</Text>
          </Group>
          <ShipmentStatusBadge status={shipment.status} />
        </Group>
        <Text>{addressLine(shipment.address)}</Text>
        <Text fz="sm">{shipment.phone}</Text>
        <Group gap="xs" fz="sm">
          {shipment.eta && (
            <Text fz="sm" data-testid="eta">
              {t('shipment.eta')}: {formatTime(shipment.eta, locale)}
            </Text>
          )}
          {shipment.slot && (
            <Text fz="sm" fw={600}>
              {t('shipment.window')}: {shipment.slot.from}–{shipment.slot.to}
            </Text>
          )}
          {shipment.failures > 0 && (
            <Text fz="sm" c="red.8">
              {t('shipment.failures', { count: shipment.failures })}
            </Text>
          )}
        </Group>
        <Group grow gap="xs">
          <Button component="a" href={`tel:${shipment.phone.replace(/[^\d+]/g, '')}`} variant="light" data-testid="call">
            {t('courier.call')}
          </Button>
          <Button component="a" href={mapLink(shipment)} target="_blank" rel="noreferrer" variant="light" data-testid="map">
            {t('courier.map')}
          </Button>
        </Group>
        {actions.length > 0 && !failing && !delivering && (
          <SimpleGrid cols={actions.length === 1 ? 1 : 2} spacing="xs">
            {actions.map((status) => (
              <Button
                key={status}
                size="md"
                color={status === 'failed' ? 'red.8' : status === 'delivered' ? 'teal.9' : 'blue.8'}
                variant={status === 'failed' ? 'outline' : 'filled'}
                loading={report.isPending && report.variables?.status === status}
                onClick={() => {
                  report.reset();
                  if (status === 'failed') setFailing(true);
                  else if (status === 'delivered') setDelivering(true);
                  else report.mutate({ status });
                }}
              >
                {t(`courier.${LABEL[status]}`)}
              </Button>
            ))}
          </SimpleGrid>
        )}
        {failing && (
          <Stack gap="xs" role="group" aria-label={t('courier.failTitle')} data-testid="failure-form">
            <Text fw={600}>{t('courier.failTitle')}</Text>
            <Select
              label={t('courier.reason')}
              data={REASONS.map((r) => ({ value: r, label: t(`courier.reasons.${r}`) }))}
              value={reason}
              onChange={setReason}
              required
              comboboxProps={{ withinPortal: true }}
            />
            <Textarea label={t('courier.comment')} value={comment} onChange={(e) => setComment(e.currentTarget.value)} maxLength={300} />
            <ErrorAlert error={report.error} />
            <SimpleGrid cols={2} spacing="xs">
              <Button variant="default" onClick={() => setFailing(false)}>
                {t('form.cancel')}
              </Button>
              <Button
                color="red.8"
                disabled={!reason}
                loading={report.isPending}
                // A refusal sends the parcel back to the warehouse at once (no retry for it).
                onClick={() =>
                  report.mutate({ status: 'failed', note, refused: reason === 'refused' }, { onSuccess: () => setFailing(false) })
                }
              >
                {t('courier.confirmFail')}
              </Button>
            </SimpleGrid>
          </Stack>
        )}
        {delivering && (
          <Stack gap="xs" role="group" aria-label={t('courier.confirmDelivered')} data-testid="delivery-form">
            <TextInput
              label={t('courier.code')}
              description={t('courier.codeHint')}
              value={code}
              onChange={(e) => setCode(e.currentTarget.value.replace(/\D/g, ''))}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              autoFocus
            />
            <ErrorAlert error={report.error} />
            <SimpleGrid cols={2} spacing="xs">
              <Button variant="default" onClick={() => setDelivering(false)}>
                {t('form.cancel')}
              </Button>
              <Button
                color="teal.9"
                loading={report.isPending}
                onClick={() => report.mutate({ status: 'delivered', code }, { onSuccess: () => setDelivering(false) })}
              >
                {t('courier.confirmDelivered')}
              </Button>
            </SimpleGrid>
          </Stack>
        )}
        {!failing && !delivering && <ErrorAlert error={report.error} />}
      </Stack>
    </Card>
  );
}

/** The courier's shift switch: only couriers on shift are given new shipments. */
function Shift({ onDuty }: { onDuty: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const shift = useMutation({
    mutationFn: (next: boolean) => ok(api.PATCH('/api/v1/couriers/{id}', { params: { path: { id: 'me' } }, body: { onDuty: next } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['courier-route'] }),
  });
  return (
    <Stack gap={4}>
      <Switch
        label={t('courier.onDuty')}
        checked={shift.isPending ? (shift.variables ?? onDuty) : onDuty}
        onChange={(e) => shift.mutate(e.currentTarget.checked)}
        disabled={shift.isPending}
        data-testid="shift"
      />
      <ErrorAlert error={shift.error} />
    </Stack>
  );
}

function CourierRoute() {
  const { t } = useTranslation();
  const [date, setDate] = useState(today());
  // A courier on the road refreshes every 30 s: the operator may add or move stops.
  const route = useQuery({
    queryKey: ['courier-route', date],
    queryFn: () => ok(api.GET('/api/v1/couriers/{id}/route', { params: { path: { id: 'me' }, query: { date } } })),
    refetchInterval: 30_000,
  });
  return (
    <Stack maw={560}>
      <Group justify="space-between" align="end">
        <TextInput
          type="date"
          label={t('courier.day')}
          value={date}
          onChange={(e) => e.currentTarget.value && setDate(e.currentTarget.value)}
        />
        {route.data?.courier && <Shift onDuty={route.data.courier.onDuty} />}
      </Group>
      <QueryView query={route} isEmpty={(r) => r.stops.length + r.finished.length === 0} empty={t('courier.noStops')}>
        {(r) => (
          <Stack>
            <Text c="dimmed" fz="sm">
              {t('courier.stops', { count: r.stops.length })}
            </Text>
            {r.stops.map((s, i) => (
              <StopCard key={s.id} shipment={s} position={i + 1} />
            ))}
            {r.finished.length > 0 && (
              <Title order={2} fz="h4">
                {t('courier.finished')}
              </Title>
            )}
            {r.finished.map((s) => (
              <StopCard key={s.id} shipment={s} />
            ))}
          </Stack>
        )}
      </QueryView>
    </Stack>
  );
}

export default function CourierCabinet() {
  return <CabinetShell id="courier" sections={[{ path: 'route', element: <CourierRoute /> }]} />;
}
