import { createBrowserRouter, Outlet, type RouteObject } from 'react-router';
import { HomePage } from '../features/storefront/home-page.tsx';
import { CABINETS } from './cabinets.ts';
import { NotFound, PageLoader, RequireRoles, RouteError } from './guards.tsx';
import { Layout } from './layout.tsx';

const page = (load: () => Promise<{ default: React.ComponentType }>) => async () => ({ Component: (await load()).default });

const storefront: RouteObject[] = [
  { index: true, element: <HomePage /> },
  { path: 'search', lazy: page(() => import('../features/storefront/search-page.tsx')) },
  { path: 'products/:slug', lazy: page(() => import('../features/storefront/product-page.tsx')) },
  { path: 'cart', lazy: page(() => import('../features/storefront/cart-page.tsx')) },
  { path: 'signin', lazy: page(() => import('../features/auth/sign-in-page.tsx')) },
  { path: 'signup', lazy: page(() => import('../features/auth/sign-up-page.tsx')) },
  { path: 'track', lazy: page(() => import('../features/tracking/tracking-page.tsx')) },
  { path: 'track/:number', lazy: page(() => import('../features/tracking/tracking-page.tsx')) },
  { path: 'forgot-password', lazy: page(() => import('../features/auth/forgot-password-page.tsx')) },
  { path: 'reset-password', lazy: page(() => import('../features/auth/reset-password-page.tsx')) },
  {
    element: (
      <RequireRoles roles={['customer']}>
        <Outlet />
      </RequireRoles>
    ),
    children: [
      { path: 'checkout', lazy: page(() => import('../features/storefront/checkout-page.tsx')) },
      { path: 'account/orders', lazy: page(() => import('../features/account/orders-page.tsx')) },
      { path: 'account/orders/:id', lazy: page(() => import('../features/account/order-page.tsx')) },
      { path: 'account/loyalty', lazy: page(() => import('../features/account/loyalty-page.tsx')) },
      { path: 'account/addresses', lazy: page(() => import('../features/account/addresses-page.tsx')) },
      { path: 'account/profile', lazy: page(() => import('../features/account/profile-page.tsx')) },
      { path: 'account/notifications', lazy: page(() => import('../features/notifications/notifications-page.tsx')) },
    ],
  },
];

const cabinets: RouteObject[] = CABINETS.map((cabinet) => ({
  path: cabinet.id,
  element: (
    <RequireRoles roles={cabinet.roles}>
      <Outlet />
    </RequireRoles>
  ),
  // The cabinet module renders its own sections; it is fetched only once the guard lets the user in.
  children: [
    { index: true, lazy: page(cabinet.load) },
    { path: '*', lazy: page(cabinet.load) },
  ],
}));

export const router = createBrowserRouter([
  {
    element: <Layout />,
    errorElement: <RouteError />,
    hydrateFallbackElement: <PageLoader />,
    children: [...storefront, ...cabinets, { path: '*', element: <NotFound /> }],
  },
]);
