import { expectOk, type ServiceTransport } from '@bazar/kit/clients';

/** A kit task as fulfilment answers it (the fields service requests read). */
export interface KitTask {
  id: string;
  orderId: string;
  status: string;
  workerId: string | null;
  lines: { sku: string; quantity: number; picked: number }[];
}

/**
 * Fulfilment's internal kit API: `POST /internal/v1/picking/kit-tasks`
 * `{requestId, number, warehouseId, workerId, materials: [{sku, quantity}]}` → 201 KitTask, or 200
 * the task already there for that request and warehouse (so a repeat creates nothing).
 */
export function fulfilmentClient(transport: ServiceTransport) {
  return {
    async createKitTask(input: {
      requestId: string;
      number: string;
      warehouseId: string;
      workerId: string;
      materials: { sku: string; quantity: number }[];
    }): Promise<KitTask> {
      return expectOk(await transport.call({ method: 'POST', path: '/internal/v1/picking/kit-tasks', body: input }));
    },
  };
}
export type FulfilmentClient = ReturnType<typeof fulfilmentClient>;
