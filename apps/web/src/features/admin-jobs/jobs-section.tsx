import { Badge, Button, Code, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ok } from '../../api/client.ts';
import { usePreferences } from '../../app/preferences.tsx';
import { formatDateTime } from '../../format/money.ts';
import { registerStrings } from '../../i18n/i18n.ts';
import { QueryView } from '../../ui/states.tsx';

const ru = {
  admin: {
    jobs: 'Задания',
    jobsIntro: 'Вся работа по расписанию: когда запускалась, когда запустится и чем закончилась.',
    queue: 'Задание',
    schedule: 'Расписание',
    onDemand: 'по событию',
    nextRun: 'Следующий запуск',
    lastRun: 'Последний запуск',
    lastFailure: 'Последний сбой',
    failures: 'Сбоев за 7 дней',
    waiting: 'В очереди / идёт',
    refresh: 'Обновить',
    never: '—',
  },
};
const en: typeof ru = {
  admin: {
    jobs: 'Jobs',
    jobsIntro: 'All timed work: when it last ran, when it runs next and how it ended.',
    queue: 'Job',
    schedule: 'Schedule',
    onDemand: 'on demand',
    nextRun: 'Next run',
    lastRun: 'Last run',
    lastFailure: 'Last failure',
    failures: 'Failures, 7 days',
    waiting: 'Queued / active',
    refresh: 'Refresh',
    never: '—',
  },
};
registerStrings({ ru, en });

/** The scheduler's queues (pg-boss) for the admin: schedules, last and next runs, failures. */
export function JobsSection() {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const jobs = useQuery({ queryKey: ['admin', 'jobs'], queryFn: () => ok(api.GET('/api/v1/admin/jobs')), refetchInterval: 30_000 });
  const when = (iso: string | null) => (iso ? formatDateTime(iso, locale) : t('admin.never'));
  return (
    <Stack>
      <Group justify="space-between">
        <Text c="dimmed">{t('admin.jobsIntro')}</Text>
        <Button variant="default" loading={jobs.isFetching} onClick={() => void jobs.refetch()}>
          {t('admin.refresh')}
        </Button>
      </Group>
      <QueryView query={jobs} isEmpty={(d) => d.items.length === 0}>
        {(d) => (
          <Table.ScrollContainer minWidth={900}>
            <Table striped data-testid="jobs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('admin.queue')}</Table.Th>
                  <Table.Th>{t('admin.schedule')}</Table.Th>
                  <Table.Th>{t('admin.nextRun')}</Table.Th>
                  <Table.Th>{t('admin.lastRun')}</Table.Th>
                  <Table.Th>{t('admin.lastFailure')}</Table.Th>
                  <Table.Th ta="right">{t('admin.failures')}</Table.Th>
                  <Table.Th ta="right">{t('admin.waiting')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.items.map((job) => (
                  <Table.Tr key={job.queue} data-testid="job" data-queue={job.queue}>
                    <Table.Td>
                      <Code>{job.queue}</Code>
                    </Table.Td>
                    <Table.Td>{job.cron ? <Code>{job.cron}</Code> : <Text c="dimmed">{t('admin.onDemand')}</Text>}</Table.Td>
                    <Table.Td>{when(job.nextRunAt)}</Table.Td>
                    <Table.Td>{when(job.lastCompletedAt ?? job.lastStartedAt)}</Table.Td>
                    <Table.Td>
                      {job.lastFailedAt ? (
                        <Tooltip label={job.lastError ?? ''} disabled={!job.lastError} multiline w={360}>
                          <Text c="red.9" tabIndex={0}>
                            {when(job.lastFailedAt)}
                          </Text>
                        </Tooltip>
                      ) : (
                        t('admin.never')
                      )}
                    </Table.Td>
                    <Table.Td ta="right">{job.failures > 0 ? <Badge color="red.9">{job.failures}</Badge> : 0}</Table.Td>
                    <Table.Td ta="right">
                      {job.queued} / {job.active}
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
