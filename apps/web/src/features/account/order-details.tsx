import { Button, Card, Group, Stack, Table, Text, Textarea, Timeline, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ok, type Schemas } from '../../api/client.ts';
import { usePreferences } from '../../app/preferences.tsx';
import { formatDateTime } from '../../format/money.ts';
import { Price } from '../../ui/price.tsx';
import { ErrorAlert } from '../../ui/states.tsx';
import { OrderStatus } from './order-status.tsx';

/** One order with its lines, totals and status timeline; cancel while the order allows it. Shared by customer and operator. */
export function OrderDetails({ order, extra }: { order: Schemas['Order']; extra?: React.ReactNode }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const cancel = useMutation({
    mutationFn: () =>
      ok(
        api.POST('/api/v1/orders/{id}/cancel', {
          params: { path: { id: order.id } },
          body: reason.trim() ? { reason: reason.trim() } : {},
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries(),
  });
  const canCancel = order.nextStatuses.includes('cancelled');
  // Null for staff whose work needs no contact with the customer.
  const address = order.shippingAddress;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} fz="h3">
          {t('order.title', { number: order.number })}
        </Title>
        <OrderStatus status={order.status} />
      </Group>
      <Text c="dimmed" fz="sm">
        {formatDateTime(order.createdAt, locale)}
        {order.phone ? ` · ${order.phone}` : ''}
        {address ? ` · ${address.city}, ${address.street} ${address.house}${address.apartment ? `, ${address.apartment}` : ''}` : ''}
      </Text>
      <Table>
        <Table.Tbody>
          {order.items.map((item) => (
            <Table.Tr key={item.variantId}>
              <Table.Td>{item.title}</Table.Td>
              <Table.Td>× {item.quantity}</Table.Td>
              <Table.Td ta="right">
                <Price value={item.total} />
              </Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Td colSpan={2}>{t('cart.discount')}</Table.Td>
            <Table.Td ta="right">
              <Price value={order.totals.discount} />
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Td colSpan={2} fw={700}>
              {t('cart.total')}
            </Table.Td>
            <Table.Td ta="right" fw={700}>
              <Price value={order.totals.total} />
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <Card withBorder>
        <Title order={2} fz="h5" mb="sm">
          {t('order.history')}
        </Title>
        <Timeline active={order.history.length - 1} bulletSize={14}>
          {order.history.map((entry) => (
            <Timeline.Item key={`${entry.status}-${entry.at}`} title={t(`status.${entry.status}`)}>
              <Text fz="xs" c="dimmed">
                {formatDateTime(entry.at, locale)}
                {entry.note ? ` · ${entry.note}` : ''}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      </Card>
      {order.payment && (
        <Text fz="sm" data-testid="payment-status" data-status={order.payment.status}>
          {t('order.payment')}: {t(`payment.${order.payment.status}`, { defaultValue: order.payment.status })}
        </Text>
      )}
      {canCancel && (
        <Stack gap="xs" maw={420}>
          <Textarea
            label={t('order.cancelReason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            autosize
            minRows={1}
          />
          <Button color="red" variant="light" loading={cancel.isPending} onClick={() => cancel.mutate()}>
            {t('order.cancel')}
          </Button>
          <ErrorAlert error={cancel.error} />
        </Stack>
      )}
      {extra}
    </Stack>
  );
}
