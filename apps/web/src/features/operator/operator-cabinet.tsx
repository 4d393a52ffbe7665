import './strings.ts';
// Mantine's own styles come before those of its extensions.
import '../../ui/all-styles.ts';
import '@mantine/dates/styles.css';
import { Anchor, Button, Group, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, useNavigate, useParams } from 'react-router';
import { api, ok, type Schemas } from '../../api/client.ts';
import { usePreferences } from '../../app/preferences.tsx';
import { formatDateTime, toMinor } from '../../format/money.ts';
import { useSession } from '../../session/session.tsx';
import { CabinetShell } from '../../ui/cabinet-shell.tsx';
import { DataTable } from '../../ui/data-table.tsx';
import { Price } from '../../ui/price.tsx';
import { ErrorAlert, QueryView } from '../../ui/states.tsx';
import { OrderDetails } from '../account/order-details.tsx';
import { OrderStatus } from '../account/order-status.tsx';

type OrderStatusName = Schemas['Order']['status'];
const STATUSES: OrderStatusName[] = ['awaiting_payment', 'paid', 'picking', 'packed', 'shipped', 'delivered', 'cancelled', 'refunded'];

const REFRESH_MS = 5_000;

/** An e-mail in the search box names a customer: their id, found through identity. */
function useCustomerByEmail(text: string) {
  const email = text.includes('@') ? text : '';
  return useQuery({
    queryKey: ['users', 'by-email', email],
    enabled: !!email,
    queryFn: () => ok(api.GET('/api/v1/users', { params: { query: { q: email, limit: 1 } } })),
    select: (page) => page.items.find((u) => u.email.toLowerCase() === email.toLowerCase()) ?? null,
  });
}

const isoDay = (value: string | null) => (value ? value.slice(0, 10) : undefined);

function OrderQueue() {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const navigate = useNavigate();
  const [status, setStatus] = useState<OrderStatusName | null>(null);
  const [text, setText] = useState('');
  const [range, setRange] = useState<[string | null, string | null]>([null, null]);
  const [needle] = useDebouncedValue(text.trim(), 300);
  const customer = useCustomerByEmail(needle);
  const byEmail = needle.includes('@');
  // The queue refreshes by polling (decision 0025): the order list is one cheap indexed query,
  // and polling needs no long-lived connection through the gateway.
  const orders = useQuery({
    queryKey: ['orders', 'queue', status, needle, customer.data?.id ?? null, range],
    enabled: !byEmail || customer.isFetched,
    queryFn: () => {
      const [from, to] = range;
      if (byEmail && !customer.data) return { items: [], nextCursor: null };
      return ok(
        api.GET('/api/v1/orders', {
          params: {
            query: {
              limit: 100,
              ...(status ? { status } : {}),
              ...(needle && !byEmail ? { q: needle } : {}),
              ...(customer.data ? { customerId: customer.data.id } : {}),
              ...(isoDay(from) ? { from: isoDay(from) } : {}),
              ...(isoDay(to) ? { to: isoDay(to) } : {}),
            },
          },
        }),
      );
    },
    refetchInterval: REFRESH_MS,
  });
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
        <TextInput label={t('operator.find')} value={text} onChange={(e) => setText(e.currentTarget.value)} miw={260} />
      </Group>
      <DataTable
        query={orders}
        rows={(page) => page.items}
        rowKey={(o) => o.id}
        caption={t('operator.orders')}
        empty={t('operator.none')}
        minWidth={640}
        onOpen={(o) => navigate(`/operator/orders/${o.id}`)}
        testId="order-queue"
        columns={[
          {
            key: 'number',
            header: t('orders.number'),
            cell: (o) => (
              <Anchor component={Link} to={`/operator/orders/${o.id}`}>
                {o.number}
              </Anchor>
            ),
          },
          { key: 'date', header: t('orders.date'), cell: (o) => formatDateTime(o.createdAt, locale) },
          { key: 'phone', header: t('checkout.phone'), cell: (o) => o.phone },
          { key: 'status', header: t('orders.status'), cell: (o) => <OrderStatus status={o.status} /> },
          { key: 'total', header: t('cart.total'), align: 'right', cell: (o) => <Price value={o.totals.total} /> },
        ]}
      />
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
    onSuccess: () => {
      setAmount('');
      setReason('');
      return queryClient.invalidateQueries();
    },
  });
  if (!['paid', 'picking', 'packed', 'shipped', 'delivered'].includes(order.status)) return null;
  return (
    <Stack gap="xs" maw={420}>
      <Text fw={600}>{t('operator.refund')}</Text>
      <NumberInput label={t('operator.refundAmount', { currency: order.currency })} min={0} value={amount} onChange={setAmount} />
      <TextInput label={t('operator.refundReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} required />
      <Button onClick={() => refund.mutate()} data-testid="refund" loading={refund.isPending} disabled={!reason.trim()}>
        {t('operator.refund')}
      </Button>
      <ErrorAlert error={refund.error} />
    </Stack>
  );
}

function OperatorOrder() {
  const { id = '' } = useParams();
  const { hasRole } = useSession();
  // Payments and fulfilment change the order in the background: the page follows them.
  const order = useQuery({
    queryKey: ['order', id],
    queryFn: () => ok(api.GET('/api/v1/orders/{id}', { params: { path: { id } } })),
    refetchInterval: REFRESH_MS,
  });
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
