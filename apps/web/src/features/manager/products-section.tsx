import { Anchor, Badge, Button, Group, Pagination, Stack, Table, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, ok } from '../../api/client.ts';
import { Price } from '../../ui/price.tsx';
import { ErrorAlert, QueryView } from '../../ui/states.tsx';

const PAGE = 25;

export function ProductsSection() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [debounced] = useDebouncedValue(q.trim(), 250);
  const query = { ...(debounced ? { q: debounced } : { sort: 'newest' as const }), limit: PAGE, offset: (page - 1) * PAGE };
  const products = useQuery({
    queryKey: ['products', 'manager', query],
    queryFn: () => ok(api.GET('/api/v1/products', { params: { query } })),
    placeholderData: keepPreviousData,
  });
  const archive = useMutation({
    mutationFn: (id: string) => ok(api.DELETE('/api/v1/products/{id}', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['products'] }),
  });
  const exportCsv = useMutation({
    mutationFn: async () => {
      const { response } = await api.GET('/api/v1/products/export', { parseAs: 'blob' });
      if (!response.ok) throw new Error(response.statusText);
      return response.blob();
    },
    onSuccess: (blob) => {
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = 'products.csv';
      link.click();
      URL.revokeObjectURL(link.href);
    },
  });
  return (
    <Stack>
      <Group justify="space-between" align="end">
        <TextInput
          label={t('manager.findProduct')}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            setPage(1);
          }}
        />
        <Group>
          <Button variant="default" onClick={() => exportCsv.mutate()} loading={exportCsv.isPending}>
            {t('manager.export')}
          </Button>
          <Button component={Link} to="/manager/products/new">
            {t('manager.newProduct')}
          </Button>
        </Group>
      </Group>
      <ErrorAlert error={archive.error ?? exportCsv.error} />
      <QueryView query={products} isEmpty={(d) => d.items.length === 0}>
        {(d) => (
          <>
            <Table.ScrollContainer minWidth={600}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('manager.title')}</Table.Th>
                    <Table.Th>SKU</Table.Th>
                    <Table.Th ta="right">{t('manager.price')}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {d.items.map((p) => (
                    <Table.Tr key={p.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/manager/products/${p.id}`}>
                          {p.title}
                        </Anchor>{' '}
                        {!p.inStock && (
                          <Badge size="xs" color="gray">
                            {t('product.outOfStock')}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>{p.variants.map((v) => v.sku).join(', ')}</Table.Td>
                      <Table.Td ta="right">
                        <Price value={p.price} />
                      </Table.Td>
                      <Table.Td>
                        <Button size="xs" variant="subtle" color="red" onClick={() => archive.mutate(p.id)}>
                          {t('manager.archive')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {d.total > PAGE && <Pagination total={Math.ceil(d.total / PAGE)} value={page} onChange={setPage} />}
          </>
        )}
      </QueryView>
    </Stack>
  );
}
