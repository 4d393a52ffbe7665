import { Anchor, AppShell, Burger, Button, Container, Group, Indicator, Menu, SegmentedControl, Select, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useNavigate } from 'react-router';
import { forgetCart, useCart } from '../features/storefront/cart-state.ts';
import { SearchBox } from '../features/storefront/search-box.tsx';
import { useSession } from '../session/session.tsx';
import { CABINETS } from './cabinets.ts';
import { PageLoader } from './guards.tsx';
import { usePreferences } from './preferences.tsx';

export function Layout() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const cart = useCart();
  const [menuOpen, menu] = useDisclosure(false);
  const count = cart.data?.items.reduce((n, item) => n + item.quantity, 0) ?? 0;
  const cabinets = CABINETS.filter((c) => session.hasRole(...c.roles));

  const signOut = async () => {
    await session.signOut();
    forgetCart();
    navigate('/');
  };

  return (
    <AppShell header={{ height: { base: 112, sm: 64 } }} padding="md">
      <AppShell.Header>
        <Container size="xl" h="100%" py={8}>
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <Anchor component={Link} to="/" fw={800} fz="xl" underline="never">
              Bazar
            </Anchor>
            <SearchBox visibleFrom="sm" />
            <Group gap="xs" wrap="nowrap">
              <Pickers visibleFrom="sm" />
              <Indicator label={count} size={16} disabled={count === 0}>
                <Button component={Link} to="/cart" variant="light" size="xs" data-testid="cart-link">
                  {t('nav.cart')}
                </Button>
              </Indicator>
              {session.user ? (
                <Menu opened={menuOpen} onChange={menu.set} position="bottom-end">
                  <Menu.Target>
                    <Burger opened={menuOpen} size="sm" aria-label={t('nav.menu')} />
                  </Menu.Target>
                  <Menu.Dropdown>
                    <Menu.Label>{session.user.name}</Menu.Label>
                    {session.hasRole('customer') && (
                      <>
                        <Menu.Item component={Link} to="/account/orders">
                          {t('nav.orders')}
                        </Menu.Item>
                        <Menu.Item component={Link} to="/account/loyalty">
                          {t('nav.loyalty')}
                        </Menu.Item>
                        <Menu.Item component={Link} to="/account/notifications">
                          {t('nav.notifications')}
                        </Menu.Item>
                      </>
                    )}
                    {cabinets.length > 0 && <Menu.Label>{t('nav.cabinets')}</Menu.Label>}
                    {cabinets.map((c) => (
                      <Menu.Item key={c.id} component={Link} to={`/${c.id}`}>
                        {t(`cabinet.${c.id}`)}
                      </Menu.Item>
                    ))}
                    <Menu.Divider />
                    <Menu.Item onClick={() => void signOut()}>{t('nav.signOut')}</Menu.Item>
                  </Menu.Dropdown>
                </Menu>
              ) : (
                <Button component={Link} to="/signin" size="xs">
                  {t('nav.signIn')}
                </Button>
              )}
            </Group>
          </Group>
          {/* Phones: the search and the pickers get a row of their own. */}
          <Group hiddenFrom="sm" mt={8} gap="xs" wrap="nowrap">
            <SearchBox />
            <Pickers />
          </Group>
        </Container>
      </AppShell.Header>
      <AppShell.Main>
        <Container size="xl" px={0}>
          <Suspense fallback={<PageLoader />}>
            <Outlet />
          </Suspense>
        </Container>
        <Text component="footer" c="gray.7" fz="xs" ta="center" mt="xl">
          Bazar
        </Text>
      </AppShell.Main>
    </AppShell>
  );
}

/** The currency and language switches. */
function Pickers(props: { visibleFrom?: 'sm' }) {
  const { t, i18n } = useTranslation();
  const { currency, setCurrency, currencies } = usePreferences();
  return (
    <Group gap="xs" wrap="nowrap" {...props}>
      <Select
        aria-label={t('nav.currency')}
        data={currencies}
        value={currency ?? currencies[0] ?? null}
        onChange={(value) => setCurrency(value === currencies[0] ? null : value)}
        w={88}
        size="xs"
        allowDeselect={false}
        comboboxProps={{ withinPortal: true }}
      />
      <SegmentedControl
        aria-label={t('nav.language')}
        size="xs"
        value={i18n.language}
        onChange={(language) => void i18n.changeLanguage(language)}
        data={[
          { value: 'ru', label: 'RU' },
          { value: 'en', label: 'EN' },
        ]}
      />
    </Group>
  );
}
