import { Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, ok } from '../../api/client.ts';
import { usePreferences } from '../../app/preferences.tsx';
import { formatDateTime } from '../../format/money.ts';
import { QueryView } from '../../ui/states.tsx';

export default function LoyaltyPage() {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const loyalty = useQuery({ queryKey: ['loyalty'], queryFn: () => ok(api.GET('/api/v1/loyalty', { params: { query: { limit: 100 } } })) });
  return (
    <Stack>
      <Title order={1} fz="h3">
        {t('loyalty.title')}
      </Title>
      <QueryView query={loyalty}>
        {(data) => (
          <Stack>
            <Text fz="xl" fw={700} data-testid="loyalty-balance">
              {t('loyalty.balance', { count: data.balance })}
            </Text>
            {data.history.length === 0 ? (
              <Text c="dimmed">{t('loyalty.none')}</Text>
            ) : (
              <Table>
                <Table.Tbody>
                  {data.history.map((entry) => (
                    <Table.Tr key={`${entry.at}-${entry.delta}`}>
                      <Table.Td>{formatDateTime(entry.at, locale)}</Table.Td>
                      <Table.Td>{t(`loyalty.reasons.${entry.reason}`, { defaultValue: entry.reason })}</Table.Td>
                      <Table.Td>{entry.orderId && <Link to={`/account/orders/${entry.orderId}`}>{t('loyalty.order')}</Link>}</Table.Td>
                      <Table.Td ta="right" c={entry.delta < 0 ? 'red' : 'green'}>
                        {entry.delta > 0 ? `+${entry.delta}` : entry.delta}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Stack>
        )}
      </QueryView>
    </Stack>
  );
}
