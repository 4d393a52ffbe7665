import { Alert, Center, Loader, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';

export function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const text = error instanceof ApiError ? error.message : t('state.error');
  return (
    <Alert color="red" title={t('state.errorTitle')} role="alert">
      {text}
    </Alert>
  );
}

/** Loading, error and empty states around a query's data. */
export function QueryView<T>({
  query,
  isEmpty,
  empty,
  children,
}: {
  query: UseQueryResult<T>;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  if (query.isPending)
    return (
      <Center py="lg">
        <Loader role="img" aria-label={t('state.loading')} />
      </Center>
    );
  if (query.isError) return <ErrorAlert error={query.error} />;
  if (isEmpty?.(query.data))
    return (
      <Text c="dimmed" py="lg" ta="center" data-testid="empty">
        {empty ?? t('state.empty')}
      </Text>
    );
  return <>{children(query.data)}</>;
}
