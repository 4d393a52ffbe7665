import { insertOrderTypeIfNew } from '../../db/order-type-repo.ts';
import type { OrderType } from '../../domain/order-type.ts';
import type { OrdersContext } from '../context.ts';

const rub = (amount: number) => ({ amount, currency: 'RUB' });

/** Two demo services with materials (their SKUs are catalog's demo materials); added once, by code. */
export async function seedDemoOrderTypes(ctx: OrdersContext): Promise<string[]> {
  const at = ctx.deps.clock.now();
  const types: Omit<OrderType, 'id' | 'createdAt' | 'updatedAt'>[] = [
    {
      code: 'appliance_repair',
      name: 'Appliance repair',
      kind: 'service',
      skill: 'appliance_repair',
      basePrice: rub(150_000),
      hourlyRate: rub(120_000),
      estimatedHours: 2,
      materials: [
        { sku: 'MAT-DRAIN-PUMP', quantity: 1 },
        { sku: 'MAT-DRAIN-HOSE', quantity: 1 },
      ],
      active: true,
      builtIn: false,
    },
    {
      code: 'furniture_assembly',
      name: 'Furniture assembly',
      kind: 'service',
      skill: 'furniture_assembly',
      basePrice: rub(100_000),
      hourlyRate: rub(80_000),
      estimatedHours: 3,
      materials: [
        { sku: 'MAT-CONFIRMAT-50', quantity: 1 },
        { sku: 'MAT-DOWEL-100', quantity: 1 },
      ],
      active: true,
      builtIn: false,
    },
  ];
  let added = 0;
  for (const type of types) {
    if (await insertOrderTypeIfNew(ctx.deps.db, { ...type, id: ctx.deps.ids.next(), createdAt: at, updatedAt: at })) added++;
  }
  return added > 0 ? [`orders: seeded ${added} demo service types`] : [];
}
