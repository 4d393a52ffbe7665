import { Gauge, Registry } from 'prom-client';

/** Metrics the platform's own parts record; `/metrics` serves them with the process's. */
export const platformMetrics = new Registry();

/** Alert on any value above 0: an effect of a checkout still open though its order settled the other way. */
export const overdueEffects = new Gauge({
  name: 'bazar_reconcile_overdue_effects',
  help: 'Effects of a checkout (reservation, redemption, points hold, payment) still open past the alert age though their order is cancelled or was never written',
  labelNames: ['service', 'effect'],
  registers: [platformMetrics],
});
