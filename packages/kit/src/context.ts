/**
 * Trace ids carried from a request or an incoming event into the events it causes. They are
 * passed explicitly (not through AsyncLocalStorage): on Node 20 an active AsyncLocalStorage
 * installs promise hooks for the whole process and cost a quarter of the HTTP throughput.
 */
export interface TraceContext {
  correlationId: string;
  causationId?: string;
}
