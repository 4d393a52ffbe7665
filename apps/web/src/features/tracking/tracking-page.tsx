import { Button, Card, Group, Stack, Text, TextInput, Timeline, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiError, api, ok } from '../../api/client.ts';
import { usePreferences } from '../../app/preferences.tsx';
import { formatDateTime } from '../../format/money.ts';
import { QueryView } from '../../ui/states.tsx';
import '../delivery/delivery-strings.ts';
import { ShipmentStatusBadge } from '../delivery/shipment-ui.tsx';

/** The public tracking page: anyone with the number sees the status, the steps and the ETA, never who or where. */
export default function TrackingPage() {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const navigate = useNavigate();
  const { number = '' } = useParams();
  const [typed, setTyped] = useState(number);
  const tracking = useQuery({
    queryKey: ['tracking', number],
    queryFn: () => ok(api.GET('/api/v1/tracking/{trackingNumber}', { params: { path: { trackingNumber: number } } })),
    enabled: number !== '',
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
    refetchInterval: 60_000,
  });
  const dayFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  return (
    <Stack maw={560} mx="auto">
      <Title order={1} fz="h3">
        {t('tracking.title')}
      </Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const next = typed.trim().toUpperCase().replace(/\s+/g, '');
          if (next) navigate(`/track/${encodeURIComponent(next)}`);
        }}
      >
        <Group align="end" wrap="nowrap">
          <TextInput label={t('tracking.number')} value={typed} onChange={(e) => setTyped(e.currentTarget.value)} style={{ flex: 1 }} />
          <Button type="submit">{t('tracking.find')}</Button>
        </Group>
      </form>
      {number !== '' &&
        (tracking.error instanceof ApiError && tracking.error.status === 404 ? (
          <Text role="alert" data-testid="tracking-not-found">
            {t('tracking.notFound')}
          </Text>
        ) : (
          <QueryView query={tracking}>
            {(shipment) => (
              <Card withBorder data-testid="tracking">
                <Stack>
                  <Group justify="space-between">
                    <Text fw={700} ff="monospace">
                      {shipment.trackingNumber}
                    </Text>
                    <ShipmentStatusBadge status={shipment.status} />
                  </Group>
                  <Text>
                    {t('shipment.day')}: {dayFormat.format(new Date(`${shipment.deliveryDate}T00:00:00Z`))}
                  </Text>
                  {shipment.slot && (
                    <Text>
                      {t('shipment.window')}: {shipment.slot.from}–{shipment.slot.to}
                    </Text>
                  )}
                  {shipment.eta && !['delivered', 'returned', 'cancelled'].includes(shipment.status) && (
                    <Text data-testid="eta">
                      {t('shipment.eta')}: {formatDateTime(shipment.eta, locale)}
                    </Text>
                  )}
                  <Title order={2} fz="h5">
                    {t('tracking.steps')}
                  </Title>
                  <Timeline active={shipment.events.length - 1} bulletSize={16}>
                    {shipment.events.map((e) => (
                      <Timeline.Item key={`${e.status}-${e.at}`} title={t(`shipment.statuses.${e.status}`)}>
                        <Text fz="sm" c="dimmed">
                          {formatDateTime(e.at, locale)}
                        </Text>
                      </Timeline.Item>
                    ))}
                  </Timeline>
                  <Text fz="xs" c="dimmed">
                    {t('tracking.privacy')}
                  </Text>
                </Stack>
              </Card>
            )}
          </QueryView>
        ))}
    </Stack>
  );
}
