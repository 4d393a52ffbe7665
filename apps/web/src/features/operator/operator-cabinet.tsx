import '@mantine/dates/styles.css';
import { Anchor, Button, Group, NumberInput, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, useParams } from 'react-router';
import { api, ok, type Schemas } from '../../api/client.ts';
import { usePreferences } from '../../app/preferences.tsx';
import { formatDateTime, toMinor } from '../../format/money.ts';
import { useSession } from '../../session/session.tsx';
import { CabinetShell } from '../../ui/cabinet-shell.tsx';
import { Price } from '../../ui/price.tsx';
import { ErrorAlert, QueryView } from '../../ui/states.tsx';
import { OrderDetails } from '../account/order-details.tsx';
import { OrderStatus } from '../account/order-status.tsx';

type OrderStatusName = Schemas['Order']['status'];
const STATUSES: OrderStatusName[] = ['awaiting_payment', 'paid', 'picking', 'packed', 'shipped', 'delivered', 'cancelled', 'refunded'];

function OrderQueue() {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const [status, setStatus] = useState<OrderStatusName | null>(null);
  const [text, setText] = useState('');
  const [range, setRange] = useState<[string | null, string | null]>([null, null]);
  // The queue refreshes by polling every 10 s (the orders API has no event stream yet).
  const orders = useQuery({
    queryKey: ['orders', 'queue', status],
    queryFn: () => ok(api.GET('/api/v1/orders', { params: { query: { limit: 100, ...(status ? { status } : {}) } } })),
    refetchInterval: 10_000,
  });
  const needle = text.trim().toLowerCase();
  const [from, to] = range;
  const shown = (orders.data?.items ?? []).filter(
    (o) =>
      (!needle || o.number.toLowerCase().includes(needle) || o.phone.replace(/\D/g, '').includes(needle.replace(/\D/g, '') || '\u0000')) &&
      (!from || o.createdAt.slice(0, 10) >= from) &&
      (!to || o.createdAt.slice(0, 10) <= to),
  );
  return (
    <Stack>
      <Group align="end">
        <Select
          label={t('orders.status')}
          placeholder={t('operator.anyStatus')}
          data={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          value={status}
          onChange={(v) => setStatus(v as OrderStatusName | null)}
          clearable
        />
        <DatePickerInput type="range" label={t('operator.dates')} value={range} onChange={setRange} clearable miw={220} />
        <TextInput label={t('operator.find')} value={text} onChange={(e) => setText(e.currentTarget.value)} />
      </Group>
      <QueryView query={orders} isEmpty={() => shown.length === 0} empty={t('orders.none')}>
        {() => (
          <Table.ScrollContainer minWidth={640}>
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('orders.number')}</Table.Th>
                  <Table.Th>{t('orders.date')}</Table.Th>
                  <Table.Th>{t('checkout.phone')}</Table.Th>
                  <Table.Th>{t('orders.status')}</Table.Th>
                  <Table.Th ta="right">{t('cart.total')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((order) => (
                  <Table.Tr key={order.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/operator/orders/${order.id}`}>
                        {order.number}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{formatDateTime(order.createdAt, locale)}</Table.Td>
                    <Table.Td>{order.phone}</Table.Td>
                    <Table.Td>
                      <OrderStatus status={order.status} />
                    </Table.Td>
                    <Table.Td ta="right">
                      <Price value={order.totals.total} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryView>
      <Text fz="xs" c="dimmed">
        {t('operator.polling')}
      </Text>
    </Stack>
  );
}

function Refund({ order }: { order: Schemas['Order'] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [amount, setAmount] = useState<number | string>('');
  const [reason, setReason] = useState('');
  const refund = useMutation({
    mutationFn: () =>
      ok(
        api.POST('/api/v1/orders/{id}/refund', {
          params: { path: { id: order.id } },
          body: { reason: reason.trim(), ...(amount !== '' ? { amount: toMinor(Number(amount), order.currency) } : {}) },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries(),
  });
  if (!['paid', 'picking', 'packed', 'shipped', 'delivered'].includes(order.status)) return null;
  return (
    <Stack gap="xs" maw={420}>
      <Text fw={600}>{t('operator.refund')}</Text>
      <NumberInput label={t('operator.refundAmount', { currency: order.currency })} min={0} value={amount} onChange={setAmount} />
      <TextInput label={t('operator.refundReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} required />
      <Button variant="light" onClick={() => refund.mutate()} loading={refund.isPending} disabled={!reason.trim()}>
        {t('operator.refund')}
      </Button>
      <ErrorAlert error={refund.error} />
    </Stack>
  );
}

function OperatorOrder() {
  const { id = '' } = useParams();
  const { hasRole } = useSession();
  const order = useQuery({ queryKey: ['order', id], queryFn: () => ok(api.GET('/api/v1/orders/{id}', { params: { path: { id } } })) });
  return (
    <QueryView query={order}>{(o) => <OrderDetails order={o} extra={hasRole('manager', 'admin') && <Refund order={o} />} />}</QueryView>
  );
}

export default function OperatorCabinet() {
  return (
    <CabinetShell
      id="operator"
      sections={[{ path: 'orders', element: <OrderQueue /> }]}
      extraRoutes={<Route path="orders/:id" element={<OperatorOrder />} />}
    />
  );
}
