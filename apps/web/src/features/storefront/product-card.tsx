import { Badge, Card, Group, Image, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Schemas } from '../../api/client.ts';
import { Price } from '../../ui/price.tsx';

export function ProductCard({ product }: { product: Schemas['Product'] }) {
  const { t } = useTranslation();
  return (
    <Card component={Link} to={`/products/${product.slug}`} withBorder padding="sm" radius="md" data-testid="product-card">
      {product.images[0] && (
        <Card.Section>
          <Image src={product.images[0]} alt="" h={140} fit="cover" loading="lazy" />
        </Card.Section>
      )}
      <Text fw={600} mt="xs" lineClamp={2}>
        {product.title}
      </Text>
      <Group justify="space-between" mt="xs">
        <Text fw={700}>
          <Price value={product.price} />
        </Text>
        {!product.inStock && <Badge color="gray">{t('product.outOfStock')}</Badge>}
      </Group>
    </Card>
  );
}
