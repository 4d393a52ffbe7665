import { ActionIcon, Button, Group, MultiSelect, NumberInput, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api, ok, type Schemas } from '../../api/client.ts';
import { fromMinor, toMinor } from '../../format/money.ts';
import { showFieldErrors } from '../../ui/problem-form.ts';
import { ErrorAlert, QueryView } from '../../ui/states.tsx';
import { flattenCategories, useCategories } from '../storefront/categories.ts';

interface VariantForm {
  id?: string;
  sku: string;
  title: string;
  barcode: string;
  price: number | string;
  stock: number | string;
}
interface ProductForm {
  title: string;
  description: string;
  categoryIds: string[];
  images: string;
  variants: VariantForm[];
}

const blankVariant = (): VariantForm => ({ sku: '', title: '', barcode: '', price: '', stock: '' });

function toForm(product: Schemas['Product'] | null): ProductForm {
  if (!product) return { title: '', description: '', categoryIds: [], images: '', variants: [blankVariant()] };
  return {
    title: product.title,
    description: product.description,
    categoryIds: product.categoryIds,
    images: product.images.join('\n'),
    variants: product.variants.map((v) => ({
      id: v.id,
      sku: v.sku,
      title: v.title,
      barcode: v.barcode ?? '',
      price: fromMinor(v.price.amount, v.price.currency),
      stock: '',
    })),
  };
}

/** Create (`/manager/products/new`) or edit a product and its variants; prices in the store currency. */
export function ProductEditor() {
  const { id = 'new' } = useParams();
  const product = useQuery({
    queryKey: ['product', id, 'edit'],
    enabled: id !== 'new',
    queryFn: () => ok(api.GET('/api/v1/products/{idOrSlug}', { params: { path: { idOrSlug: id } } })),
  });
  const rates = useQuery({ queryKey: ['rates'], queryFn: () => ok(api.GET('/api/v1/rates')) });
  if (id === 'new') return rates.data ? <ProductFormView product={null} currency={rates.data.base} /> : null;
  return <QueryView query={product}>{(p) => <ProductFormView product={p} currency={p.price.currency} />}</QueryView>;
}

function ProductFormView({ product, currency }: { product: Schemas['Product'] | null; currency: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const categories = useCategories();
  const form = useForm<ProductForm>({
    initialValues: toForm(product),
    validate: {
      title: (v) => (v.trim() ? null : t('form.required')),
      variants: {
        sku: (v) => (v.trim() ? null : t('form.required')),
        price: (v) => (v === '' || Number(v) < 0 ? t('form.required') : null),
      },
    },
  });
  const save = useMutation({
    mutationFn: (values: ProductForm) => {
      const body = {
        title: values.title.trim(),
        description: values.description,
        categoryIds: values.categoryIds,
        images: values.images
          .split('\n')
          .map((s) => s.trim())
          .filter(Boolean),
        variants: values.variants.map((v) => ({
          ...(v.id ? { id: v.id } : {}),
          sku: v.sku.trim(),
          ...(v.title.trim() ? { title: v.title.trim() } : {}),
          barcode: v.barcode.trim() || null,
          price: { amount: toMinor(Number(v.price), currency), currency },
          ...(!v.id && v.stock !== '' ? { stock: Number(v.stock) } : {}),
        })),
      };
      return product
        ? ok(api.PATCH('/api/v1/products/{id}', { params: { path: { id: product.id } }, body }))
        : ok(api.POST('/api/v1/products', { body }));
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['products'] });
      navigate('/manager/products');
    },
    onError: (error) => showFieldErrors(form, error),
  });
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
      <Stack maw={760}>
        <Title order={2} fz="h4">
          {product ? product.title : t('manager.newProduct')}
        </Title>
        <TextInput label={t('manager.title')} required {...form.getInputProps('title')} />
        <Textarea label={t('manager.description')} autosize minRows={3} {...form.getInputProps('description')} />
        <MultiSelect
          label={t('manager.categories')}
          data={flattenCategories(categories.data ?? []).map((c) => ({ value: c.id, label: `${'— '.repeat(c.depth)}${c.name}` }))}
          searchable
          {...form.getInputProps('categoryIds')}
        />
        <Textarea label={t('manager.images')} autosize minRows={1} {...form.getInputProps('images')} />
        <Text fw={600}>{t('manager.variants')}</Text>
        {form.values.variants.map((variant, index) => (
          <Group key={variant.id ?? `new-${index}`} align="end" wrap="wrap" gap="xs">
            <TextInput label="SKU" required w={150} {...form.getInputProps(`variants.${index}.sku`)} />
            <TextInput label={t('manager.variantTitle')} w={160} {...form.getInputProps(`variants.${index}.title`)} />
            <TextInput label={t('manager.barcode')} w={150} {...form.getInputProps(`variants.${index}.barcode`)} />
            <NumberInput
              label={t('manager.priceIn', { currency })}
              min={0}
              w={130}
              required
              {...form.getInputProps(`variants.${index}.price`)}
            />
            {!variant.id && <NumberInput label={t('manager.stock')} min={0} w={100} {...form.getInputProps(`variants.${index}.stock`)} />}
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('manager.removeVariant')}
              disabled={form.values.variants.length === 1}
              onClick={() => form.removeListItem('variants', index)}
              mb={4}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button variant="default" onClick={() => form.insertListItem('variants', blankVariant())}>
            {t('manager.addVariant')}
          </Button>
        </Group>
        <ErrorAlert error={save.error} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('form.save')}
          </Button>
          <Button variant="subtle" onClick={() => navigate('/manager/products')}>
            {t('form.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
