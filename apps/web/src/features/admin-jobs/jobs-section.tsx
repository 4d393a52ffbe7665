import { Badge, Button, Code, Group, Stack, Text, Tooltip } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ok } from '../../api/client.ts';
import { usePreferences } from '../../app/preferences.tsx';
import { formatDateTime } from '../../format/money.ts';
import { registerStrings } from '../../i18n/i18n.ts';
import { DataTable } from '../../ui/data-table.tsx';

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
      <DataTable
        query={jobs}
        rows={(d) => d.items}
        rowKey={(job) => job.queue}
        rowProps={(job) => ({ 'data-testid': 'job', 'data-queue': job.queue })}
        caption={t('admin.jobs')}
        minWidth={900}
        testId="jobs"
        columns={[
          { key: 'queue', header: t('admin.queue'), cell: (job) => <Code>{job.queue}</Code> },
          {
            key: 'schedule',
            header: t('admin.schedule'),
            cell: (job) => (job.cron ? <Code>{job.cron}</Code> : <Text c="dimmed">{t('admin.onDemand')}</Text>),
          },
          { key: 'next', header: t('admin.nextRun'), cell: (job) => when(job.nextRunAt) },
          { key: 'last', header: t('admin.lastRun'), cell: (job) => when(job.lastCompletedAt ?? job.lastStartedAt) },
          {
            key: 'failure',
            header: t('admin.lastFailure'),
            cell: (job) =>
              job.lastFailedAt ? (
                <Tooltip label={job.lastError ?? ''} disabled={!job.lastError} multiline w={360}>
                  <Text c="red.9" tabIndex={0}>
                    {when(job.lastFailedAt)}
                  </Text>
                </Tooltip>
              ) : (
                t('admin.never')
              ),
          },
          {
            key: 'failures',
            header: t('admin.failures'),
            align: 'right',
            cell: (job) => (job.failures > 0 ? <Badge color="red.9">{job.failures}</Badge> : 0),
          },
          { key: 'waiting', header: t('admin.waiting'), align: 'right', cell: (job) => `${job.queued} / ${job.active}` },
        ]}
      />
    </Stack>
  );
}
