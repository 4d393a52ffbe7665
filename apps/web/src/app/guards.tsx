import { Alert, Button, Center, Loader, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useRouteError } from 'react-router';
import { type Role, useSession } from '../session/session.tsx';

/** Signed-out visitors go to sign-in; a user without the role sees a refusal (the API refuses too). */
export function RequireRoles({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  const { t } = useTranslation();
  if (!session.ready) return <PageLoader />;
  if (!session.user) return <Navigate to={`/signin?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (!session.hasRole(...roles))
    return (
      <Stack align="center" py="xl" data-testid="refused">
        <Title order={2}>{t('refused.title')}</Title>
        <Text>{t('refused.text')}</Text>
        <Button component={Link} to="/">
          {t('nav.home')}
        </Button>
      </Stack>
    );
  return children;
}

export function PageLoader() {
  const { t } = useTranslation();
  return (
    <Center py="xl">
      <Loader role="img" aria-label={t('state.loading')} />
    </Center>
  );
}

export function NotFound() {
  const { t } = useTranslation();
  return (
    <Stack align="center" py="xl">
      <Title order={2}>{t('notFound.title')}</Title>
      <Button component={Link} to="/">
        {t('nav.home')}
      </Button>
    </Stack>
  );
}

export function RouteError() {
  const error = useRouteError();
  return (
    <Alert color="red" m="md" title="Error">
      {error instanceof Error ? error.message : String(error)}
    </Alert>
  );
}
