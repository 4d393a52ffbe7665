import { BarChart, LineChart } from '@mantine/charts';
import { Alert, Button, Card, Group, SegmentedControl, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Money, ok, type Schemas } from '../../api/client.ts';
import { usePreferences } from '../../app/preferences.tsx';
import { formatMoney, fromMinor, toMinor } from '../../format/money.ts';
import { QueryView } from '../../ui/states.tsx';
import { isDay, lastDays, type Period, PRESETS, type Preset } from './period.ts';

type Summary = Schemas['AnalyticsSummary'];

function ChartCard({ title, points, children }: { title: string; points: number; children: ReactNode }) {
  return (
    <Card withBorder component="section" aria-label={title} data-testid="chart" data-points={points}>
      <Title order={2} fz="h5" mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

function Stat({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Card withBorder>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz="xl" fw={700} data-testid={testId}>
        {value}
      </Text>
    </Card>
  );
}

const hours = (seconds: number | null) => (seconds === null ? 0 : Math.round((seconds / 3600) * 10) / 10);

function Charts({ summary }: { summary: Summary }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const money = (m: Money) => formatMoney(m, locale);
  const major = (minor: number) => fromMinor(minor, summary.currency, locale);
  const asMoney = (value: number) => formatMoney({ amount: toMinor(value, summary.currency), currency: summary.currency }, locale);
  const series = summary.byDay.map((d) => ({
    date: d.date,
    revenue: major(d.revenue.amount),
    orders: d.orders,
    cancelled: d.cancelled,
    aov: major(d.averageOrderValue.amount),
  }));
  const f = summary.fulfilment;
  const fulfilment = [
    { stage: t('analytics.payToPacked'), p50: hours(f.payToPackedP50), p90: hours(f.payToPackedP90) },
    { stage: t('analytics.packedToDelivered'), p50: hours(f.packedToDeliveredP50), p90: hours(f.packedToDeliveredP90) },
  ];
  const top = summary.topProducts.map((p) => ({ product: p.title || p.sku, units: p.units }));
  return (
    <Stack>
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <Stat label={t('analytics.orders')} value={String(summary.orders)} testId="stat-orders" />
        <Stat label={t('analytics.revenue')} value={money(summary.revenue)} testId="stat-revenue" />
        <Stat label={t('analytics.averageOrderValue')} value={money(summary.averageOrderValue)} testId="stat-aov" />
        <Stat label={t('analytics.cancelled')} value={String(summary.cancelled)} testId="stat-cancelled" />
      </SimpleGrid>
      {summary.orders === 0 && (
        <Text c="dimmed" ta="center" data-testid="empty">
          {t('analytics.noOrders')}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <ChartCard title={t('analytics.revenueByDay')} points={series.length}>
          <BarChart
            h={240}
            data={series}
            dataKey="date"
            series={[{ name: 'revenue', label: t('analytics.revenue'), color: 'teal.6' }]}
            valueFormatter={asMoney}
            accessibilityLayer
            tooltipAnimationDuration={0}
          />
        </ChartCard>
        <ChartCard title={t('analytics.ordersByDay')} points={series.length}>
          <BarChart
            h={240}
            data={series}
            dataKey="date"
            type="stacked"
            series={[
              { name: 'orders', label: t('analytics.orders'), color: 'blue.6' },
              { name: 'cancelled', label: t('analytics.cancelled'), color: 'red.6' },
            ]}
            withLegend
            accessibilityLayer
            tooltipAnimationDuration={0}
          />
        </ChartCard>
        <ChartCard title={t('analytics.aovByDay')} points={series.length}>
          <LineChart
            h={240}
            data={series}
            dataKey="date"
            series={[{ name: 'aov', label: t('analytics.averageOrderValue'), color: 'grape.6' }]}
            valueFormatter={asMoney}
            curveType="linear"
            accessibilityLayer
            tooltipAnimationDuration={0}
          />
        </ChartCard>
        <ChartCard title={t('analytics.fulfilment')} points={f.packed + f.delivered}>
          {f.packed + f.delivered === 0 ? (
            <Text c="dimmed">{t('analytics.fulfilmentNone')}</Text>
          ) : (
            <BarChart
              h={240}
              data={fulfilment}
              dataKey="stage"
              series={[
                { name: 'p50', label: t('analytics.p50'), color: 'indigo.6' },
                { name: 'p90', label: t('analytics.p90'), color: 'orange.6' },
              ]}
              withLegend
              accessibilityLayer
              tooltipAnimationDuration={0}
            />
          )}
        </ChartCard>
        <ChartCard title={t('analytics.topProducts')} points={top.length}>
          {top.length === 0 ? (
            <Text c="dimmed">{t('state.empty')}</Text>
          ) : (
            <BarChart
              h={Math.max(160, top.length * 36)}
              data={top}
              dataKey="product"
              orientation="vertical"
              yAxisProps={{ width: 160 }}
              series={[{ name: 'units', label: t('analytics.units'), color: 'cyan.6' }]}
              accessibilityLayer
              tooltipAnimationDuration={0}
            />
          )}
        </ChartCard>
        <Card withBorder component="section" aria-label={t('analytics.byOrderType')}>
          <Title order={2} fz="h5" mb="sm">
            {t('analytics.byOrderType')}
          </Title>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('analytics.orderType')}</Table.Th>
                <Table.Th>{t('analytics.orders')}</Table.Th>
                <Table.Th>{t('analytics.revenue')}</Table.Th>
                <Table.Th>{t('analytics.averagePrice')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {summary.byOrderType.map((row) => (
                <Table.Tr key={row.type}>
                  <Table.Td>{row.type}</Table.Td>
                  <Table.Td>{row.count}</Table.Td>
                  <Table.Td>{money(row.revenue)}</Table.Td>
                  <Table.Td>{money(row.averagePrice)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      </SimpleGrid>
      {summary.workers.length > 0 && (
        <Card withBorder component="section" aria-label={t('analytics.workers')}>
          <Title order={2} fz="h5" mb="sm">
            {t('analytics.workers')}
          </Title>
          <Table.ScrollContainer minWidth={560}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('analytics.role')}</Table.Th>
                  <Table.Th>{t('analytics.worker')}</Table.Th>
                  <Table.Th>{t('analytics.jobs')}</Table.Th>
                  <Table.Th>{t('analytics.units')}</Table.Th>
                  <Table.Th>{t('analytics.averageTime')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {summary.workers.map((w) => (
                  <Table.Tr key={`${w.role}:${w.workerId}`}>
                    <Table.Td>{t(`role.${w.role}`, { defaultValue: w.role })}</Table.Td>
                    <Table.Td>{w.workerId.slice(-12)}</Table.Td>
                    <Table.Td>{w.jobs}</Table.Td>
                    <Table.Td>{w.units}</Table.Td>
                    <Table.Td>{w.role === 'courier' ? '—' : Math.round(w.averageSeconds / 6) / 10}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
    </Stack>
  );
}

/** Fetches the export with the caller's token and hands it to the browser as a file. */
async function downloadCsv(period: Period) {
  const blob = await ok(api.GET('/api/v1/analytics/export', { params: { query: period }, parseAs: 'blob' }));
  const url = URL.createObjectURL(blob as Blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `orders-${period.from}-${period.to}.csv`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function DashboardSection() {
  const { t } = useTranslation();
  const [preset, setPreset] = useState<Preset | ''>('30');
  const [period, setPeriod] = useState<Period>(() => lastDays(30));
  const [groupBy, setGroupBy] = useState<'day' | 'week'>('day');
  const valid = isDay(period.from) && isDay(period.to) && period.from <= period.to;
  const summary = useQuery({
    queryKey: ['analytics', 'summary', period, groupBy],
    queryFn: () => ok(api.GET('/api/v1/analytics/summary', { params: { query: { ...period, groupBy } } })),
    enabled: valid,
    placeholderData: (previous) => previous,
  });
  const download = useMutation({ mutationFn: () => downloadCsv(period) });
  const choose = (value: string) => {
    const next = value as Preset;
    setPreset(next);
    setPeriod(lastDays(Number(next)));
  };
  const edit = (field: keyof Period, value: string) => {
    setPreset('');
    setPeriod((p) => ({ ...p, [field]: value }));
  };
  return (
    <Stack>
      <Group align="end" wrap="wrap">
        <Stack gap={4}>
          <Text size="sm" fw={500} id="analytics-period">
            {t('analytics.period')}
          </Text>
          <SegmentedControl
            aria-labelledby="analytics-period"
            value={preset}
            onChange={choose}
            data={PRESETS.map((p) => ({ value: p, label: t(`analytics.preset.${p}`) }))}
          />
        </Stack>
        <TextInput type="date" label={t('analytics.from')} value={period.from} onChange={(e) => edit('from', e.currentTarget.value)} />
        <TextInput type="date" label={t('analytics.to')} value={period.to} onChange={(e) => edit('to', e.currentTarget.value)} />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="analytics-group-by">
            {t('analytics.groupBy')}
          </Text>
          <SegmentedControl
            aria-labelledby="analytics-group-by"
            value={groupBy}
            onChange={(v) => setGroupBy(v === 'week' ? 'week' : 'day')}
            data={[
              { value: 'day', label: t('analytics.byDay') },
              { value: 'week', label: t('analytics.byWeek') },
            ]}
          />
        </Stack>
        <Button variant="default" disabled={!valid} loading={download.isPending} onClick={() => download.mutate()}>
          {t('analytics.download')}
        </Button>
      </Group>
      {download.isError && (
        <Alert color="red" role="alert">
          {t('analytics.downloadFailed')}
        </Alert>
      )}
      {valid ? (
        <QueryView query={summary}>{(d) => <Charts summary={d} />}</QueryView>
      ) : (
        <Alert color="red" role="alert">
          {t('analytics.badPeriod')}
        </Alert>
      )}
    </Stack>
  );
}
