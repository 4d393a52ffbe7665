// The variant picker's and quantity's styles, beyond those of the storefront's first screen.
import '@mantine/core/styles/InlineInput.css';
import '@mantine/core/styles/Radio.css';
import '@mantine/core/styles/NumberInput.css';
import { Alert, Badge, Button, Group, Image, NumberInput, Radio, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { usePreferences } from '../../app/preferences.tsx';
import { Price } from '../../ui/price.tsx';
import { ErrorAlert, QueryView } from '../../ui/states.tsx';
import { useCartActions } from './cart-state.ts';
import { productQuery } from './queries.ts';

export default function ProductPage() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const { currency } = usePreferences();
  const product = useQuery(productQuery(slug, currency));
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
                // A square frame holds each picture's place before it arrives, so nothing below it jumps;
                // the first is the page's largest paint and is fetched first, the rest when scrolled to.
                p.images.map((src, index) => (
                  <Image
                    key={src}
                    src={src}
                    alt={p.title}
                    radius="md"
                    fit="contain"
                    style={{ aspectRatio: '1' }}
                    fetchPriority={index === 0 ? 'high' : 'auto'}
                    loading={index === 0 ? 'eager' : 'lazy'}
                  />
                ))
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
