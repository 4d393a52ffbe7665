import { Button, Group, NumberInput, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ok, type Schemas } from '../../api/client.ts';
import { usePreferences } from '../../app/preferences.tsx';
import { formatDateTime } from '../../format/money.ts';
import { CabinetShell } from '../../ui/cabinet-shell.tsx';
import { ErrorAlert, QueryView } from '../../ui/states.tsx';
import './strings.ts';
import { type PickingTask, TaskLines, TaskStatusBadge, useTasks } from './task-parts.tsx';
import { useWarehouseName, WarehouseSelect } from './warehouse-select.tsx';

type Reason = Schemas['StockMovement']['reason'];
const REASONS: Reason[] = [
  'initial',
  'reserve',
  'release',
  'commit',
  'shipment',
  'receipt',
  'adjustment',
  'audit',
  'transfer_out',
  'transfer_in',
  'issue_to_worker',
  'return',
];

function QualityCheck({ task }: { task: PickingTask }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const verify = useMutation({
    mutationFn: (okay: boolean) =>
      ok(
        api.POST('/api/v1/picking/tasks/{id}/verify', { params: { path: { id: task.id } }, body: { ok: okay, note: note.trim() || null } }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['picking'] }),
  });
  return (
    <Stack gap="xs" p="sm" style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 8 }}>
      <Group justify="space-between">
        <Text fw={600}>
          {t('wh.order')} {task.orderNumber}
        </Text>
        <Group gap="xs">
          {task.pickSeconds !== null && (
            <Text fz="sm" c="dimmed">
              {t('wh.pickSeconds')}: {task.pickSeconds}
            </Text>
          )}
          <TaskStatusBadge status={task.status} />
        </Group>
      </Group>
      <TaskLines task={task} />
      <Group align="end">
        <TextInput label={t('stock.rejectNote')} value={note} onChange={(e) => setNote(e.currentTarget.value)} miw={260} />
        <Button loading={verify.isPending} onClick={() => verify.mutate(true)}>
          {t('stock.approve')}
        </Button>
        <Button variant="default" loading={verify.isPending} disabled={!note.trim()} onClick={() => verify.mutate(false)}>
          {t('stock.reject')}
        </Button>
      </Group>
      <ErrorAlert error={verify.error} />
    </Stack>
  );
}

function Checks() {
  const { t } = useTranslation();
  const tasks = useTasks({ status: 'packed' });
  return (
    <QueryView query={tasks} isEmpty={(d) => d.items.length === 0} empty={t('stock.nothingPacked')}>
      {(d) => (
        <Stack>
          {d.items.map((task) => (
            <QualityCheck key={task.id} task={task} />
          ))}
        </Stack>
      )}
    </QueryView>
  );
}

function NewAudit() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [warehouseId, setWarehouseId] = useState<string | null>(null);
  const [lines, setLines] = useState<{ sku: string; counted: number | string }[]>([{ sku: '', counted: 0 }]);
  const post = useMutation({
    mutationFn: () =>
      ok(
        api.POST('/api/v1/stock-audits', {
          body: {
            warehouseId: warehouseId ?? '',
            lines: lines.filter((l) => l.sku.trim()).map((l) => ({ sku: l.sku.trim(), counted: Number(l.counted) })),
          },
        }),
      ),
    onSuccess: () => {
      setLines([{ sku: '', counted: 0 }]);
      void queryClient.invalidateQueries({ queryKey: ['stock-audits'] });
    },
  });
  const set = (i: number, patch: Partial<{ sku: string; counted: number | string }>) =>
    setLines((all) => all.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  return (
    <Stack gap="xs" p="sm" style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 8 }}>
      <Text fw={600}>{t('stock.newAudit')}</Text>
      <WarehouseSelect label={t('wh.warehouse')} value={warehouseId} onChange={setWarehouseId} />
      {lines.map((l, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place and never reordered
        <Group key={i} align="end">
          <TextInput label={`${t('wh.sku')} ${i + 1}`} value={l.sku} onChange={(e) => set(i, { sku: e.currentTarget.value })} />
          <NumberInput
            label={`${t('stock.counted')} ${i + 1}`}
            min={0}
            value={l.counted}
            onChange={(v) => set(i, { counted: v })}
            maw={160}
          />
        </Group>
      ))}
      <Group>
        <Button variant="default" onClick={() => setLines((all) => [...all, { sku: '', counted: 0 }])}>
          {t('stock.addLine')}
        </Button>
        <Button onClick={() => post.mutate()} loading={post.isPending} disabled={!warehouseId || !lines.some((l) => l.sku.trim())}>
          {t('stock.post')}
        </Button>
      </Group>
      <ErrorAlert error={post.error} />
    </Stack>
  );
}

function Audits() {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const name = useWarehouseName();
  const audits = useQuery({
    queryKey: ['stock-audits'],
    queryFn: () => ok(api.GET('/api/v1/stock-audits', { params: { query: { limit: 50 } } })),
  });
  return (
    <Stack>
      <NewAudit />
      <QueryView query={audits} isEmpty={(d) => d.items.length === 0}>
        {(d) => (
          <Table.ScrollContainer minWidth={560}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('stock.when')}</Table.Th>
                  <Table.Th>{t('wh.warehouse')}</Table.Th>
                  <Table.Th>{t('wh.sku')}</Table.Th>
                  <Table.Th ta="right">{t('stock.expected')}</Table.Th>
                  <Table.Th ta="right">{t('stock.counted')}</Table.Th>
                  <Table.Th ta="right">{t('stock.delta')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.items.flatMap((audit) =>
                  audit.lines.map((l) => (
                    <Table.Tr key={`${audit.id}-${l.sku}`}>
                      <Table.Td>{formatDateTime(audit.createdAt, locale)}</Table.Td>
                      <Table.Td>{name(audit.warehouseId)}</Table.Td>
                      <Table.Td>{l.sku}</Table.Td>
                      <Table.Td ta="right">{l.expected}</Table.Td>
                      <Table.Td ta="right">{l.counted}</Table.Td>
                      <Table.Td ta="right">{l.delta}</Table.Td>
                    </Table.Tr>
                  )),
                )}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryView>
    </Stack>
  );
}

function Journal() {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const name = useWarehouseName();
  const [sku, setSku] = useState('');
  const [reason, setReason] = useState<Reason | null>(null);
  const [warehouseId, setWarehouseId] = useState<string | null>(null);
  const [debounced] = useDebouncedValue(sku.trim(), 300);
  const movements = useQuery({
    queryKey: ['inventory', 'movements', debounced, reason, warehouseId],
    queryFn: () =>
      ok(
        api.GET('/api/v1/inventory/movements', {
          params: {
            query: {
              limit: 100,
              ...(debounced ? { sku: debounced } : {}),
              ...(reason ? { reason } : {}),
              ...(warehouseId ? { warehouseId } : {}),
            },
          },
        }),
      ),
  });
  return (
    <Stack>
      <Group align="end">
        <TextInput label={t('wh.sku')} value={sku} onChange={(e) => setSku(e.currentTarget.value)} />
        <Select
          label={t('stock.reason')}
          placeholder={t('stock.anyReason')}
          data={REASONS.map((r) => ({ value: r, label: t(`stock.reasons.${r}`) }))}
          value={reason}
          onChange={(v) => setReason(v as Reason | null)}
          clearable
        />
        <WarehouseSelect
          label={t('wh.warehouse')}
          placeholder={t('wh.anyWarehouse')}
          value={warehouseId}
          onChange={setWarehouseId}
          clearable
        />
      </Group>
      <QueryView query={movements} isEmpty={(d) => d.items.length === 0}>
        {(d) => (
          <Table.ScrollContainer minWidth={760}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('stock.when')}</Table.Th>
                  <Table.Th>{t('wh.sku')}</Table.Th>
                  <Table.Th>{t('wh.warehouse')}</Table.Th>
                  <Table.Th>{t('stock.reason')}</Table.Th>
                  <Table.Th ta="right">{t('stock.change')}</Table.Th>
                  <Table.Th ta="right">{t('stock.after')}</Table.Th>
                  <Table.Th>{t('wh.note')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.items.map((m) => (
                  <Table.Tr key={m.id}>
                    <Table.Td>{formatDateTime(m.createdAt, locale)}</Table.Td>
                    <Table.Td>{m.sku}</Table.Td>
                    <Table.Td>{name(m.warehouseId)}</Table.Td>
                    <Table.Td>{t(`stock.reasons.${m.reason}`)}</Table.Td>
                    <Table.Td ta="right">
                      {m.onHandDelta !== 0 ? `${m.onHandDelta > 0 ? '+' : ''}${m.onHandDelta}` : ''}
                      {m.reservedDelta !== 0 ? ` (${t('purchasing.reserved')} ${m.reservedDelta > 0 ? '+' : ''}${m.reservedDelta})` : ''}
                    </Table.Td>
                    <Table.Td ta="right">
                      {m.onHandAfter} / {m.reservedAfter}
                    </Table.Td>
                    <Table.Td>{m.note ?? ''}</Table.Td>
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

/** The controller's warehouse desk: quality checks of packed tasks, stock audits, and the movements journal. */
export default function StockCabinet() {
  return (
    <CabinetShell
      id="stock"
      sections={[
        { path: 'checks', element: <Checks /> },
        { path: 'audits', element: <Audits /> },
        { path: 'journal', element: <Journal /> },
      ]}
    />
  );
}
