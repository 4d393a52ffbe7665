import { Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ok } from '../../api/client.ts';
import { usePreferences } from '../../app/preferences.tsx';
import { formatDateTime } from '../../format/money.ts';
import { CabinetShell } from '../../ui/cabinet-shell.tsx';
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
      <QueryView query={tasks} isEmpty={(d) => d.items.length === 0} empty={t('wh.noTasks')}>
        {(d) => (
          <Table.ScrollContainer minWidth={760}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('wh.order')}</Table.Th>
                  <Table.Th>{t('wh.kind')}</Table.Th>
                  <Table.Th>{t('wh.status')}</Table.Th>
                  <Table.Th>{t('wh.lines')}</Table.Th>
                  <Table.Th>{t('wh.created')}</Table.Th>
                  <Table.Th>{t('wh.picker')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.items.map((task) => (
                  <Table.Tr key={task.id} data-testid="picking-task">
                    <Table.Td>{task.orderNumber}</Table.Td>
                    <Table.Td>{t(`taskKind.${task.kind}`)}</Table.Td>
                    <Table.Td>
                      <TaskStatusBadge status={task.status} />
                    </Table.Td>
                    <Table.Td>{task.lines.map((l) => `${l.sku} × ${l.quantity}`).join(', ')}</Table.Td>
                    <Table.Td>{formatDateTime(task.createdAt, locale)}</Table.Td>
                    <Table.Td>
                      {task.status === 'pending' || task.status === 'assigned' ? (
                        <AssignControl task={task} pickers={pickers} />
                      ) : (
                        <Text fz="sm">{nameOf(task.pickerId)}</Text>
                      )}
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
