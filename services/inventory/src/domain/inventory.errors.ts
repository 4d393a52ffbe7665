import { DomainError } from '@bazar/kit/errors';
import type { Shortage } from './stock.ts';

export const OutOfStock = (items: Shortage[]) =>
  new DomainError('inventory.out_of_stock', 409, `Not enough stock for: ${items.map((i) => i.sku).join(', ')}`, { items });
export const ReservationNotFound = (id: string) => new DomainError('inventory.reservation_not_found', 404, `No reservation ${id}`);
export const ReservationMismatch = (id: string) =>
  new DomainError('inventory.reservation_mismatch', 422, `Reservation ${id} already exists with other lines`);
export const WarehouseNotFound = (id: string) => new DomainError('inventory.warehouse_not_found', 404, `No warehouse ${id}`);
export const WarehouseNameTaken = (name: string) =>
  new DomainError('inventory.warehouse_name_taken', 409, `A warehouse named "${name}" already exists`);
export const SkuNotFound = (sku: string) => new DomainError('inventory.sku_not_found', 404, `No SKU ${sku} in the catalog`);
export const InsufficientStock = (sku: string, available: number, delta: number) =>
  new DomainError('inventory.insufficient_stock', 409, `Adjusting ${sku} by ${delta} would take available below zero`, {
    sku,
    available,
    delta,
  });
export const UnknownSkus = (list: string[]) =>
  new DomainError('inventory.unknown_sku', 422, `Not in the catalog: ${list.join(', ')}`, { skus: list });
export const AuditNotFound = (id: string) => new DomainError('inventory.audit_not_found', 404, `No stock audit ${id}`);
export const PurchaseOrderNotFound = (id: string) => new DomainError('inventory.purchase_order_not_found', 404, `No purchase order ${id}`);
export const TransferNotFound = (id: string) => new DomainError('inventory.transfer_not_found', 404, `No transfer ${id}`);
export const SameWarehouse = () => new DomainError('inventory.same_warehouse', 422, 'A transfer goes between two different warehouses');
