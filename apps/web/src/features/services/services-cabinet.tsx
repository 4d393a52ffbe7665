import { Button, Group, Stack } from '@mantine/core';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ok, type Schemas } from '../../api/client.ts';
import { usePreferences } from '../../app/preferences.tsx';
import { formatMoney } from '../../format/money.ts';
import { CabinetShell } from '../../ui/cabinet-shell.tsx';
import { DataTable } from '../../ui/data-table.tsx';
import { OrderTypeEditor } from './order-type-editor.tsx';
import './strings.ts';

type OrderType = Schemas['OrderType'];

function TypesSection() {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const types = useQuery({ queryKey: ['order-types'], queryFn: () => ok(api.GET('/api/v1/order-types')) });
  const stats = useQueries({
    queries: (types.data?.items ?? []).map((type) => ({
      queryKey: ['order-types', type.id, 'price-stats'],
      queryFn: () => ok(api.GET('/api/v1/order-types/{id}/price-stats', { params: { path: { id: type.id } } })),
    })),
  });
  const statsOf = (id: string) => stats.find((s) => s.data?.typeId === id)?.data;
  const rates = useQuery({ queryKey: ['rates'], queryFn: () => ok(api.GET('/api/v1/rates')) });
  const [editing, setEditing] = useState<OrderType | 'new' | null>(null);
  const currency = rates.data?.base;
  return (
    <Stack>
      {editing === null ? (
        <Group>
          <Button onClick={() => setEditing('new')} disabled={!currency}>
            {t('services.newType')}
          </Button>
        </Group>
      ) : (
        currency && (
          <OrderTypeEditor
            key={editing === 'new' ? 'new' : editing.id}
            type={editing === 'new' ? null : editing}
            currency={currency}
            onDone={() => setEditing(null)}
          />
        )
      )}
      <DataTable
        query={types}
        rows={(d) => d.items}
        rowKey={(r: OrderType) => r.id}
        caption={t('services.types')}
        testId="order-types"
        columns={[
          { key: 'name', header: t('services.name'), cell: (r) => r.name },
          { key: 'kind', header: t('services.kind'), cell: (r) => r.kind },
          { key: 'base', header: t('services.basePrice'), cell: (r) => formatMoney(r.basePrice, locale), align: 'right' },
          {
            key: 'rate',
            header: t('services.hourlyRate'),
            cell: (r) => (r.hourlyRate ? formatMoney(r.hourlyRate, locale) : '—'),
            align: 'right',
          },
          { key: 'count', header: t('services.count'), cell: (r) => statsOf(r.id)?.count ?? '…', align: 'right' },
          {
            key: 'average',
            header: t('services.average'),
            cell: (r) => {
              const s = statsOf(r.id);
              return s ? formatMoney(s.average, locale) : '…';
            },
            align: 'right',
          },
          {
            key: 'edit',
            header: t('services.edit'),
            cell: (r) => (
              <Button
                size="compact-sm"
                variant="subtle"
                aria-label={t('services.editType', { name: r.name })}
                onClick={() => setEditing(r)}
              >
                {t('services.edit')}
              </Button>
            ),
          },
        ]}
      />
    </Stack>
  );
}

/** The manager's order types: their average price over 90 days, a new one, a change to one. */
export default function ServicesCabinet() {
  return <CabinetShell id="services" sections={[{ path: 'types', element: <TypesSection /> }]} />;
}
