import type { Logger } from 'pino';
import type { PlatformConfig } from './config.ts';
import type { Clock } from './ids.ts';
import { overdueEffects } from './metrics.ts';

/**
 * What became of an order, as orders answers it: `open` (its checkout runs or it awaits payment),
 * `paid` (paid or further on), `cancelled`, or `absent` (no order and no checkout that will write one).
 */
export type OrderFate = 'open' | 'paid' | 'cancelled' | 'absent';

/** One cross-service effect of a checkout, held by the service that owns it. */
export interface OpenEffect {
  id: string;
  orderId: string;
  createdAt: Date;
}

export interface ReconcilerOptions<E extends OpenEffect> {
  service: string;
  effect: string;
  /** Open effects created in [from, to], after `cursor` in (createdAt, id) order, at most `limit`. */
  load(input: { cursor: { createdAt: Date; id: string } | undefined; from: Date; to: Date; limit: number }): Promise<E[]>;
  fates(orderIds: string[]): Promise<Record<string, OrderFate>>;
  /** Gives the effect back; idempotent. */
  undo(effect: E): Promise<void>;
  clock: Clock;
  log: Logger;
  settings: Pick<PlatformConfig, 'BAZAR_RECONCILE_AFTER_SECONDS' | 'BAZAR_RECONCILE_WINDOW_HOURS' | 'BAZAR_RECONCILE_ALERT_SECONDS'>;
  batch?: number;
}

/** Undone only when the order settled the other way; an open or paid order keeps what it holds. */
export const undoes = (fate: OrderFate | undefined) => fate === 'cancelled' || fate === 'absent';

/**
 * The owner's side of a checkout's effects: each pass looks at the next batch of open effects (a
 * cursor walks the window, so every one is seen in turn), asks orders what became of their orders,
 * and undoes those settled the other way. Whatever cannot be undone yet is retried next pass, and
 * counted in `bazar_reconcile_overdue_effects` once older than the alert age.
 */
export function createReconciler<E extends OpenEffect>(options: ReconcilerOptions<E>) {
  const { settings, log } = options;
  const batch = options.batch ?? 200;
  let cursor: { createdAt: Date; id: string } | undefined;
  const overdue = new Set<string>();
  const gauge = overdueEffects.labels({ service: options.service, effect: options.effect });
  return {
    async run(): Promise<{ checked: number; undone: number; overdue: number }> {
      const now = options.clock.now().getTime();
      const from = new Date(now - settings.BAZAR_RECONCILE_WINDOW_HOURS * 3_600_000);
      const to = new Date(now - settings.BAZAR_RECONCILE_AFTER_SECONDS * 1000);
      const effects = await options.load({ cursor, from, to, limit: batch });
      cursor = effects.length < batch ? undefined : effects.at(-1);
      if (effects.length === 0) return { checked: 0, undone: 0, overdue: overdue.size };
      const fates = await options.fates([...new Set(effects.map((e) => e.orderId))]);
      let undone = 0;
      for (const effect of effects) {
        if (!undoes(fates[effect.orderId])) {
          overdue.delete(effect.id);
          continue;
        }
        try {
          await options.undo(effect);
          undone++;
          overdue.delete(effect.id);
          log.info(
            { effect: options.effect, id: effect.id, orderId: effect.orderId, fate: fates[effect.orderId] },
            'reconciler gave back an effect',
          );
        } catch (error) {
          log.warn({ err: error, effect: options.effect, id: effect.id }, 'reconciler could not give back an effect; next pass retries');
          if (now - effect.createdAt.getTime() > settings.BAZAR_RECONCILE_ALERT_SECONDS * 1000) overdue.add(effect.id);
        }
      }
      gauge.set(overdue.size);
      return { checked: effects.length, undone, overdue: overdue.size };
    },
  };
}
