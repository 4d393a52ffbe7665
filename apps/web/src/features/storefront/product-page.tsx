import { Alert, Badge, Button, Group, Image, NumberInput, Radio, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, ok } from '../../api/client.ts';
import { usePreferences } from '../../app/preferences.tsx';
import { Price } from '../../ui/price.tsx';
import { ErrorAlert, QueryView } from '../../ui/states.tsx';
import { useCartActions } from './cart-state.ts';

export default function ProductPage() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const { currency } = usePreferences();
  const product = useQuery({
    queryKey: ['product', slug, currency],
    queryFn: () =>
      ok(api.GET('/api/v1/products/{idOrSlug}', { params: { path: { idOrSlug: slug }, query: currency ? { currency } : {} } })),
  });
  const { add } = useCartActions();
  const [variantId, setVariantId] = useState<string | null>(null);
  const [quantity, setQuantity] = useState<number>(1);

  return (
    <QueryView query={product}>
      {(p) => {
        const variant = p.variants.find((v) => v.id === variantId) ?? p.variants.find((v) => v.inStock) ?? p.variants[0];
        return (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xl">
            <Stack>
              {p.images.length > 0 ? (
                p.images.map((src) => <Image key={src} src={src} alt={p.title} radius="md" />)
              ) : (
                <Text c="dimmed">{t('product.noImages')}</Text>
              )}
            </Stack>
            <Stack>
              <Title order={1} fz="h2">
                {p.title}
              </Title>
              <Text fz="xl" fw={700} data-testid="product-price">
                <Price value={variant?.price ?? p.price} />
              </Text>
              {p.archived && <Badge color="gray">{t('product.archived')}</Badge>}
              <Text style={{ whiteSpace: 'pre-line' }}>{p.description}</Text>
              {p.variants.length > 1 && (
                <Radio.Group label={t('product.variant')} value={variant?.id ?? null} onChange={setVariantId}>
                  <Stack gap={6} mt={6}>
                    {p.variants.map((v) => (
                      <Radio
                        key={v.id}
                        value={v.id}
                        disabled={!v.inStock}
                        label={`${v.title || v.sku}${v.inStock ? '' : ` — ${t('product.outOfStock')}`}`}
                      />
                    ))}
                  </Stack>
                </Radio.Group>
              )}
              <Badge color={variant?.inStock ? 'green' : 'gray'}>{variant?.inStock ? t('product.inStock') : t('product.outOfStock')}</Badge>
              <Group align="end">
                <NumberInput
                  label={t('cart.quantity')}
                  min={1}
                  max={999}
                  value={quantity}
                  onChange={(v) => setQuantity(Number(v) || 1)}
                  w={110}
                />
                <Button
                  disabled={!variant?.inStock || p.archived}
                  loading={add.isPending}
                  onClick={() => variant && add.mutate({ variantId: variant.id, quantity })}
                >
                  {t('product.addToCart')}
                </Button>
              </Group>
              {add.isSuccess && (
                <Alert color="green" role="status">
                  {t('product.added')}{' '}
                  <Link to="/cart" data-testid="go-to-cart">
                    {t('product.goToCart')}
                  </Link>
                </Alert>
              )}
              <ErrorAlert error={add.error} />
            </Stack>
          </SimpleGrid>
        );
      }}
    </QueryView>
  );
}
