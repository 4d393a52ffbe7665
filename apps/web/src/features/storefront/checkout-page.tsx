import '../account/strings.ts';
import { Alert, Button, Checkbox, Group, NumberInput, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, ok, type Schemas } from '../../api/client.ts';
import { useSession } from '../../session/session.tsx';
import { Price } from '../../ui/price.tsx';
import { showFieldErrors } from '../../ui/problem-form.ts';
import { ErrorAlert, QueryView } from '../../ui/states.tsx';
import { addressText } from '../account/address-text.ts';
import { type ChosenSlot, SlotPicker } from '../delivery/slot-picker.tsx';
import { forgetCart, useCart } from './cart-state.ts';

/** The test provider's cards (CONTRACT.md): paid, declined, or paid after a 3-D Secure step. */
const TEST_CARDS = ['tok_success', 'tok_decline', 'tok_3ds'] as const;

interface CheckoutForm {
  phone: string;
  shippingAddress: { city: string; street: string; house: string; apartment: string; postalCode: string };
  usePoints: number;
  token: (typeof TEST_CARDS)[number];
  /** Keep a newly typed address in the address book. */
  saveAddress: boolean;
}

const NEW = 'new';

export default function CheckoutPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { user } = useSession();
  const cart = useCart();
  const loyalty = useQuery({ queryKey: ['loyalty'], queryFn: () => ok(api.GET('/api/v1/loyalty', { params: { query: { limit: 100 } } })) });
  // One key per visit to this page: a double submit or a retry places one order.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [pending3ds, setPending3ds] = useState<{ orderId: string; paymentId: string } | null>(null);
  const [slot, setSlot] = useState<ChosenSlot | null>(null);
  const form = useForm<CheckoutForm>({
    initialValues: {
      phone: user?.phone ?? '',
      shippingAddress: { city: '', street: '', house: '', apartment: '', postalCode: '' },
      usePoints: 0,
      token: 'tok_success',
      saveAddress: false,
    },
    validate: {
      phone: (v) => (/^\+?[0-9 ()-]{5,20}$/.test(v.trim()) ? null : t('checkout.badPhone')),
      shippingAddress: {
        city: (v) => (v.trim() ? null : t('form.required')),
        street: (v) => (v.trim() ? null : t('form.required')),
        house: (v) => (v.trim() ? null : t('form.required')),
      },
    },
  });

  const addresses = useQuery({ queryKey: ['addresses'], queryFn: () => ok(api.GET('/api/v1/me/addresses')) });
  const [chosen, setChosen] = useState<string>(NEW);
  const choose = (id: string) => {
    setChosen(id);
    const a = addresses.data?.items.find((x) => x.id === id);
    if (!a) return;
    form.setValues({
      phone: a.phone ?? form.values.phone,
      shippingAddress: { city: a.city, street: a.street, house: a.house, apartment: a.apartment ?? '', postalCode: a.postalCode ?? '' },
      saveAddress: false,
    });
  };
  // The default address fills the form once the book has loaded.
  const defaultId = addresses.data?.items.find((a) => a.isDefault)?.id;
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the default first becomes known
  useEffect(() => {
    if (defaultId) choose(defaultId);
  }, [defaultId]);

  const finish = (order: Schemas['Order']) => {
    forgetCart();
    void queryClient.invalidateQueries();
    navigate(`/account/orders/${order.id}`);
  };
  const place = useMutation({
    mutationFn: async (values: CheckoutForm) => {
      const { apartment, postalCode, ...address } = values.shippingAddress;
      if (chosen === NEW && values.saveAddress) {
        await ok(
          api.POST('/api/v1/me/addresses', {
            body: {
              ...address,
              recipient: user?.name ?? '',
              phone: values.phone.trim(),
              apartment: apartment || null,
              postalCode: postalCode || null,
            },
          }),
        );
        void queryClient.invalidateQueries({ queryKey: ['addresses'] });
      }
      return ok(
        api.POST('/api/v1/checkout', {
          headers: { 'idempotency-key': idempotencyKey },
          body: {
            cartId: cart.data?.id ?? '',
            phone: values.phone.trim(),
            shippingAddress: { ...address, ...(apartment ? { apartment } : {}), ...(postalCode ? { postalCode } : {}) },
            payment: { provider: 'test', token: values.token },
            ...(values.usePoints > 0 ? { usePoints: values.usePoints } : {}),
            ...(slot ? { deliverySlot: slot } : {}),
          },
        }),
      );
    },
    onSuccess: ({ order, payment }) => {
      if (payment?.status === 'requires_action') setPending3ds({ orderId: order.id, paymentId: payment.id });
      else if (payment?.status !== 'failed') finish(order);
    },
    onError: (error) => showFieldErrors(form, error),
  });
  const confirm = useMutation({
    mutationFn: (paymentId: string) => ok(api.POST('/api/v1/payments/{id}/confirm', { params: { path: { id: paymentId } } })),
    onSuccess: (payment) => navigate(`/account/orders/${payment.orderId}`),
  });
  const declined = place.data?.payment?.status === 'failed' ? place.data : null;

  if (pending3ds)
    return (
      <Stack maw={420} mx="auto" py="xl" data-testid="three-ds">
        <Title order={1} fz="h3">
          {t('checkout.threeDsTitle')}
        </Title>
        <Text>{t('checkout.threeDsText')}</Text>
        <Button loading={confirm.isPending} onClick={() => confirm.mutate(pending3ds.paymentId)}>
          {t('checkout.threeDsConfirm')}
        </Button>
        <ErrorAlert error={confirm.error} />
      </Stack>
    );

  return (
    <QueryView query={cart}>
      {(c) =>
        c ? (
          <form onSubmit={form.onSubmit((values) => place.mutate(values))} noValidate>
            <Stack maw={640}>
              <Title order={1} fz="h3">
                {t('checkout.title')}
              </Title>
              {(addresses.data?.items.length ?? 0) > 0 && (
                <Select
                  label={t('account.savedAddress')}
                  data={[
                    ...(addresses.data?.items ?? []).map((a) => ({ value: a.id, label: addressText(a) })),
                    { value: NEW, label: t('account.newAddress') },
                  ]}
                  value={chosen}
                  onChange={(v) => choose(v ?? NEW)}
                  allowDeselect={false}
                  data-testid="saved-address"
                />
              )}
              <TextInput label={t('checkout.phone')} type="tel" autoComplete="tel" required {...form.getInputProps('phone')} />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  label={t('checkout.city')}
                  autoComplete="address-level2"
                  required
                  {...form.getInputProps('shippingAddress.city')}
                />
                <TextInput
                  label={t('checkout.street')}
                  autoComplete="address-line1"
                  required
                  {...form.getInputProps('shippingAddress.street')}
                />
                <TextInput label={t('checkout.house')} required {...form.getInputProps('shippingAddress.house')} />
                <TextInput label={t('checkout.apartment')} {...form.getInputProps('shippingAddress.apartment')} />
                <TextInput
                  label={t('checkout.postalCode')}
                  autoComplete="postal-code"
                  {...form.getInputProps('shippingAddress.postalCode')}
                />
                <NumberInput
                  label={t('checkout.usePoints', { balance: loyalty.data?.balance ?? 0 })}
                  min={0}
                  max={loyalty.data?.balance ?? 0}
                  {...form.getInputProps('usePoints')}
                />
              </SimpleGrid>
              {chosen === NEW && <Checkbox label={t('account.saveAddress')} {...form.getInputProps('saveAddress', { type: 'checkbox' })} />}
              <SlotPicker city={form.values.shippingAddress.city} value={slot} onChange={setSlot} />
              <Select
                label={t('checkout.card')}
                data={TEST_CARDS.map((value) => ({ value, label: t(`checkout.cards.${value}`) }))}
                allowDeselect={false}
                {...form.getInputProps('token')}
              />
              <Group justify="space-between">
                <Text fw={700}>{t('cart.total')}</Text>
                <Text fw={700}>
                  <Price value={c.totals.total} />
                </Text>
              </Group>
              {declined && (
                <Alert color="red" role="alert" data-testid="payment-declined" title={t('checkout.declined')}>
                  {declined.payment?.failureReason ?? ''}
                </Alert>
              )}
              <ErrorAlert error={place.error} />
              <Button type="submit" loading={place.isPending} disabled={!!declined}>
                {t('checkout.pay')}
              </Button>
            </Stack>
          </form>
        ) : (
          <Text data-testid="empty">{t('cart.empty')}</Text>
        )
      }
    </QueryView>
  );
}
