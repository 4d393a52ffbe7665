import { Badge, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ok } from '../../api/client.ts';
import { usePreferences } from '../../app/preferences.tsx';
import { formatDateTime } from '../../format/money.ts';
import { ErrorAlert, QueryView } from '../../ui/states.tsx';

function RateRow({ currency, rate, source }: { currency: string; rate: string; source: string | undefined }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [value, setValue] = useState(rate);
  const save = useMutation({
    mutationFn: () => ok(api.PUT('/api/v1/rates/{currency}', { params: { path: { currency } }, body: { rate: value.trim() } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['rates'] }),
  });
  return (
    <Table.Tr>
      <Table.Td fw={600}>{currency}</Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <TextInput
            aria-label={t('manager.rateOf', { currency })}
            value={value}
            onChange={(e) => setValue(e.currentTarget.value)}
            size="xs"
            w={120}
            error={save.error?.message}
          />
          <Button size="xs" disabled={value === rate} loading={save.isPending} onClick={() => save.mutate()}>
            {t('form.save')}
          </Button>
        </Group>
      </Table.Td>
      <Table.Td>{source && <Badge>{t(`manager.rateSource.${source}`)}</Badge>}</Table.Td>
    </Table.Tr>
  );
}

export function RatesSection() {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const queryClient = useQueryClient();
  const rates = useQuery({ queryKey: ['rates'], queryFn: () => ok(api.GET('/api/v1/rates')) });
  const refresh = useMutation({
    mutationFn: () => ok(api.POST('/api/v1/rates/refresh')),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['rates'] }),
  });
  return (
    <QueryView query={rates}>
      {(d) => (
        <Stack maw={560}>
          <Group justify="space-between">
            <Text>
              {t('manager.rateBase', { base: d.base })}
              {d.updatedAt ? ` · ${formatDateTime(d.updatedAt, locale)}` : ''}
            </Text>
            <Button variant="default" loading={refresh.isPending} onClick={() => refresh.mutate()}>
              {t('manager.refreshRates')}
            </Button>
          </Group>
          <ErrorAlert error={refresh.error} />
          <Table>
            <Table.Tbody>
              {Object.entries(d.rates).map(([currency, rate]) => (
                <RateRow key={`${currency}-${rate}`} currency={currency} rate={rate} source={d.sources[currency]} />
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
    </QueryView>
  );
}
