import { suppliers, warehouses } from '../db/schema.ts';
import type { InventoryContext } from './context.ts';

/** Two more warehouses in other cities (fixed ids, so a restart adds nothing) and the suppliers purchasers order from. */
const DEMO_WAREHOUSES = [
  {
    id: '01900000-0000-7000-8000-000000000002',
    name: 'Склад Казань',
    city: 'Казань',
    address: 'ул. Техническая, 21',
    lat: 55.7963,
    lon: 49.1088,
  },
  {
    id: '01900000-0000-7000-8000-000000000003',
    name: 'Склад Санкт-Петербург',
    city: 'Санкт-Петербург',
    address: 'Московское ш., 25',
    lat: 59.8167,
    lon: 30.3272,
  },
];
const DEMO_SUPPLIERS = [
  { id: '01900000-0000-7000-8000-0000000000a1', name: 'ООО «ТехноОпт»', contact: 'opt@techno.example' },
  { id: '01900000-0000-7000-8000-0000000000a2', name: 'ИП Смирнов', contact: '+7 900 111-22-33' },
];

export async function seedDemoWarehouses(ctx: InventoryContext): Promise<string[]> {
  const at = ctx.deps.clock.now();
  const added = await ctx.deps.db
    .insert(warehouses)
    .values(DEMO_WAREHOUSES.map((w) => ({ ...w, isDefault: false, createdAt: at })))
    .onConflictDoNothing()
    .returning({ id: warehouses.id });
  await ctx.deps.db
    .insert(suppliers)
    .values(DEMO_SUPPLIERS.map((s) => ({ ...s, createdAt: at })))
    .onConflictDoNothing();
  return added.length > 0 ? [`Demo warehouses: ${DEMO_WAREHOUSES.map((w) => w.city).join(', ')} (besides Москва)`] : [];
}
