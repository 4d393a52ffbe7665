import { Anchor, AppShell, Burger, Button, Container, Group, Indicator, NativeSelect, Text } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { useCart } from '../features/storefront/cart-state.ts';
import { SearchBox } from '../features/storefront/search-box.tsx';
import { useSession } from '../session/session.tsx';
import { PageLoader } from './guards.tsx';
import { usePreferences } from './preferences.tsx';

const UserMenu = lazy(() => import('./user-menu.tsx'));

export function Layout() {
  const { t } = useTranslation();
  const session = useSession();
  const cart = useCart();
  const count = cart.data?.items.reduce((n, item) => n + item.quantity, 0) ?? 0;

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
                <Suspense fallback={<Burger size="sm" aria-label={t('nav.menu')} disabled />}>
                  <UserMenu />
                </Suspense>
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

const LANGUAGES = ['ru', 'en'] as const;

/** The currency and language switches. */
function Pickers(props: { visibleFrom?: 'sm' }) {
  const { t, i18n } = useTranslation();
  const { currency, setCurrency, currencies } = usePreferences();
  return (
    <Group gap="xs" wrap="nowrap" {...props}>
      <NativeSelect
        aria-label={t('nav.currency')}
        data={currencies}
        value={currency ?? currencies[0] ?? ''}
        onChange={(event) => {
          const value = event.currentTarget.value;
          setCurrency(value === currencies[0] ? null : value);
        }}
        w={88}
        size="xs"
      />
      {/* Two buttons, not a SegmentedControl: its sliding indicator measures the layout on every resize and mutation while the page loads. */}
      <Button.Group aria-label={t('nav.language')}>
        {LANGUAGES.map((language) => (
          <Button
            key={language}
            size="compact-xs"
            variant={i18n.language === language ? 'filled' : 'default'}
            aria-pressed={i18n.language === language}
            onClick={() => void i18n.changeLanguage(language)}
          >
            {language.toUpperCase()}
          </Button>
        ))}
      </Button.Group>
    </Group>
  );
}
