import { Chip, Group, SimpleGrid, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { usePreferences } from '../../app/preferences.tsx';
import { QueryView } from '../../ui/states.tsx';
import { useCategories } from './categories.ts';
import { ProductCard } from './product-card.tsx';
import { newestQuery } from './queries.ts';

export function HomePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { currency } = usePreferences();
  const categories = useCategories();
  const newest = useQuery(newestQuery(currency));
  return (
    <Stack>
      <Title order={1} fz={{ base: 'h3', sm: 'h2' }}>
        {t('home.title')}
      </Title>
      <QueryView query={categories} isEmpty={(list) => list.length === 0}>
        {(list) => (
          <Group gap="xs" aria-label={t('home.categories')}>
            {list.map((category) => (
              <Chip key={category.id} checked={false} onChange={() => navigate(`/search?category=${category.slug}`)}>
                {category.name}
              </Chip>
            ))}
          </Group>
        )}
      </QueryView>
      <Title order={2} fz="h4">
        {t('home.new')}
      </Title>
      <QueryView query={newest} isEmpty={(page) => page.items.length === 0} empty={t('search.nothing')}>
        {(page) => (
          <SimpleGrid cols={{ base: 2, sm: 3, md: 4 }}>
            {page.items.map((product) => (
              <ProductCard key={product.id} product={product} />
            ))}
          </SimpleGrid>
        )}
      </QueryView>
    </Stack>
  );
}
