import { Badge, Button, Group, NumberInput, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ok, type Schemas } from '../../api/client.ts';
import { usePreferences } from '../../app/preferences.tsx';
import { formatDateTime, toMinor } from '../../format/money.ts';
import { CabinetShell } from '../../ui/cabinet-shell.tsx';
import { Price } from '../../ui/price.tsx';
import { ErrorAlert, QueryView } from '../../ui/states.tsx';
import './strings.ts';
import { useWarehouseName, WarehouseSelect } from './warehouse-select.tsx';

type PurchaseOrder = Schemas['PurchaseOrder'];

function StockLevels() {
  const { t } = useTranslation();
  const name = useWarehouseName();
  const [sku, setSku] = useState('');
  const [debounced] = useDebouncedValue(sku.trim(), 300);
  const stock = useQuery({
    queryKey: ['inventory', 'stock', debounced],
    queryFn: () => ok(api.GET('/api/v1/inventory', { params: { query: { limit: 100, ...(debounced ? { sku: debounced } : {}) } } })),
  });
  return (
    <Stack>
      <TextInput label={t('purchasing.findSku')} value={sku} onChange={(e) => setSku(e.currentTarget.value)} maw={320} />
      <QueryView query={stock} isEmpty={(d) => d.length === 0}>
        {(rows) => (
          <Table.ScrollContainer minWidth={560}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('wh.sku')}</Table.Th>
                  <Table.Th>{t('wh.warehouse')}</Table.Th>
                  <Table.Th ta="right">{t('purchasing.onHand')}</Table.Th>
                  <Table.Th ta="right">{t('purchasing.reserved')}</Table.Th>
                  <Table.Th ta="right">{t('purchasing.available')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={`${r.sku}-${r.warehouseId}`}>
                    <Table.Td>{r.sku}</Table.Td>
                    <Table.Td>{name(r.warehouseId)}</Table.Td>
                    <Table.Td ta="right">{r.onHand}</Table.Td>
                    <Table.Td ta="right">{r.reserved}</Table.Td>
                    <Table.Td ta="right">{r.available}</Table.Td>
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

function LowStock() {
  const { t } = useTranslation();
  const [threshold, setThreshold] = useState<number | string>(5);
  const value = Math.max(1, Number(threshold) || 1);
  const low = useQuery({
    queryKey: ['inventory', 'low', value],
    queryFn: () => ok(api.GET('/api/v1/inventory/low-stock', { params: { query: { threshold: value, limit: 100 } } })),
  });
  return (
    <Stack>
      <NumberInput label={t('purchasing.threshold')} min={1} value={threshold} onChange={setThreshold} maw={200} />
      <QueryView query={low} isEmpty={(d) => d.items.length === 0}>
        {(d) => (
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('wh.sku')}</Table.Th>
                <Table.Th ta="right">{t('purchasing.onHand')}</Table.Th>
                <Table.Th ta="right">{t('purchasing.reserved')}</Table.Th>
                <Table.Th ta="right">{t('purchasing.available')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.items.map((r) => (
                <Table.Tr key={r.sku}>
                  <Table.Td>{r.sku}</Table.Td>
                  <Table.Td ta="right">{r.onHand}</Table.Td>
                  <Table.Td ta="right">{r.reserved}</Table.Td>
                  <Table.Td ta="right">{r.available}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryView>
    </Stack>
  );
}

function NewPurchaseOrder() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [supplier, setSupplier] = useState('');
  const [warehouseId, setWarehouseId] = useState<string | null>(null);
  const [sku, setSku] = useState('');
  const [quantity, setQuantity] = useState<number | string>(10);
  const [cost, setCost] = useState<number | string>(100);
  const create = useMutation({
    mutationFn: () =>
      ok(
        api.POST('/api/v1/purchase-orders', {
          body: {
            supplier: supplier.trim(),
            warehouseId: warehouseId ?? '',
            status: 'ordered',
            lines: [{ sku: sku.trim(), quantity: Number(quantity), unitCost: { amount: toMinor(Number(cost), 'RUB'), currency: 'RUB' } }],
          },
        }),
      ),
    onSuccess: () => {
      setSku('');
      void queryClient.invalidateQueries({ queryKey: ['purchase-orders'] });
    },
  });
  return (
    <Stack gap="xs" p="sm" style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 8 }}>
      <Text fw={600}>{t('purchasing.newOrder')}</Text>
      <Group align="end">
        <TextInput label={t('purchasing.supplier')} value={supplier} onChange={(e) => setSupplier(e.currentTarget.value)} />
        <WarehouseSelect label={t('wh.warehouse')} value={warehouseId} onChange={setWarehouseId} />
        <TextInput label={t('wh.sku')} value={sku} onChange={(e) => setSku(e.currentTarget.value)} />
        <NumberInput label={t('wh.quantity')} min={1} value={quantity} onChange={setQuantity} maw={120} />
        <NumberInput label={t('purchasing.unitCost')} min={0} decimalScale={2} value={cost} onChange={setCost} maw={160} />
        <Button
          onClick={() => create.mutate()}
          loading={create.isPending}
          disabled={!supplier.trim() || !warehouseId || !sku.trim() || Number(quantity) < 1}
        >
          {t('purchasing.create')}
        </Button>
      </Group>
      <ErrorAlert error={create.error} />
    </Stack>
  );
}

function Receiving({ order }: { order: PurchaseOrder }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [arrived, setArrived] = useState<Record<string, number | string>>({});
  const receive = useMutation({
    mutationFn: (lines?: { sku: string; quantity: number }[]) =>
      ok(api.POST('/api/v1/purchase-orders/{id}/receive', { params: { path: { id: order.id } }, body: lines ? { lines } : {} })),
    onSuccess: () => {
      setArrived({});
      void queryClient.invalidateQueries({ queryKey: ['purchase-orders'] });
      void queryClient.invalidateQueries({ queryKey: ['inventory'] });
    },
  });
  const lines = order.lines.map((l) => ({ sku: l.sku, quantity: Number(arrived[l.sku] ?? 0) })).filter((l) => l.quantity > 0);
  return (
    <Stack gap="xs">
      {order.lines
        .filter((l) => l.received < l.quantity)
        .map((l) => (
          <NumberInput
            key={l.sku}
            label={`${t('purchasing.arrived')}: ${l.sku} (${l.received} / ${l.quantity})`}
            min={0}
            max={l.quantity - l.received}
            value={arrived[l.sku] ?? ''}
            onChange={(v) => setArrived((a) => ({ ...a, [l.sku]: v }))}
            maw={320}
          />
        ))}
      <Group>
        <Button onClick={() => receive.mutate(lines)} disabled={lines.length === 0} loading={receive.isPending}>
          {t('purchasing.receive')}
        </Button>
        <Button variant="default" onClick={() => receive.mutate(undefined)} loading={receive.isPending}>
          {t('purchasing.receiveAll')}
        </Button>
      </Group>
      <ErrorAlert error={receive.error} />
    </Stack>
  );
}

function PurchaseOrders() {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const name = useWarehouseName();
  const orders = useQuery({
    queryKey: ['purchase-orders'],
    queryFn: () => ok(api.GET('/api/v1/purchase-orders', { params: { query: { limit: 100 } } })),
  });
  return (
    <Stack>
      <NewPurchaseOrder />
      <QueryView query={orders} isEmpty={(d) => d.items.length === 0}>
        {(d) => (
          <Stack>
            {d.items.map((order) => (
              <Stack
                key={order.id}
                gap="xs"
                p="sm"
                data-testid="purchase-order"
                style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 8 }}
              >
                <Group justify="space-between">
                  <Text fw={600}>
                    {order.supplier.name} → {name(order.warehouseId)}
                  </Text>
                  <Group gap="xs">
                    <Badge variant="light">{t(`purchasing.poStatus.${order.status}`)}</Badge>
                    <Text fz="xs" c="dimmed">
                      {formatDateTime(order.createdAt, locale)}
                    </Text>
                  </Group>
                </Group>
                <Table>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('wh.sku')}</Table.Th>
                      <Table.Th ta="right">{t('wh.quantity')}</Table.Th>
                      <Table.Th ta="right">{t('purchasing.received')}</Table.Th>
                      <Table.Th ta="right">{t('purchasing.unitCost')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {order.lines.map((l) => (
                      <Table.Tr key={l.sku}>
                        <Table.Td>{l.sku}</Table.Td>
                        <Table.Td ta="right">{l.quantity}</Table.Td>
                        <Table.Td ta="right" data-testid={`received-${l.sku}`}>
                          {l.received}
                        </Table.Td>
                        <Table.Td ta="right">
                          <Price value={l.unitCost} />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
                <Text fz="sm">
                  {t('purchasing.total')}: <Price value={order.total} />
                </Text>
                {(order.status === 'ordered' || order.status === 'partially_received') && <Receiving order={order} />}
              </Stack>
            ))}
          </Stack>
        )}
      </QueryView>
    </Stack>
  );
}

/** The purchaser's desk: stock levels, what runs low, purchase orders and their receipts. */
export default function PurchasingCabinet() {
  return (
    <CabinetShell
      id="purchasing"
      sections={[
        { path: 'stock', element: <StockLevels /> },
        { path: 'low-stock', element: <LowStock /> },
        { path: 'orders', element: <PurchaseOrders /> },
      ]}
    />
  );
}
