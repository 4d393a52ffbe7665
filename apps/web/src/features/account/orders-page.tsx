import { Anchor, Stack, Table, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, ok } from '../../api/client.ts';
import { usePreferences } from '../../app/preferences.tsx';
import { formatDateTime } from '../../format/money.ts';
import { Price } from '../../ui/price.tsx';
import { QueryView } from '../../ui/states.tsx';
import { OrderStatus } from './order-status.tsx';

export default function OrdersPage() {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const orders = useQuery({
    queryKey: ['orders', 'mine'],
    queryFn: () => ok(api.GET('/api/v1/orders', { params: { query: { limit: 50 } } })),
  });
  return (
    <Stack>
      <Title order={1} fz="h3">
        {t('orders.title')}
      </Title>
      <QueryView query={orders} isEmpty={(page) => page.items.length === 0} empty={t('orders.none')}>
        {(page) => (
          <Table.ScrollContainer minWidth={420}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('orders.number')}</Table.Th>
                  <Table.Th>{t('orders.date')}</Table.Th>
                  <Table.Th>{t('orders.status')}</Table.Th>
                  <Table.Th ta="right">{t('cart.total')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {page.items.map((order) => (
                  <Table.Tr key={order.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/account/orders/${order.id}`}>
                        {order.number}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{formatDateTime(order.createdAt, locale)}</Table.Td>
                    <Table.Td>
                      <OrderStatus status={order.status} />
                    </Table.Td>
                    <Table.Td ta="right">
                      <Price value={order.totals.total} />
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
