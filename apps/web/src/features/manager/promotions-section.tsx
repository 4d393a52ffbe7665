import { Badge, Button, Group, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
// Mantine's own styles come before those of its extensions.
import '../../ui/all-styles.ts';
import '@mantine/dates/styles.css';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ok, type Schemas } from '../../api/client.ts';
import { usePreferences } from '../../app/preferences.tsx';
import { formatDateTime, toMinor } from '../../format/money.ts';
import { DataTable } from '../../ui/data-table.tsx';
import { Price } from '../../ui/price.tsx';
import { showFieldErrors } from '../../ui/problem-form.ts';
import { ErrorAlert } from '../../ui/states.tsx';

type PromotionType = Schemas['Promotion']['type'];
interface PromotionForm {
  code: string;
  type: PromotionType;
  value: number | string;
  minSubtotal: number | string;
  usageLimit: number | string;
  perCustomerLimit: number | string;
  startsAt: string | null;
  endsAt: string | null;
}

function PromotionValue({ promotion }: { promotion: Schemas['Promotion'] }) {
  const { value } = promotion;
  if (promotion.type === 'percent') return <>{value as number}%</>;
  if (value && typeof value === 'object') return <Price value={value} />;
  return <>—</>;
}

export function PromotionsSection() {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const queryClient = useQueryClient();
  const rates = useQuery({ queryKey: ['rates'], queryFn: () => ok(api.GET('/api/v1/rates')) });
  const base = rates.data?.base ?? 'RUB';
  const promotions = useQuery({
    queryKey: ['promotions'],
    queryFn: () => ok(api.GET('/api/v1/promotions', { params: { query: { limit: 100 } } })),
  });
  const form = useForm<PromotionForm>({
    initialValues: {
      code: '',
      type: 'percent',
      value: 10,
      minSubtotal: '',
      usageLimit: '',
      perCustomerLimit: '',
      startsAt: null,
      endsAt: null,
    },
  });
  const int = (v: number | string) => (v === '' ? undefined : Number(v));
  const create = useMutation({
    mutationFn: (v: PromotionForm) =>
      ok(
        api.POST('/api/v1/promotions', {
          body: {
            code: v.code.trim(),
            type: v.type,
            ...(v.type === 'percent' ? { value: Number(v.value) } : {}),
            ...(v.type === 'fixed' ? { value: { amount: toMinor(Number(v.value), base), currency: base } } : {}),
            ...(v.minSubtotal !== '' ? { minSubtotal: { amount: toMinor(Number(v.minSubtotal), base), currency: base } } : {}),
            ...(int(v.usageLimit) ? { usageLimit: int(v.usageLimit) } : {}),
            ...(int(v.perCustomerLimit) ? { perCustomerLimit: int(v.perCustomerLimit) } : {}),
            ...(v.startsAt ? { startsAt: new Date(v.startsAt).toISOString() } : {}),
            ...(v.endsAt ? { endsAt: new Date(v.endsAt).toISOString() } : {}),
          },
        }),
      ),
    onSuccess: () => {
      form.reset();
      void queryClient.invalidateQueries({ queryKey: ['promotions'] });
    },
    onError: (error) => showFieldErrors(form, error),
  });
  return (
    <Stack>
      <form onSubmit={form.onSubmit((values) => create.mutate(values))}>
        <Group align="end" wrap="wrap" gap="xs">
          <TextInput label={t('manager.code')} required w={140} {...form.getInputProps('code')} />
          <Select
            label={t('manager.promoType')}
            w={160}
            allowDeselect={false}
            data={(['percent', 'fixed', 'free_shipping'] as const).map((value) => ({ value, label: t(`manager.promoTypes.${value}`) }))}
            {...form.getInputProps('type')}
          />
          {form.values.type !== 'free_shipping' && (
            <NumberInput
              label={form.values.type === 'percent' ? '%' : t('manager.priceIn', { currency: base })}
              min={0}
              w={110}
              {...form.getInputProps('value')}
            />
          )}
          <NumberInput label={t('manager.minSubtotal', { currency: base })} min={0} w={140} {...form.getInputProps('minSubtotal')} />
          <NumberInput label={t('manager.usageLimit')} min={1} w={110} {...form.getInputProps('usageLimit')} />
          <NumberInput label={t('manager.perCustomerLimit')} min={1} w={130} {...form.getInputProps('perCustomerLimit')} />
          <DateTimePicker label={t('manager.startsAt')} clearable w={180} {...form.getInputProps('startsAt')} />
          <DateTimePicker label={t('manager.endsAt')} clearable w={180} {...form.getInputProps('endsAt')} />
          <Button type="submit" loading={create.isPending}>
            {t('manager.addPromotion')}
          </Button>
        </Group>
      </form>
      <ErrorAlert error={create.error} />
      <DataTable
        query={promotions}
        rows={(d) => d.items}
        rowKey={(p) => p.id}
        caption={t('manager.promotions')}
        minWidth={640}
        columns={[
          {
            key: 'code',
            header: t('manager.code'),
            cell: (p) => (
              <>
                {p.code}{' '}
                {!p.active && (
                  <Badge size="xs" color="gray">
                    {t('manager.inactive')}
                  </Badge>
                )}
              </>
            ),
          },
          { key: 'type', header: t('manager.promoType'), cell: (p) => t(`manager.promoTypes.${p.type}`) },
          { key: 'value', header: t('manager.value'), cell: (p) => <PromotionValue promotion={p} /> },
          { key: 'used', header: t('manager.used'), cell: (p) => `${p.used}${p.usageLimit ? ` / ${p.usageLimit}` : ''}` },
          { key: 'ends', header: t('manager.endsAt'), cell: (p) => (p.endsAt ? formatDateTime(p.endsAt, locale) : '—') },
        ]}
      />
    </Stack>
  );
}
