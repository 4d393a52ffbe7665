import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Metrics the platform's own parts record; `/metrics` serves them with the process's. */
export const platformMetrics = new Registry();

/** Alert on any value above 0: an effect of a checkout still open though its order settled the other way. */
export const overdueEffects = new Gauge({
  name: 'bazar_reconcile_overdue_effects',
  help: 'Effects of a checkout (reservation, redemption, points hold, payment) still open past the alert age though their order is cancelled or was never written',
  labelNames: ['service', 'effect'],
  registers: [platformMetrics],
});

/** Per-route request rate, errors and latency come from `bazar_http_request_duration_seconds` (the ops routes). */

/** Events a relay handed to the bus, per publishing service. */
export const outboxPublished = new Counter({
  name: 'bazar_outbox_published_total',
  help: 'Events the outbox relay published to the bus',
  labelNames: ['service'],
  registers: [platformMetrics],
});

/** What each mounted service's outbox still holds, read at every scrape. */
const outboxProbes = new Map<string, () => Promise<{ pending: number; oldestSeconds: number }>>();

/** Registers a service's outbox for the backlog gauges (the host does, once per mounted service). */
export function watchOutbox(service: string, probe: () => Promise<{ pending: number; oldestSeconds: number }>) {
  outboxProbes.set(service, probe);
  return () => {
    if (outboxProbes.get(service) === probe) outboxProbes.delete(service);
  };
}

async function probeOutboxes() {
  return Promise.all([...outboxProbes].map(async ([service, probe]) => ({ service, ...(await probe().catch(() => undefined)) })));
}

/** Alert when it keeps growing: events written but not yet on the bus (a broker away, a relay stuck). */
export const outboxPending = new Gauge({
  name: 'bazar_outbox_pending_events',
  help: 'Outbox rows not yet published, per service',
  labelNames: ['service'],
  registers: [platformMetrics],
  async collect() {
    this.reset();
    for (const probe of await probeOutboxes()) if (probe.pending !== undefined) this.set({ service: probe.service }, probe.pending);
  },
});

export const outboxOldestAge = new Gauge({
  name: 'bazar_outbox_oldest_pending_age_seconds',
  help: 'Age of the oldest unpublished outbox row, per service (0 when none)',
  labelNames: ['service'],
  registers: [platformMetrics],
  async collect() {
    this.reset();
    for (const probe of await probeOutboxes())
      if (probe.oldestSeconds !== undefined) this.set({ service: probe.service }, probe.oldestSeconds);
  },
});

/** Seconds from an event's publication to its consumer taking it up: how far behind a consumer runs. */
export const eventLag = new Histogram({
  name: 'bazar_event_consumer_lag_seconds',
  help: 'Time from an event occurring to its consuming service handling it',
  labelNames: ['consumer'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
  registers: [platformMetrics],
});

export const eventsHandled = new Counter({
  name: 'bazar_events_handled_total',
  help: 'Event deliveries to a consuming service, by outcome (ok, failed: retried or dead-lettered)',
  labelNames: ['consumer', 'outcome'],
  registers: [platformMetrics],
});

export const eventRedeliveries = new Counter({
  name: 'bazar_event_redeliveries_total',
  help: 'Deliveries of an event a consumer had been given before (a retry after a failure, or the broker redelivering after a lost connection)',
  labelNames: ['consumer'],
  registers: [platformMetrics],
});

export const eventsDeadLettered = new Counter({
  name: 'bazar_events_dead_lettered_total',
  help: 'Events moved to a dead-letter queue after their last attempt',
  labelNames: ['consumer'],
  registers: [platformMetrics],
});

/** Messages waiting in each consuming service's queues, read from the broker at every scrape. */
const queueProbes = new Set<() => Promise<{ consumer: string; queue: string; messages: number }[]>>();

export function watchQueues(probe: () => Promise<{ consumer: string; queue: string; messages: number }[]>) {
  queueProbes.add(probe);
  return () => queueProbes.delete(probe);
}

export const queueMessages = new Gauge({
  name: 'bazar_consumer_queue_messages',
  help: "Messages waiting in a consuming service's queue (queue: main, retry or dead; RabbitMQ only)",
  labelNames: ['consumer', 'queue'],
  registers: [platformMetrics],
  async collect() {
    this.reset();
    for (const probe of queueProbes) {
      for (const row of await probe().catch(() => [])) this.set({ consumer: row.consumer, queue: row.queue }, row.messages);
    }
  },
});

export const jobRuns = new Counter({
  name: 'bazar_job_runs_total',
  help: 'Job runs by queue and outcome (completed or failed)',
  labelNames: ['queue', 'outcome'],
  registers: [platformMetrics],
});

export const jobDuration = new Histogram({
  name: 'bazar_job_duration_seconds',
  help: 'Job run time by queue',
  labelNames: ['queue'],
  buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300],
  registers: [platformMetrics],
});
