import { Type } from 'typebox';

const Day = Type.String({ format: 'date', description: 'YYYY-MM-DD (UTC), inclusive', examples: ['2026-11-01'] });
const MoneyOut = Type.Object({ amount: Type.Integer(), currency: Type.String() });
const Seconds = Type.Union([Type.Integer(), Type.Null()], { description: 'Seconds; null when nothing was measured' });

export const SummaryQuery = Type.Object(
  {
    from: Type.Optional(Day),
    to: Type.Optional(Day),
    groupBy: Type.Optional(Type.Union([Type.Literal('day'), Type.Literal('week')], { default: 'day' })),
    top: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 10, description: 'How many top products' })),
  },
  { additionalProperties: false },
);

export const ExportQuery = Type.Object({ from: Type.Optional(Day), to: Type.Optional(Day) }, { additionalProperties: false });

export const SummarySchema = Type.Object(
  {
    from: Type.String(),
    to: Type.String(),
    groupBy: Type.String(),
    currency: Type.String({ description: 'The store currency every amount is in' }),
    orders: Type.Integer({ description: 'Orders paid in the period (by the day they were paid, UTC)' }),
    kept: Type.Integer({ description: 'Of those, neither cancelled nor refunded in full' }),
    cancelled: Type.Integer({ description: 'Of those, cancelled or refunded in full since' }),
    revenue: MoneyOut,
    averageOrderValue: MoneyOut,
    topProducts: Type.Array(Type.Object({ sku: Type.String(), title: Type.String(), units: Type.Integer(), revenue: MoneyOut })),
    byDay: Type.Array(
      Type.Object({
        date: Type.String({ description: 'The day, or the Monday of the week with groupBy=week' }),
        orders: Type.Integer(),
        cancelled: Type.Integer(),
        revenue: MoneyOut,
        averageOrderValue: MoneyOut,
      }),
    ),
    byOrderType: Type.Array(
      Type.Object({ type: Type.String(), count: Type.Integer(), kept: Type.Integer(), revenue: MoneyOut, averagePrice: MoneyOut }),
    ),
    fulfilment: Type.Object({
      payToPackedP50: Seconds,
      payToPackedP90: Seconds,
      packedToDeliveredP50: Seconds,
      packedToDeliveredP90: Seconds,
      packed: Type.Integer(),
      delivered: Type.Integer(),
    }),
    workers: Type.Array(
      Type.Object({
        role: Type.String(),
        workerId: Type.String(),
        jobs: Type.Integer(),
        units: Type.Integer(),
        averageSeconds: Type.Integer(),
      }),
    ),
  },
  { $id: 'AnalyticsSummary' },
);
