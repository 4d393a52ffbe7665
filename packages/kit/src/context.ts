import { AsyncLocalStorage } from 'node:async_hooks';

/** Trace ids carried from a request or an incoming event into the events it causes. */
export interface TraceContext {
  correlationId: string;
  causationId?: string;
}

const storage = new AsyncLocalStorage<TraceContext>();

export const currentTrace = (): TraceContext | undefined => storage.getStore();
export const runWithTrace = <R>(trace: TraceContext, fn: () => R): R => storage.run(trace, fn);
