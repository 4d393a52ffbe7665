import type { Static, TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { newId } from '../ids.ts';

/** What travels on the bus: a versioned integration event with tracing ids. */
export interface EventEnvelope<T = unknown> {
  id: string;
  type: string;
  version: number;
  occurredAt: string;
  source: string;
  correlationId: string;
  causationId?: string;
  /**
   * Set when the event is the whole latest state of something (a SKU's stock in a warehouse): a
   * newer event with the same value makes this one obsolete, so a relay holding both sends only
   * the newer. Consumers of such events must not need the states in between.
   */
  snapshotOf?: string;
  /** W3C trace context of the span that published it; the consumer's span continues that trace. */
  traceparent?: string;
  data: T;
}

/** An outgoing event before the outbox gives it an envelope. */
export interface OutgoingEvent<T = unknown> {
  type: string;
  version: number;
  snapshotOf?: string;
  data: T;
}

export interface EventDefinition<S extends TSchema> {
  readonly type: string;
  readonly version: number;
  /** `<type>.v<version>`: the routing key on the bus. */
  readonly key: string;
  readonly schema: S;
  /** Validates the payload (a bad payload is a programming error, so it throws). */
  make(data: Static<S>): OutgoingEvent<Static<S>>;
  is(envelope: EventEnvelope): envelope is EventEnvelope<Static<S>>;
}

/**
 * Declares a public, versioned integration event (STYLE: contracts/src/events). `snapshotOf` names
 * what each event is the whole latest state of, for events whose consumers only need the newest.
 */
export function defineEvent<S extends TSchema>(
  type: string,
  version: number,
  schema: S,
  options: { snapshotOf?: (data: Static<S>) => string } = {},
): EventDefinition<S> {
  const check = Compile(schema);
  return {
    type,
    version,
    key: eventKey(type, version),
    schema,
    make(data) {
      if (!check.Check(data)) {
        const first = [...check.Errors(data)][0];
        throw new Error(`event ${type}.v${version} payload invalid at ${first?.instancePath}: ${first?.message}`);
      }
      return options.snapshotOf ? { type, version, snapshotOf: `${type}:${options.snapshotOf(data)}`, data } : { type, version, data };
    },
    is: (envelope): envelope is EventEnvelope<Static<S>> => envelope.type === type && envelope.version === version,
  };
}

export const eventKey = (type: string, version: number) => `${type}.v${version}`;

export function envelope(
  event: OutgoingEvent,
  source: string,
  correlationId?: string,
  causationId?: string,
  traceparent?: string,
): EventEnvelope {
  const id = newId();
  return {
    id,
    type: event.type,
    version: event.version,
    occurredAt: new Date().toISOString(),
    source,
    correlationId: correlationId ?? id,
    ...(causationId ? { causationId } : {}),
    ...(event.snapshotOf ? { snapshotOf: event.snapshotOf } : {}),
    ...(traceparent ? { traceparent } : {}),
    data: event.data,
  };
}
