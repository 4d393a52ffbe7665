import { Anchor, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, ok } from '../../api/client.ts';
import { usePreferences } from '../../app/preferences.tsx';
import { formatDateTime } from '../../format/money.ts';
import { DataTable } from '../../ui/data-table.tsx';
import { Price } from '../../ui/price.tsx';
import { OrderStatus } from './order-status.tsx';

export default function OrdersPage() {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const navigate = useNavigate();
  const orders = useQuery({
    queryKey: ['orders', 'mine'],
    queryFn: () => ok(api.GET('/api/v1/orders', { params: { query: { limit: 50 } } })),
  });
  return (
    <Stack>
      <Title order={1} fz="h3">
        {t('orders.title')}
      </Title>
      <DataTable
        query={orders}
        rows={(page) => page.items}
        rowKey={(o) => o.id}
        caption={t('orders.title')}
        empty={t('orders.none')}
        minWidth={420}
        onOpen={(o) => navigate(`/account/orders/${o.id}`)}
        columns={[
          {
            key: 'number',
            header: t('orders.number'),
            cell: (o) => (
              <Anchor component={Link} to={`/account/orders/${o.id}`}>
                {o.number}
              </Anchor>
            ),
          },
          { key: 'date', header: t('orders.date'), cell: (o) => formatDateTime(o.createdAt, locale) },
          { key: 'status', header: t('orders.status'), cell: (o) => <OrderStatus status={o.status} /> },
          { key: 'total', header: t('cart.total'), align: 'right', cell: (o) => <Price value={o.totals.total} /> },
        ]}
      />
    </Stack>
  );
}
