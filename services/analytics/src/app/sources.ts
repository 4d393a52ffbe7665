import type { EventDefinition, EventEnvelope } from '@bazar/kit/events/event';
import type { Static, TSchema } from 'typebox';
import type { OrderFacts } from '../domain/order-facts.ts';
import type { WorkerJob } from '../domain/worker-job.ts';

/** An event that tells analytics something about one order (events/ has one per event). */
export interface FactSource {
  key: string;
  orderIdOf(envelope: EventEnvelope): string;
  merge(facts: OrderFacts, envelope: EventEnvelope): OrderFacts;
  /** The order's type when this event is the first analytics hears of it. */
  orderTypeOf(envelope: EventEnvelope): string;
}

/** An event that reports a finished job of a picker, courier or worker. */
export interface JobSource {
  key: string;
  toJob(envelope: EventEnvelope): WorkerJob | null;
}

export function factSource<S extends TSchema>(
  event: EventDefinition<S>,
  spec: {
    orderIdOf(data: Static<S>): string;
    merge(facts: OrderFacts, data: Static<S>): OrderFacts;
    orderTypeOf?(data: Static<S>): string;
  },
): FactSource {
  return {
    key: event.key,
    orderIdOf: (e) => spec.orderIdOf(e.data as Static<S>),
    merge: (facts, e) => spec.merge(facts, e.data as Static<S>),
    orderTypeOf: (e) => spec.orderTypeOf?.(e.data as Static<S>) ?? 'goods',
  };
}

export function jobSource<S extends TSchema>(event: EventDefinition<S>, toJob: (data: Static<S>) => WorkerJob | null): JobSource {
  return { key: event.key, toJob: (e) => toJob(e.data as Static<S>) };
}

/** Every source the service folds, grouped so the fold finds one by routing key. */
export interface Sources {
  facts: Map<string, FactSource>;
  jobs: Map<string, JobSource>;
}

export const sourcesOf = (facts: FactSource[], jobs: JobSource[]): Sources => ({
  facts: new Map(facts.map((s) => [s.key, s])),
  jobs: new Map(jobs.map((s) => [s.key, s])),
});
