import { Badge, Button, Card, Group, NumberInput, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ok, type Schemas } from '../../api/client.ts';
import { usePreferences } from '../../app/preferences.tsx';
import { formatDateTime } from '../../format/money.ts';
import { useSession } from '../../session/session.tsx';
import { CabinetShell } from '../../ui/cabinet-shell.tsx';
import { ErrorAlert, QueryView } from '../../ui/states.tsx';
import './strings.ts';

type Request = Schemas['ServiceRequest'];
type Action = 'accept' | 'decline' | 'start';

function useJobs() {
  return useQuery({
    queryKey: ['service-requests', 'jobs'],
    queryFn: () => ok(api.GET('/api/v1/service-requests', { params: { query: { as: 'worker', limit: 50 } } })),
    refetchInterval: 10_000,
  });
}

function useAct() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; action: Action }) =>
      ok(api.POST(`/api/v1/service-requests/{id}/${input.action}`, { params: { path: { id: input.id } } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['service-requests'] }),
  });
}

/** One job on a phone: where, when, what, and the buttons its status allows (56 px high, thumb-sized). */
function JobCard({ request, children }: { request: Request; children?: React.ReactNode }) {
  const { locale } = usePreferences();
  return (
    <Card withBorder data-testid={`job-${request.number}`}>
      <Group justify="space-between">
        <Title order={3} fz="h5">
          {request.number} · {request.type.name}
        </Title>
        <Badge variant="light">{request.status}</Badge>
      </Group>
      <Text>
        {request.address.city}, {request.address.street} {request.address.house}
      </Text>
      <Text c="dimmed">{formatDateTime(request.scheduledAt, locale)}</Text>
      <Text>{request.description}</Text>
      {children}
    </Card>
  );
}

function OffersSection() {
  const { t } = useTranslation();
  const { user } = useSession();
  const jobs = useJobs();
  const act = useAct();
  return (
    <Stack>
      <ErrorAlert error={act.error} />
      <QueryView query={jobs} isEmpty={(d) => d.items.every((r) => r.offeredTo !== user?.id)}>
        {(d) =>
          d.items
            .filter((r) => r.offeredTo === user?.id && r.status === 'matching')
            .map((r) => (
              <JobCard key={r.id} request={r}>
                <Group grow mt="sm">
                  <Button h={56} onClick={() => act.mutate({ id: r.id, action: 'accept' })}>
                    {t('services.accept')}
                  </Button>
                  <Button h={56} variant="default" onClick={() => act.mutate({ id: r.id, action: 'decline' })}>
                    {t('services.decline')}
                  </Button>
                </Group>
              </JobCard>
            ))
        }
      </QueryView>
    </Stack>
  );
}

function CompleteForm({ request }: { request: Request }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [summary, setSummary] = useState('');
  const [hours, setHours] = useState(request.price.hours);
  const [used, setUsed] = useState<Record<string, number>>(Object.fromEntries(request.price.materials.map((m) => [m.sku, m.quantity])));
  const complete = useMutation({
    mutationFn: () =>
      ok(
        api.POST('/api/v1/service-requests/{id}/complete', {
          params: { path: { id: request.id } },
          body: {
            summary,
            hoursSpent: hours,
            materialsUsed: Object.entries(used)
              .filter(([, quantity]) => quantity > 0)
              .map(([sku, quantity]) => ({ sku, quantity })),
          },
        }),
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['service-requests'] }),
  });
  return (
    <Stack mt="sm">
      <Textarea label={t('services.summary')} value={summary} onChange={(e) => setSummary(e.currentTarget.value)} />
      <NumberInput label={t('services.hoursSpent')} min={0} max={24} step={0.25} value={hours} onChange={(v) => setHours(Number(v) || 0)} />
      {request.price.materials.map((m) => (
        <NumberInput
          key={m.sku}
          label={t('services.used', { sku: m.title })}
          min={0}
          max={m.quantity}
          value={used[m.sku] ?? 0}
          onChange={(v) => setUsed((u) => ({ ...u, [m.sku]: Number(v) || 0 }))}
        />
      ))}
      <ErrorAlert error={complete.error} />
      <Button h={56} onClick={() => complete.mutate()} loading={complete.isPending} disabled={!summary.trim()}>
        {t('services.complete')}
      </Button>
    </Stack>
  );
}

function WorkSection() {
  const { t } = useTranslation();
  const { user } = useSession();
  const jobs = useJobs();
  const act = useAct();
  const mine = (r: Request) => r.worker?.id === user?.id;
  return (
    <Stack>
      <ErrorAlert error={act.error} />
      <QueryView query={jobs} isEmpty={(d) => !d.items.some(mine)}>
        {(d) =>
          d.items.filter(mine).map((r) => (
            <JobCard key={r.id} request={r}>
              {(r.status === 'equipped' || (r.status === 'assigned' && r.kit === null)) && (
                <Button h={56} mt="sm" fullWidth onClick={() => act.mutate({ id: r.id, action: 'start' })}>
                  {t('services.start')}
                </Button>
              )}
              {r.status === 'in_progress' && <CompleteForm request={r} />}
            </JobCard>
          ))
        }
      </QueryView>
    </Stack>
  );
}

/** The worker's cabinet, phone-first: offers to accept or decline, then the jobs to start and complete with a report. */
export default function JobsCabinet() {
  return (
    <CabinetShell
      id="jobs"
      sections={[
        { path: 'offers', element: <OffersSection /> },
        { path: 'work', element: <WorkSection /> },
      ]}
    />
  );
}
