import {
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  Progress,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ok, type Schemas } from '../../api/client.ts';
import { usePreferences } from '../../app/preferences.tsx';
import { formatDateTime, formatMoney } from '../../format/money.ts';
import { useSession } from '../../session/session.tsx';
import { ErrorAlert, QueryView } from '../../ui/states.tsx';

type Outcome = Schemas['Bet']['outcome'];
/** Orders whose outcome is not known yet: the only ones a bet is taken on. */
const OPEN = new Set(['awaiting_payment', 'paid', 'picking', 'packed', 'shipped']);
const STATUS_COLOR = { open: 'blue.9', won: 'teal.9', lost: 'red.9', returned: 'gray.7' } as const;

/** The latest orders, to bet on and to name the orders of one's bets by number. */
const useBettableOrders = () =>
  useQuery({ queryKey: ['orders', 'bettable'], queryFn: () => ok(api.GET('/api/v1/orders', { params: { query: { limit: 100 } } })) });

function Budget() {
  const { t } = useTranslation();
  const budget = useQuery({ queryKey: ['bets', 'budget'], queryFn: () => ok(api.GET('/api/v1/bets/budget')) });
  return (
    <Card withBorder component="section" aria-label={t('analytics.budget')}>
      <Title order={2} fz="h5" mb="xs">
        {t('analytics.budget')}
      </Title>
      <QueryView query={budget}>
        {(b) => (
          <Stack gap="xs">
            <Text data-testid="budget-left" data-balance={b.balance}>
              {t('analytics.budgetLeft', { balance: b.balance, budget: b.weeklyBudget })}
            </Text>
            <Progress value={b.weeklyBudget > 0 ? (b.balance / b.weeklyBudget) * 100 : 0} aria-label={t('analytics.budget')} />
          </Stack>
        )}
      </QueryView>
    </Card>
  );
}

function PlaceBet() {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const { user } = useSession();
  const queryClient = useQueryClient();
  const [orderId, setOrderId] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome>('completed');
  const [stake, setStake] = useState<number | string>(100);
  const orders = useBettableOrders();
  const options = (orders.data?.items ?? [])
    .filter((o) => OPEN.has(o.status) && o.customerId !== user?.id)
    .map((o) => ({ value: o.id, label: `№ ${o.number} · ${t(`status.${o.status}`)} · ${formatMoney(o.totals.total, locale)}` }));
  const place = useMutation({
    mutationFn: () => ok(api.POST('/api/v1/bets', { body: { orderId: orderId ?? '', outcome, stake: Number(stake) } })),
    onSuccess: () => {
      setOrderId(null);
      return queryClient.invalidateQueries({ queryKey: ['bets'] });
    },
  });
  const canPlace = orderId !== null && Number.isInteger(Number(stake)) && Number(stake) > 0;
  return (
    <Card withBorder component="section" aria-label={t('analytics.placeBet')}>
      <Title order={2} fz="h5" mb="xs">
        {t('analytics.placeBet')}
      </Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (canPlace) place.mutate();
        }}
      >
        <Stack gap="sm">
          <Select
            label={t('analytics.order')}
            placeholder={t('analytics.orderPlaceholder')}
            data={options}
            value={orderId}
            onChange={setOrderId}
            searchable
            nothingFoundMessage={t('state.empty')}
            disabled={orders.isPending}
          />
          <ErrorAlert error={orders.error} />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="bet-outcome">
              {t('analytics.outcome')}
            </Text>
            <SegmentedControl
              aria-labelledby="bet-outcome"
              value={outcome}
              onChange={(v) => setOutcome(v === 'cancelled' ? 'cancelled' : 'completed')}
              data={[
                { value: 'completed', label: t('analytics.outcomeName.completed') },
                { value: 'cancelled', label: t('analytics.outcomeName.cancelled') },
              ]}
            />
          </Stack>
          <NumberInput label={t('analytics.stake')} min={1} step={10} allowDecimal={false} value={stake} onChange={setStake} />
          <Group>
            <Button type="submit" disabled={!canPlace} loading={place.isPending}>
              {t('analytics.place')}
            </Button>
            {place.isSuccess && (
              <Text c="teal.9" role="status">
                {t('analytics.placed')}
              </Text>
            )}
          </Group>
          <ErrorAlert error={place.error} />
        </Stack>
      </form>
    </Card>
  );
}

function MyBets() {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const orders = useBettableOrders();
  const numbers = new Map((orders.data?.items ?? []).map((o) => [o.id, o.number]));
  const bets = useQuery({
    queryKey: ['bets', 'mine'],
    queryFn: () => ok(api.GET('/api/v1/bets', { params: { query: { mine: true, limit: 100 } } })),
  });
  return (
    <Card withBorder component="section" aria-label={t('analytics.myBets')}>
      <Title order={2} fz="h5" mb="xs">
        {t('analytics.myBets')}
      </Title>
      <QueryView query={bets} isEmpty={(d) => d.items.length === 0} empty={t('analytics.noBets')}>
        {(d) => (
          <Table.ScrollContainer minWidth={560}>
            <Table data-testid="my-bets">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('analytics.placedAt')}</Table.Th>
                  <Table.Th>{t('analytics.order')}</Table.Th>
                  <Table.Th>{t('analytics.outcome')}</Table.Th>
                  <Table.Th ta="right">{t('analytics.stake')}</Table.Th>
                  <Table.Th>{t('analytics.status')}</Table.Th>
                  <Table.Th ta="right">{t('analytics.payout')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.items.map((bet) => (
                  <Table.Tr key={bet.id} data-testid="bet" data-status={bet.status} data-order-id={bet.orderId}>
                    <Table.Td>{formatDateTime(bet.createdAt, locale)}</Table.Td>
                    <Table.Td>{numbers.has(bet.orderId) ? `№ ${numbers.get(bet.orderId)}` : bet.orderId.slice(-12)}</Table.Td>
                    <Table.Td>{t(`analytics.outcomeName.${bet.outcome}`)}</Table.Td>
                    <Table.Td ta="right">{bet.stake}</Table.Td>
                    <Table.Td>
                      <Badge color={STATUS_COLOR[bet.status]} variant="filled">
                        {t(`analytics.betStatus.${bet.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td ta="right">{bet.status === 'open' ? '—' : bet.payout}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryView>
    </Card>
  );
}

function Leaderboard() {
  const { t } = useTranslation();
  const { user } = useSession();
  const [period, setPeriod] = useState<'week' | 'month'>('week');
  const board = useQuery({
    queryKey: ['bets', 'leaderboard', period],
    queryFn: () => ok(api.GET('/api/v1/bets/leaderboard', { params: { query: { period } } })),
  });
  return (
    <Card withBorder component="section" aria-label={t('analytics.leaderboard')}>
      <Group justify="space-between" mb="xs">
        <Title order={2} fz="h5" id="leaderboard-title">
          {t('analytics.leaderboard')}
        </Title>
        <SegmentedControl
          aria-labelledby="leaderboard-title"
          size="xs"
          value={period}
          onChange={(v) => setPeriod(v === 'month' ? 'month' : 'week')}
          data={[
            { value: 'week', label: t('analytics.week') },
            { value: 'month', label: t('analytics.month') },
          ]}
        />
      </Group>
      <QueryView query={board} isEmpty={(d) => d.items.length === 0} empty={t('analytics.noLeaders')}>
        {(d) => (
          <Table data-testid="leaderboard" data-period={d.period}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>#</Table.Th>
                <Table.Th>{t('analytics.manager')}</Table.Th>
                <Table.Th ta="right">{t('analytics.net')}</Table.Th>
                <Table.Th ta="right">{t('analytics.staked')}</Table.Th>
                <Table.Th ta="right">{t('analytics.won')}</Table.Th>
                <Table.Th ta="right">{t('analytics.settled')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.items.map((row, i) => (
                <Table.Tr key={row.managerId} fw={row.managerId === user?.id ? 700 : undefined}>
                  <Table.Td>{i + 1}</Table.Td>
                  <Table.Td>{row.managerId === user?.id ? t('analytics.you') : (row.name ?? row.managerId.slice(-12))}</Table.Td>
                  <Table.Td ta="right">{row.net > 0 ? `+${row.net}` : row.net}</Table.Td>
                  <Table.Td ta="right">{row.staked}</Table.Td>
                  <Table.Td ta="right">{row.won}</Table.Td>
                  <Table.Td ta="right">{row.settled}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryView>
    </Card>
  );
}

export function BetsSection() {
  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Stack>
          <Budget />
          <PlaceBet />
        </Stack>
        <Leaderboard />
      </SimpleGrid>
      <MyBets />
    </Stack>
  );
}
