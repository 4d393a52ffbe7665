import { Button, FileInput, Group, Progress, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ok } from '../../api/client.ts';
import { ErrorAlert } from '../../ui/states.tsx';

/** CSV import: upload, then the server's progress polled every half second until it finishes. */
export function ImportSection() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [importId, setImportId] = useState<string | null>(null);
  const upload = useMutation({
    mutationFn: async (csv: File) =>
      ok(
        api.POST('/api/v1/products/import', {
          body: await csv.text(),
          bodySerializer: (body) => body,
          headers: { 'content-type': 'text/csv' },
        }),
      ),
    onSuccess: (started) => setImportId(started.id),
  });
  const status = useQuery({
    queryKey: ['import', importId],
    enabled: !!importId,
    queryFn: () => ok(api.GET('/api/v1/imports/{id}', { params: { path: { id: importId ?? '' } } })),
    refetchInterval: (query) => (['completed', 'failed'].includes(query.state.data?.status ?? '') ? false : 500),
  });
  const job = status.data;
  const percent = job && job.total > 0 ? Math.round((job.processed / job.total) * 100) : job?.status === 'completed' ? 100 : 0;
  if (job?.status === 'completed') void queryClient.invalidateQueries({ queryKey: ['products'] });
  return (
    <Stack maw={720}>
      <Text fz="sm" c="dimmed">
        {t('manager.importHelp')}
      </Text>
      <Group align="end">
        <FileInput
          label={t('manager.csvFile')}
          accept=".csv,text/csv"
          value={file}
          onChange={setFile}
          miw={260}
          clearable
          clearButtonProps={{ 'aria-label': t('form.clear') }}
        />
        <Button disabled={!file} loading={upload.isPending} onClick={() => file && upload.mutate(file)}>
          {t('manager.import')}
        </Button>
      </Group>
      <ErrorAlert error={upload.error ?? status.error} />
      {job && (
        <Stack gap="xs" data-testid="import-status" data-status={job.status} data-percent={percent}>
          <Progress value={percent} aria-label={t('manager.importProgress')} animated={job.status === 'running'} size="lg" />
          <Text>
            {t(`manager.importStatus.${job.status}`)} · {job.processed} / {job.total} ({percent}%)
          </Text>
          {job.errors.length > 0 && (
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('manager.line')}</Table.Th>
                  <Table.Th>{t('manager.error')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {job.errors.map((e) => (
                  <Table.Tr key={`${e.line}-${e.message}`}>
                    <Table.Td>{e.line}</Table.Td>
                    <Table.Td>{e.message}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      )}
    </Stack>
  );
}
