import { Alert, Button, Card, Group, NumberInput, Rating, Select, Stack, Table, Text, Textarea, TextInput, Timeline } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ok, type Schemas } from '../../api/client.ts';
import { usePreferences } from '../../app/preferences.tsx';
import { formatDateTime, formatMoney } from '../../format/money.ts';
import { CabinetShell } from '../../ui/cabinet-shell.tsx';
import { DataTable } from '../../ui/data-table.tsx';
import { ErrorAlert } from '../../ui/states.tsx';
import './strings.ts';

type Request = Schemas['ServiceRequest'];

/** Tomorrow-but-one at 10:00 local, as the form's first suggestion. */
const defaultWhen = () => {
  const d = new Date(Date.now() + 2 * 86_400_000);
  d.setHours(10, 0, 0, 0);
  return d.toISOString().slice(0, 16);
};

function BookSection() {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const queryClient = useQueryClient();
  const types = useQuery({ queryKey: ['order-types'], queryFn: () => ok(api.GET('/api/v1/order-types')) });
  const services = (types.data?.items ?? []).filter((x) => x.kind === 'service');
  const [form, setForm] = useState({ typeId: '', city: '', street: '', house: '', when: defaultWhen(), hours: 2, description: '' });
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));
  const body = () => ({
    typeId: form.typeId,
    address: { city: form.city, street: form.street, house: form.house },
    scheduledAt: new Date(form.when).toISOString(),
    hours: form.hours,
  });
  const quote = useMutation({ mutationFn: () => ok(api.POST('/api/v1/service-requests/quote', { body: body() })) });
  const [key] = useState(() => crypto.randomUUID());
  const book = useMutation({
    mutationFn: () =>
      ok(
        api.POST('/api/v1/service-requests', {
          params: { header: { 'idempotency-key': key } },
          body: { ...body(), description: form.description, payment: { provider: 'test', token: 'tok_success' } },
        }),
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['service-requests'] }),
  });
  const money = (m: { amount: number; currency: string }) => formatMoney(m, locale);
  return (
    <Stack maw={560}>
      <Select
        label={t('services.type')}
        data={services.map((s) => ({ value: s.id, label: s.name }))}
        value={form.typeId || null}
        onChange={(v) => set({ typeId: v ?? '' })}
      />
      <TextInput label={t('services.city')} value={form.city} onChange={(e) => set({ city: e.currentTarget.value })} />
      <Group grow>
        <TextInput label={t('services.street')} value={form.street} onChange={(e) => set({ street: e.currentTarget.value })} />
        <TextInput label={t('services.house')} value={form.house} onChange={(e) => set({ house: e.currentTarget.value })} />
      </Group>
      <Group grow>
        <TextInput
          type="datetime-local"
          label={t('services.when')}
          value={form.when}
          onChange={(e) => set({ when: e.currentTarget.value })}
        />
        <NumberInput
          label={t('services.hours')}
          min={0.25}
          max={24}
          step={0.25}
          value={form.hours}
          onChange={(v) => set({ hours: Number(v) || 1 })}
        />
      </Group>
      <Textarea label={t('services.description')} value={form.description} onChange={(e) => set({ description: e.currentTarget.value })} />
      <Button variant="default" onClick={() => quote.mutate()} loading={quote.isPending} disabled={!form.typeId}>
        {t('services.quote')}
      </Button>
      <ErrorAlert error={quote.error ?? book.error} />
      {quote.data && (
        <Card withBorder data-testid="quote">
          <Table>
            <Table.Tbody>
              <Table.Tr>
                <Table.Td>{t('services.labour')}</Table.Td>
                <Table.Td ta="right">{money(quote.data.lines.labour)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Td>{t('services.materials')}</Table.Td>
                <Table.Td ta="right">{money(quote.data.lines.materials)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Td>{t('services.surcharges')}</Table.Td>
                <Table.Td ta="right">{money(quote.data.lines.surcharges)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Td>{t('services.discount')}</Table.Td>
                <Table.Td ta="right">{money(quote.data.discount)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Td fw={700}>{t('services.total')}</Table.Td>
                <Table.Td ta="right" fw={700}>
                  {money(quote.data.total)}
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
          <Text c="dimmed" size="sm">
            {t('services.average')}: {money(quote.data.priceStats.average)} ({quote.data.priceStats.count})
          </Text>
          <Button mt="sm" onClick={() => book.mutate()} loading={book.isPending} disabled={!form.description.trim() || !!book.data}>
            {t('services.pay')}
          </Button>
        </Card>
      )}
      {book.data && <Alert color="green">{t('services.booked', { number: book.data.number })}</Alert>}
    </Stack>
  );
}

function MineSection() {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const queryClient = useQueryClient();
  const list = useQuery({
    queryKey: ['service-requests', 'mine'],
    queryFn: () => ok(api.GET('/api/v1/service-requests', { params: { query: { as: 'customer', limit: 50 } } })),
  });
  const rate = useMutation({
    mutationFn: (input: { id: string; stars: number }) =>
      ok(api.POST('/api/v1/service-requests/{id}/rate', { params: { path: { id: input.id } }, body: { stars: input.stars } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['service-requests'] }),
  });
  return (
    <DataTable
      query={list}
      rows={(d) => d.items}
      rowKey={(r: Request) => r.id}
      caption={t('services.mine')}
      columns={[
        { key: 'number', header: t('services.number'), cell: (r) => `${r.number} · ${r.type.name}` },
        { key: 'status', header: t('services.status'), cell: (r) => r.status },
        { key: 'total', header: t('services.total'), cell: (r) => formatMoney(r.report?.amount ?? r.price.total, locale), align: 'right' },
        {
          key: 'timeline',
          header: '',
          cell: (r) => (
            <Timeline bulletSize={10} lineWidth={2} active={r.history.length - 1}>
              {r.history.map((h) => (
                <Timeline.Item key={`${h.status}-${h.at}`} title={h.status}>
                  <Text size="xs" c="dimmed">
                    {formatDateTime(h.at, locale)}
                  </Text>
                </Timeline.Item>
              ))}
            </Timeline>
          ),
        },
        {
          key: 'rate',
          header: t('services.rate'),
          cell: (r) =>
            r.status === 'completed' ? (
              <Rating
                value={r.rating ?? 0}
                readOnly={r.rating !== null}
                onChange={(stars) => rate.mutate({ id: r.id, stars })}
                aria-label={t('services.rate')}
              />
            ) : null,
        },
      ]}
    />
  );
}

/** The customer's cabinet: book a worker with a quote and pay, then follow the requests and rate the work. */
export default function BookingsCabinet() {
  return (
    <CabinetShell
      id="bookings"
      sections={[
        { path: 'book', element: <BookSection /> },
        { path: 'mine', element: <MineSection /> },
      ]}
    />
  );
}
