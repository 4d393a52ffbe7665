// The filters' and pagination's styles, beyond those of the storefront's first screen.
import '@mantine/core/styles/InlineInput.css';
import '@mantine/core/styles/Checkbox.css';
import '@mantine/core/styles/Grid.css';
import '@mantine/core/styles/NavLink.css';
import '@mantine/core/styles/NumberInput.css';
import '@mantine/core/styles/Pagination.css';
import {
  Button,
  Checkbox,
  Grid,
  Group,
  NativeSelect,
  NavLink,
  NumberInput,
  Pagination,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { usePreferences } from '../../app/preferences.tsx';
import { fromMinor, toMinor } from '../../format/money.ts';
import { useFormatMoney } from '../../ui/price.tsx';
import { QueryView } from '../../ui/states.tsx';
import { flattenCategories, useCategories } from './categories.ts';
import { ProductCard } from './product-card.tsx';
import { PAGE_SIZE, readSearch, SORTS, searchQuery } from './queries.ts';

export default function SearchPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const { currency } = usePreferences();
  const money = useFormatMoney();
  const categories = useCategories();
  const names = useMemo(() => new Map(flattenCategories(categories.data ?? []).map((c) => [c.id, c])), [categories.data]);
  const { q, sort, page, number } = readSearch(params);
  const results = useQuery({ ...searchQuery(params, currency), placeholderData: keepPreviousData });
  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === '') next.delete(key);
      else next.set(key, value);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  };
  const shownCurrency = results.data?.facets.price?.currency ?? currency ?? 'RUB';

  return (
    <Stack>
      <Title order={1} fz="h3">
        {q ? t('search.resultsFor', { q }) : t('search.title')}
      </Title>
      <Grid>
        {/* On a phone the results come first and the filters follow them. */}
        <Grid.Col span={{ base: 12, sm: 3 }} order={{ base: 2, sm: 1 }}>
          <Stack gap="xs" component="aside" aria-label={t('search.filters')}>
            {/* The browser's own select: a Select's floating dropdown measures the layout as the page loads. */}
            <NativeSelect
              label={t('search.sort')}
              value={sort ?? 'relevance'}
              data={SORTS.map((s) => ({ value: s, label: t(`search.sorts.${s}`) }))}
              onChange={(event) => {
                const value = event.currentTarget.value;
                set({ sort: value === 'relevance' ? null : value });
              }}
            />
            <Checkbox
              label={t('search.inStock')}
              checked={params.get('inStock') === 'true'}
              onChange={(e) => set({ inStock: e.currentTarget.checked ? 'true' : null })}
            />
            <Group grow gap="xs">
              <NumberInput
                label={t('search.minPrice', { currency: shownCurrency })}
                min={0}
                defaultValue={number('minPrice') !== undefined ? fromMinor(number('minPrice') ?? 0, shownCurrency) : ''}
                onBlur={(e) =>
                  set({ minPrice: e.currentTarget.value ? String(toMinor(Number(e.currentTarget.value), shownCurrency)) : null })
                }
              />
              <NumberInput
                label={t('search.maxPrice', { currency: shownCurrency })}
                min={0}
                defaultValue={number('maxPrice') !== undefined ? fromMinor(number('maxPrice') ?? 0, shownCurrency) : ''}
                onBlur={(e) =>
                  set({ maxPrice: e.currentTarget.value ? String(toMinor(Number(e.currentTarget.value), shownCurrency)) : null })
                }
              />
            </Group>
            {results.data?.facets.price && (
              <Text fz="xs" c="dimmed">
                {t('search.priceRange', {
                  min: money({ amount: results.data.facets.price.min, currency: shownCurrency }),
                  max: money({ amount: results.data.facets.price.max, currency: shownCurrency }),
                })}
              </Text>
            )}
            <Text fw={600} fz="sm" mt="sm">
              {t('search.categories')}
            </Text>
            {params.get('category') && (
              <Button variant="subtle" size="compact-sm" onClick={() => set({ category: null })}>
                {t('search.allCategories')}
              </Button>
            )}
            {results.data?.facets.categories.map((facet) => (
              <NavLink
                key={facet.categoryId}
                label={names.get(facet.categoryId)?.name ?? facet.categoryId}
                rightSection={<Text fz="xs">{facet.count}</Text>}
                active={params.get('category') === facet.categoryId || params.get('category') === names.get(facet.categoryId)?.slug}
                onClick={() => set({ category: facet.categoryId })}
              />
            ))}
          </Stack>
        </Grid.Col>
        {/* Until the first results arrive their column holds a screen, so the filters below do not jump down. */}
        <Grid.Col span={{ base: 12, sm: 9 }} order={{ base: 1, sm: 2 }} mih={results.data ? undefined : '100vh'}>
          <QueryView query={results} isEmpty={(r) => r.items.length === 0} empty={t('search.nothing')}>
            {(r) => (
              <Stack>
                {r.correctedQuery && (
                  <Text data-testid="corrected-query">
                    {t('search.showingFor')}{' '}
                    <Text span fw={700}>
                      {r.correctedQuery}
                    </Text>
                  </Text>
                )}
                <Text c="dimmed" fz="sm" data-testid="search-total">
                  {t('search.found', { count: r.total })}
                </Text>
                <SimpleGrid cols={{ base: 2, md: 3 }}>
                  {r.items.map((product) => (
                    <ProductCard key={product.id} product={product} />
                  ))}
                </SimpleGrid>
                {r.total > PAGE_SIZE && (
                  <Pagination total={Math.ceil(r.total / PAGE_SIZE)} value={page} onChange={(p) => set({ page: String(p) })} />
                )}
              </Stack>
            )}
          </QueryView>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
