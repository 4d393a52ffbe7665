import { Button, Group, NumberInput, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Price } from '../../ui/price.tsx';
import { ErrorAlert, QueryView } from '../../ui/states.tsx';
import { useCart, useCartActions } from './cart-state.ts';

export default function CartPage() {
  const { t } = useTranslation();
  const cart = useCart();
  const actions = useCartActions();
  const [code, setCode] = useState('');
  if (cart.data === null)
    return (
      <Stack align="center" py="xl">
        <Title order={1} fz="h3">
          {t('cart.title')}
        </Title>
        <Text data-testid="empty">{t('cart.empty')}</Text>
        <Button component={Link} to="/search">
          {t('cart.shop')}
        </Button>
      </Stack>
    );
  return (
    <QueryView query={cart}>
      {(c) =>
        c && (
          <Stack>
            <Title order={1} fz="h3">
              {t('cart.title')}
            </Title>
            <Table.ScrollContainer minWidth={480}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('cart.item')}</Table.Th>
                    <Table.Th>{t('cart.quantity')}</Table.Th>
                    <Table.Th ta="right">{t('cart.total')}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {c.items.map((item) => (
                    <Table.Tr key={item.id} data-testid="cart-line">
                      <Table.Td>
                        {item.title}
                        {!item.available && (
                          <Text c="red" fz="xs">
                            {t('cart.unavailable')}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <NumberInput
                          aria-label={t('cart.quantity')}
                          min={1}
                          max={999}
                          w={90}
                          size="xs"
                          defaultValue={item.quantity}
                          onBlur={(e) => {
                            const quantity = Number(e.currentTarget.value);
                            if (quantity >= 1 && quantity !== item.quantity)
                              actions.setQuantity.mutate({ cartId: c.id, itemId: item.id, quantity });
                          }}
                        />
                      </Table.Td>
                      <Table.Td ta="right">
                        <Price value={item.total} />
                      </Table.Td>
                      <Table.Td>
                        <Button
                          variant="subtle"
                          color="red"
                          size="xs"
                          onClick={() => actions.remove.mutate({ cartId: c.id, itemId: item.id })}
                        >
                          {t('cart.remove')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {c.items.length === 0 && <Text data-testid="empty">{t('cart.empty')}</Text>}
            <ErrorAlert error={actions.setQuantity.error ?? actions.remove.error} />
            <Group align="end">
              {c.promoCode ? (
                <Group>
                  <Text>{t('cart.promoApplied', { code: c.promoCode })}</Text>
                  <Button variant="subtle" size="xs" onClick={() => actions.removePromo.mutate({ cartId: c.id })}>
                    {t('cart.remove')}
                  </Button>
                </Group>
              ) : (
                <form
                  onSubmit={(e) => {
                    e.preventDefault();
                    actions.applyPromo.mutate({ cartId: c.id, code: code.trim() });
                  }}
                >
                  <Group align="end">
                    <TextInput
                      label={t('cart.promo')}
                      value={code}
                      onChange={(e) => setCode(e.currentTarget.value)}
                      error={actions.applyPromo.error?.message}
                    />
                    <Button type="submit" variant="light" loading={actions.applyPromo.isPending} disabled={!code.trim()}>
                      {t('cart.applyPromo')}
                    </Button>
                  </Group>
                </form>
              )}
            </Group>
            {c.promoProblem && <Text c="orange">{c.promoProblem.detail}</Text>}
            <Stack gap={2} maw={360} ml="auto" w="100%">
              <Group justify="space-between">
                <Text>{t('cart.subtotal')}</Text>
                <Price value={c.totals.subtotal} />
              </Group>
              <Group justify="space-between">
                <Text>{t('cart.discount')}</Text>
                <Price value={c.totals.discount} />
              </Group>
              <Group justify="space-between">
                <Text>{t('cart.shipping')}</Text>
                <Price value={c.totals.shipping} />
              </Group>
              <Group justify="space-between">
                <Text fw={700}>{t('cart.total')}</Text>
                <Text fw={700} data-testid="cart-total">
                  <Price value={c.totals.total} />
                </Text>
              </Group>
              <Button component={Link} to="/checkout" mt="sm" disabled={c.items.length === 0}>
                {t('cart.checkout')}
              </Button>
            </Stack>
          </Stack>
        )
      }
    </QueryView>
  );
}
