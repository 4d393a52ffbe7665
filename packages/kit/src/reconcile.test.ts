import { describe, expect, it } from 'vitest';
import { createLogger } from './log.ts';
import { platformMetrics } from './metrics.ts';
import { createReconciler, type OpenEffect, type OrderFate } from './reconcile.ts';

const now = new Date('2026-01-01T12:00:00Z');
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
const settings = { BAZAR_RECONCILE_AFTER_SECONDS: 20, BAZAR_RECONCILE_WINDOW_HOURS: 24, BAZAR_RECONCILE_ALERT_SECONDS: 300 };

function reconcilerOver(effects: OpenEffect[], fates: Record<string, OrderFate>, failing = new Set<string>(), batch = 100) {
  const undone: string[] = [];
  const reconciler = createReconciler({
    service: 'test',
    effect: `effect-${Math.random()}`,
    clock: { now: () => now },
    log: createLogger('silent'),
    settings,
    batch,
    load: async ({ cursor, limit }) =>
      effects
        .filter((e) => !undone.includes(e.id))
        .filter(
          (e) => !cursor || e.createdAt > cursor.createdAt || (e.createdAt.getTime() === cursor.createdAt.getTime() && e.id > cursor.id),
        )
        .slice(0, limit),
    fates: async (ids) => Object.fromEntries(ids.map((id) => [id, fates[id] ?? 'absent'])),
    undo: async (e) => {
      if (failing.has(e.id)) throw new Error('owner down');
      undone.push(e.id);
    },
  });
  return { reconciler, undone };
}

describe('reconciler', () => {
  it('undoes effects of cancelled and unwritten orders only', async () => {
    const effects = ['open', 'paid', 'cancelled', 'absent'].map((fate, i) => ({ id: `e${i}`, orderId: fate, createdAt: minutesAgo(1) }));
    const { reconciler, undone } = reconcilerOver(effects, { open: 'open', paid: 'paid', cancelled: 'cancelled' });
    expect(await reconciler.run()).toMatchObject({ checked: 4, undone: 2 });
    expect(undone).toEqual(['e2', 'e3']);
  });

  it('walks the window batch by batch and starts over', async () => {
    const effects = Array.from({ length: 5 }, (_, i) => ({ id: `e${i}`, orderId: `o${i}`, createdAt: minutesAgo(10 - i) }));
    const { reconciler } = reconcilerOver(effects, Object.fromEntries(effects.map((e) => [e.orderId, 'paid' as const])), new Set(), 2);
    const seen = [];
    for (let pass = 0; pass < 4; pass++) seen.push((await reconciler.run()).checked);
    expect(seen).toEqual([2, 2, 1, 2]);
  });

  it('counts an effect it cannot give back past the alert age in bazar_reconcile_overdue_effects', async () => {
    const effects = [
      { id: 'old', orderId: 'o1', createdAt: minutesAgo(10) },
      { id: 'young', orderId: 'o2', createdAt: minutesAgo(1) },
    ];
    const { reconciler } = reconcilerOver(effects, { o1: 'cancelled', o2: 'cancelled' }, new Set(['old', 'young']));
    expect(await reconciler.run()).toMatchObject({ undone: 0, overdue: 1 });
    expect(await platformMetrics.metrics()).toContain('bazar_reconcile_overdue_effects{service="test"');
  });
});
