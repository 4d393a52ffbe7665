import { Button, Group, Select, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ok } from '../../api/client.ts';
import { usePreferences } from '../../app/preferences.tsx';
import { formatDateTime } from '../../format/money.ts';
import { CabinetShell } from '../../ui/cabinet-shell.tsx';
import { DataTable } from '../../ui/data-table.tsx';
import { ErrorAlert, QueryView } from '../../ui/states.tsx';
import './strings.ts';
import { type PickingTask, TASK_STATUSES, TaskLines, type TaskStatus, TaskStatusBadge, useTasks } from './task-parts.tsx';

function usePickers() {
  return useQuery({
    queryKey: ['staff', 'picker'],
    queryFn: () => ok(api.GET('/api/v1/staff', { params: { query: { role: 'picker', limit: 100 } } })),
  });
}

function AssignControl({ task, pickers }: { task: PickingTask; pickers: { value: string; label: string }[] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [pickerId, setPickerId] = useState<string | null>(task.pickerId);
  const assign = useMutation({
    mutationFn: (id: string) =>
      ok(api.POST('/api/v1/picking/tasks/{id}/assign', { params: { path: { id: task.id } }, body: { pickerId: id } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['picking'] }),
  });
  if (task.status !== 'pending' && task.status !== 'assigned') return null;
  return (
    <Stack gap={4}>
      <Group gap="xs" wrap="nowrap">
        <Select
          aria-label={`${t('wh.choosePicker')} ${task.orderNumber}`}
          placeholder={t('wh.choosePicker')}
          data={pickers}
          value={pickerId}
          onChange={setPickerId}
          searchable
          size="xs"
          miw={180}
        />
        <Button
          size="xs"
          disabled={!pickerId || pickerId === task.pickerId}
          loading={assign.isPending}
          onClick={() => pickerId && assign.mutate(pickerId)}
        >
          {t('wh.assign')}
        </Button>
      </Group>
      <ErrorAlert error={assign.error} />
    </Stack>
  );
}

function Queue() {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const [status, setStatus] = useState<TaskStatus | null>(null);
  const tasks = useTasks(status ? { status } : {});
  const staff = usePickers();
  const pickers = (staff.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }));
  const nameOf = (id: string | null) => pickers.find((p) => p.value === id)?.label ?? id ?? t('wh.nobody');
  return (
    <Stack>
      <Select
        label={t('wh.status')}
        placeholder={t('wh.anyStatus')}
        data={TASK_STATUSES.map((s) => ({ value: s, label: t(`taskStatus.${s}`) }))}
        value={status}
        onChange={(v) => setStatus(v as TaskStatus | null)}
        clearable
        maw={260}
      />
      <DataTable
        query={tasks}
        rows={(d) => d.items}
        rowKey={(task) => task.id}
        rowProps={() => ({ 'data-testid': 'picking-task' })}
        caption={t('picking.queue')}
        empty={t('wh.noTasks')}
        minWidth={760}
        columns={[
          { key: 'order', header: t('wh.order'), cell: (task) => task.orderNumber },
          { key: 'kind', header: t('wh.kind'), cell: (task) => t(`taskKind.${task.kind}`) },
          { key: 'status', header: t('wh.status'), cell: (task) => <TaskStatusBadge status={task.status} /> },
          { key: 'lines', header: t('wh.lines'), cell: (task) => task.lines.map((l) => `${l.sku} × ${l.quantity}`).join(', ') },
          { key: 'created', header: t('wh.created'), cell: (task) => formatDateTime(task.createdAt, locale) },
          {
            key: 'picker',
            header: t('wh.picker'),
            cell: (task) =>
              task.status === 'pending' || task.status === 'assigned' ? (
                <AssignControl task={task} pickers={pickers} />
              ) : (
                <Text fz="sm">{nameOf(task.pickerId)}</Text>
              ),
          },
        ]}
      />
    </Stack>
  );
}

function ShortageCard({ task }: { task: PickingTask }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const resolve = useMutation({
    mutationFn: (input: { sku: string; action: 'wait' | 'remove' }) =>
      ok(api.POST('/api/v1/picking/tasks/{id}/shortage/resolve', { params: { path: { id: task.id } }, body: input })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['picking'] }),
  });
  return (
    <Stack gap="xs" p="sm" style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 8 }}>
      <Group justify="space-between">
        <Text fw={600}>
          {t('wh.order')} {task.orderNumber}
        </Text>
        <TaskStatusBadge status={task.status} />
      </Group>
      <TaskLines task={task} />
      {task.lines
        .filter((l) => l.missing > 0)
        .map((l) => (
          <Group key={l.sku} gap="xs">
            <Text fz="sm">
              {l.sku}: {t('wh.missing').toLowerCase()} {l.missing}
            </Text>
            <Button size="xs" variant="default" loading={resolve.isPending} onClick={() => resolve.mutate({ sku: l.sku, action: 'wait' })}>
              {t('wh.wait')}
            </Button>
            <Button size="xs" color="red" loading={resolve.isPending} onClick={() => resolve.mutate({ sku: l.sku, action: 'remove' })}>
              {t('wh.remove')}
            </Button>
          </Group>
        ))}
      <ErrorAlert error={resolve.error} />
    </Stack>
  );
}

function Shortages() {
  const { t } = useTranslation();
  const tasks = useTasks({ status: 'short' });
  return (
    <QueryView query={tasks} isEmpty={(d) => d.items.length === 0} empty={t('wh.noShortages')}>
      {(d) => (
        <Stack>
          {d.items.map((task) => (
            <ShortageCard key={task.id} task={task} />
          ))}
        </Stack>
      )}
    </QueryView>
  );
}

/** The operator's picking desk: the queue with assignment, and the shortages pickers reported. */
export default function PickingCabinet() {
  return (
    <CabinetShell
      id="picking"
      sections={[
        { path: 'queue', element: <Queue /> },
        { path: 'shortages', element: <Shortages /> },
      ]}
    />
  );
}
