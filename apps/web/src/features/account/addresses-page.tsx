import './strings.ts';
import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ok, type Schemas } from '../../api/client.ts';
import { showFieldErrors } from '../../ui/problem-form.ts';
import { ErrorAlert, QueryView } from '../../ui/states.tsx';
import { addressText } from './address-text.ts';

interface AddressForm {
  label: string;
  recipient: string;
  phone: string;
  city: string;
  street: string;
  house: string;
  apartment: string;
  postalCode: string;
}

const blank: AddressForm = { label: '', recipient: '', phone: '', city: '', street: '', house: '', apartment: '', postalCode: '' };

export const addressesQuery = { queryKey: ['addresses'], queryFn: () => ok(api.GET('/api/v1/me/addresses')) };

function SavedAddress({ address }: { address: Schemas['Address'] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const done = () => queryClient.invalidateQueries({ queryKey: ['addresses'] });
  const makeDefault = useMutation({
    mutationFn: () => ok(api.PATCH('/api/v1/me/addresses/{id}', { params: { path: { id: address.id } }, body: { isDefault: true } })),
    onSuccess: done,
  });
  const remove = useMutation({
    mutationFn: () => ok(api.DELETE('/api/v1/me/addresses/{id}', { params: { path: { id: address.id } } })),
    onSuccess: done,
  });
  return (
    <Card withBorder data-testid="address">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Text fw={600}>{addressText(address)}</Text>
          {address.isDefault && <Badge style={{ flexShrink: 0 }}>{t('account.isDefault')}</Badge>}
        </Group>
        {address.phone && <Text fz="sm">{address.phone}</Text>}
        <Group gap="xs">
          {!address.isDefault && (
            <Button size="xs" variant="light" loading={makeDefault.isPending} onClick={() => makeDefault.mutate()}>
              {t('account.makeDefault')}
            </Button>
          )}
          <Button size="xs" variant="subtle" color="red" loading={remove.isPending} onClick={() => remove.mutate()}>
            {t('account.delete')}
          </Button>
        </Group>
        <ErrorAlert error={makeDefault.error ?? remove.error} />
      </Stack>
    </Card>
  );
}

function NewAddress() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const required = (v: string) => (v.trim() ? null : t('form.required'));
  const form = useForm<AddressForm>({
    initialValues: blank,
    validate: { recipient: required, city: required, street: required, house: required },
  });
  const add = useMutation({
    mutationFn: (values: AddressForm) =>
      ok(
        api.POST('/api/v1/me/addresses', {
          body: {
            ...values,
            label: values.label || null,
            phone: values.phone.trim() || null,
            apartment: values.apartment || null,
            postalCode: values.postalCode || null,
          },
        }),
      ),
    onSuccess: () => {
      form.reset();
      void queryClient.invalidateQueries({ queryKey: ['addresses'] });
    },
    onError: (error) => showFieldErrors(form, error),
  });
  return (
    <form onSubmit={form.onSubmit((values) => add.mutate(values))} noValidate>
      <Stack maw={640}>
        <Title order={2} fz="h4">
          {t('account.addAddress')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('account.label')} {...form.getInputProps('label')} />
          <TextInput label={t('account.recipient')} autoComplete="name" required {...form.getInputProps('recipient')} />
          <TextInput label={t('checkout.phone')} type="tel" autoComplete="tel" {...form.getInputProps('phone')} />
          <TextInput label={t('checkout.city')} autoComplete="address-level2" required {...form.getInputProps('city')} />
          <TextInput label={t('checkout.street')} autoComplete="address-line1" required {...form.getInputProps('street')} />
          <TextInput label={t('checkout.house')} required {...form.getInputProps('house')} />
          <TextInput label={t('checkout.apartment')} {...form.getInputProps('apartment')} />
          <TextInput label={t('checkout.postalCode')} autoComplete="postal-code" {...form.getInputProps('postalCode')} />
        </SimpleGrid>
        <ErrorAlert error={add.error} />
        <Button type="submit" loading={add.isPending} w="fit-content">
          {t('account.addAddress')}
        </Button>
      </Stack>
    </form>
  );
}

/** The customer's address book: saved addresses (the default first), add, make default, delete. */
export default function AddressesPage() {
  const { t } = useTranslation();
  const addresses = useQuery(addressesQuery);
  return (
    <Stack>
      <Title order={1} fz="h3">
        {t('account.addresses')}
      </Title>
      <QueryView query={addresses} isEmpty={(d) => d.items.length === 0} empty={t('account.noAddresses')}>
        {(d) => (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {d.items.map((a) => (
              <SavedAddress key={a.id} address={a} />
            ))}
          </SimpleGrid>
        )}
      </QueryView>
      <NewAddress />
    </Stack>
  );
}
