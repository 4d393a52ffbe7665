import { createBrowserRouter, type LoaderFunctionArgs, Outlet, type RouteObject } from 'react-router';
import { HomePage } from '../features/storefront/home-page.tsx';
import { categoriesQuery, newestQuery, productQuery, searchQuery } from '../features/storefront/queries.ts';
import { CABINETS } from './cabinets.ts';
import { NotFound, PageLoader, RequireRoles, RouteError } from './guards.tsx';
import { Layout } from './layout.tsx';
import { savedCurrency } from './preferences.tsx';
import { queryClient } from './query-client.ts';

type PageModule = () => Promise<{ default: React.ComponentType }>;
/** A storefront page that imports the styles of its own components. */
const storefrontPage = (load: PageModule) => async () => ({ Component: (await load()).default });
/** Any other screen arrives with the styles of every component. */
const page = (load: PageModule) => async () => {
  const [module] = await Promise.all([load(), import('../ui/all-styles.ts')]);
  return { Component: module.default };
};

/**
 * Starts a page's queries the moment its URL opens, alongside its lazily loaded code; the loader
 * answers at once, so the page never waits on it and reads the data from the shared cache.
 */
const prefetch = (start: (args: LoaderFunctionArgs, currency: string | null) => Promise<void>[]) => (args: LoaderFunctionArgs) => {
  void Promise.all(start(args, savedCurrency()));
  return null;
};
const warm = queryClient.prefetchQuery.bind(queryClient);

const storefront: RouteObject[] = [
  { index: true, element: <HomePage />, loader: prefetch((_, currency) => [warm(categoriesQuery()), warm(newestQuery(currency))]) },
  {
    path: 'search',
    lazy: storefrontPage(() => import('../features/storefront/search-page.tsx')),
    loader: prefetch(({ request }, currency) => [warm(categoriesQuery()), warm(searchQuery(new URL(request.url).searchParams, currency))]),
  },
  {
    path: 'products/:slug',
    lazy: storefrontPage(() => import('../features/storefront/product-page.tsx')),
    loader: prefetch(({ params }, currency) => [warm(productQuery(params.slug ?? '', currency))]),
  },
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
