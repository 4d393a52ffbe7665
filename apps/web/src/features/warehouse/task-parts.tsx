import { Badge, Table } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ok, type Schemas } from '../../api/client.ts';

export type PickingTask = Schemas['PickingTask'];
export type TaskStatus = PickingTask['status'];
export const TASK_STATUSES: TaskStatus[] = ['pending', 'assigned', 'picking', 'short', 'packed', 'verified', 'cancelled'];

const COLORS: Record<TaskStatus, string> = {
  pending: 'gray',
  assigned: 'blue',
  picking: 'indigo',
  short: 'orange',
  packed: 'teal',
  verified: 'green',
  cancelled: 'red',
};

export function TaskStatusBadge({ status }: { status: TaskStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={`${COLORS[status]}.9`} variant="filled">
      {t(`taskStatus.${status}`)}
    </Badge>
  );
}

/** The task's lines: what to pick, how many are picked and missing. */
export function TaskLines({ task }: { task: PickingTask }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={420}>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('wh.sku')}</Table.Th>
            <Table.Th>{t('wh.title')}</Table.Th>
            <Table.Th ta="right">{t('wh.quantity')}</Table.Th>
            <Table.Th ta="right">{t('wh.picked')}</Table.Th>
            <Table.Th ta="right">{t('wh.missing')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {task.lines.map((l) => (
            <Table.Tr key={l.sku}>
              <Table.Td>{l.sku}</Table.Td>
              <Table.Td>{l.title}</Table.Td>
              <Table.Td ta="right">{l.quantity}</Table.Td>
              <Table.Td ta="right">{l.picked}</Table.Td>
              <Table.Td ta="right">{l.missing}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Picking tasks of one status (or all), oldest first; refreshed every 5 s while the screen is open. */
export function useTasks(query: { status?: TaskStatus; mine?: boolean }) {
  return useQuery({
    queryKey: ['picking', 'tasks', query],
    queryFn: () => ok(api.GET('/api/v1/picking/tasks', { params: { query: { limit: 100, ...query } } })),
    refetchInterval: 5_000,
  });
}
