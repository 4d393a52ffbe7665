import { Alert, Button, Card, NumberInput, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, api, ok } from '../../api/client.ts';
import { useSession } from '../../session/session.tsx';
import { ErrorAlert, QueryView } from '../../ui/states.tsx';

type Place = { city: string; lat: number | string; lon: number | string; available: boolean };

/** A worker's own profile: where they work and whether matching may offer them jobs now. */
export function MyProfile() {
  const { t } = useTranslation();
  const session = useSession();
  const isWorker = session.hasRole('worker');
  const me = useQuery({ queryKey: ['workers-me'], queryFn: () => ok(api.GET('/api/v1/workers/me')), enabled: isWorker, retry: false });
  if (!isWorker || (me.error instanceof ApiError && me.error.status === 404)) return <Alert>{t('tests.notWorker')}</Alert>;
  return <QueryView query={me}>{(worker) => <PlaceForm worker={worker} />}</QueryView>;
}

function PlaceForm({
  worker,
}: {
  worker: {
    city: string | null;
    lat: number | null;
    lon: number | null;
    available: boolean;
    skills: string[];
    rating: number | null;
    openJobs: number;
  };
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<Place>({
    initialValues: { city: worker.city ?? '', lat: worker.lat ?? '', lon: worker.lon ?? '', available: worker.available },
    validate: { city: (v) => (v.trim() ? null : t('form.required')) },
  });
  const save = useMutation({
    mutationFn: (v: Place) =>
      ok(
        api.PUT('/api/v1/workers/me', {
          body: {
            city: v.city.trim(),
            available: v.available,
            ...(typeof v.lat === 'number' ? { lat: v.lat } : {}),
            ...(typeof v.lon === 'number' ? { lon: v.lon } : {}),
          },
        }),
      ),
    onSuccess: (data) => queryClient.setQueryData(['workers-me'], data),
  });
  return (
    <Card withBorder padding="sm">
      <form onSubmit={form.onSubmit((v) => save.mutate(v))}>
        <Stack gap="sm">
          <Text size="sm">
            {t('tests.skills')}: {worker.skills.join(', ')} · {t('tests.rating')}: {worker.rating ?? '—'} · {t('tests.openJobs')}:{' '}
            {worker.openJobs}
          </Text>
          <TextInput label={t('tests.city')} size="md" {...form.getInputProps('city')} />
          <NumberInput label={t('tests.lat')} size="md" min={-90} max={90} decimalScale={5} {...form.getInputProps('lat')} />
          <NumberInput label={t('tests.lon')} size="md" min={-180} max={180} decimalScale={5} {...form.getInputProps('lon')} />
          <Switch label={t('tests.available')} size="md" {...form.getInputProps('available', { type: 'checkbox' })} />
          {save.error && <ErrorAlert error={save.error} />}
          {save.isSuccess && <Alert color="green">{t('tests.saved')}</Alert>}
          <Button type="submit" size="md" loading={save.isPending}>
            {t('form.save')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
