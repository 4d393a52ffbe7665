import { ActionIcon, Button, Card, Checkbox, Group, NumberInput, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ok, type Schemas } from '../../api/client.ts';
import { fromMinor, toMinor } from '../../format/money.ts';
import { showFieldErrors } from '../../ui/problem-form.ts';
import { ErrorAlert } from '../../ui/states.tsx';
import './strings.ts';

type OrderType = Schemas['OrderType'];
interface MaterialForm {
  sku: string;
  quantity: number | string;
}
interface OrderTypeForm {
  code: string;
  name: string;
  kind: 'goods' | 'service';
  skill: string;
  basePrice: number | string;
  hourlyRate: number | string;
  estimatedHours: number | string;
  materials: MaterialForm[];
  active: boolean;
}

function toForm(type: OrderType | null, currency: string): OrderTypeForm {
  if (!type) {
    return {
      code: '',
      name: '',
      kind: 'service',
      skill: '',
      basePrice: '',
      hourlyRate: '',
      estimatedHours: '',
      materials: [],
      active: true,
    };
  }
  return {
    code: type.code,
    name: type.name,
    kind: type.kind,
    skill: type.skill ?? '',
    basePrice: fromMinor(type.basePrice.amount, currency),
    hourlyRate: type.hourlyRate ? fromMinor(type.hourlyRate.amount, currency) : '',
    estimatedHours: type.estimatedHours ?? '',
    materials: type.materials.map((m) => ({ sku: m.sku, quantity: m.quantity })),
    active: type.active,
  };
}

function toBody(v: OrderTypeForm, currency: string) {
  const money = (major: number | string) => ({ amount: toMinor(Number(major), currency), currency });
  const service = v.kind === 'service';
  return {
    code: v.code.trim(),
    name: v.name.trim(),
    kind: v.kind,
    skill: service ? v.skill.trim() : null,
    basePrice: money(v.basePrice),
    hourlyRate: service && v.hourlyRate !== '' ? money(v.hourlyRate) : null,
    estimatedHours: service && v.estimatedHours !== '' ? Number(v.estimatedHours) : null,
    materials: service ? v.materials.filter((m) => m.sku.trim()).map((m) => ({ sku: m.sku.trim(), quantity: Number(m.quantity) })) : [],
    active: v.active,
  };
}

/**
 * A manager adds an order type or changes one: kind, skill, prices in the store currency, hours and
 * the materials issued as a kit. Requests already booked keep what they locked (the API's rule).
 */
export function OrderTypeEditor({ type, currency, onDone }: { type: OrderType | null; currency: string; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<OrderTypeForm>({
    initialValues: toForm(type, currency),
    validate: {
      code: (v) => (v.trim() ? null : t('form.required')),
      name: (v) => (v.trim() ? null : t('form.required')),
      basePrice: (v) => (v === '' || Number(v) < 0 ? t('form.required') : null),
      skill: (v, values) => (values.kind === 'service' && !v.trim() ? t('form.required') : null),
      materials: { sku: (v) => (v.trim() ? null : t('form.required')) },
    },
  });
  const save = useMutation({
    mutationFn: (v: OrderTypeForm) => {
      const body = toBody(v, currency);
      // The built-in goods type takes only a new name.
      return type
        ? ok(api.PATCH('/api/v1/order-types/{id}', { params: { path: { id: type.id } }, body: type.builtIn ? { name: body.name } : body }))
        : ok(api.POST('/api/v1/order-types', { body }));
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['order-types'] });
      onDone();
    },
    onError: (error) => showFieldErrors(form, error),
  });
  const service = form.values.kind === 'service';
  const locked = type?.builtIn ?? false;
  return (
    <Card withBorder>
      <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate aria-label={type ? type.name : t('services.newType')}>
        <Stack gap="sm">
          <Title order={2} fz="h4">
            {type ? type.name : t('services.newType')}
          </Title>
          <Group grow align="flex-start">
            <TextInput label={t('services.name')} required {...form.getInputProps('name')} />
            <TextInput label={t('services.code')} required disabled={locked} {...form.getInputProps('code')} />
          </Group>
          <SegmentedControl
            aria-label={t('services.kind')}
            disabled={locked}
            data={[
              { value: 'service', label: t('services.kindService') },
              { value: 'goods', label: t('services.kindGoods') },
            ]}
            {...form.getInputProps('kind')}
          />
          <Group grow align="flex-start">
            <NumberInput
              label={t('services.basePriceIn', { currency })}
              min={0}
              required
              disabled={locked}
              {...form.getInputProps('basePrice')}
            />
            {service && (
              <>
                <TextInput label={t('services.skill')} required {...form.getInputProps('skill')} />
                <NumberInput label={t('services.hourlyRateIn', { currency })} min={0} {...form.getInputProps('hourlyRate')} />
                <NumberInput label={t('services.hours')} min={0} max={24} step={0.5} {...form.getInputProps('estimatedHours')} />
              </>
            )}
          </Group>
          {service && (
            <>
              <Text fw={600}>{t('services.materials')}</Text>
              {form.values.materials.map((_, index) => (
                <Group key={form.key(`materials.${index}`)} align="end" gap="xs">
                  <TextInput label="SKU" required w={200} {...form.getInputProps(`materials.${index}.sku`)} />
                  <NumberInput label={t('services.quantity')} min={1} w={110} {...form.getInputProps(`materials.${index}.quantity`)} />
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    mb={4}
                    aria-label={t('services.removeMaterial', { n: index + 1 })}
                    onClick={() => form.removeListItem('materials', index)}
                  >
                    ×
                  </ActionIcon>
                </Group>
              ))}
              <Group>
                <Button variant="default" onClick={() => form.insertListItem('materials', { sku: '', quantity: 1 })}>
                  {t('services.addMaterial')}
                </Button>
              </Group>
            </>
          )}
          <Checkbox label={t('services.active')} disabled={locked} {...form.getInputProps('active', { type: 'checkbox' })} />
          <ErrorAlert error={save.error} />
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('form.save')}
            </Button>
            <Button variant="subtle" onClick={onDone}>
              {t('form.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
