import '../ui/all-styles.ts';
import { Burger, Menu } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { forgetCart } from '../features/storefront/cart-state.ts';
import { useSession } from '../session/session.tsx';
import { CABINETS } from './cabinets.ts';

/** The signed-in user's menu: account pages and the cabinets their roles open. Loaded lazily with its popover. */
export default function UserMenu() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const [menuOpen, menu] = useDisclosure(false);
  const cabinets = CABINETS.filter((c) => session.hasRole(...c.roles));
  const signOut = async () => {
    await session.signOut();
    forgetCart();
    navigate('/');
  };
  return (
    <Menu opened={menuOpen} onChange={menu.set} position="bottom-end">
      <Menu.Target>
        <Burger opened={menuOpen} size="sm" aria-label={t('nav.menu')} />
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{session.user?.name}</Menu.Label>
        {session.hasRole('customer') && (
          <>
            <Menu.Item component={Link} to="/account/orders">
              {t('nav.orders')}
            </Menu.Item>
            <Menu.Item component={Link} to="/account/loyalty">
              {t('nav.loyalty')}
            </Menu.Item>
            <Menu.Item component={Link} to="/account/addresses">
              {t('nav.addresses')}
            </Menu.Item>
            <Menu.Item component={Link} to="/account/profile">
              {t('nav.profile')}
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
  );
}
