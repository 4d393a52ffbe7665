import type { Address } from '../domain/address.ts';
import type { addresses } from './schema.ts';

export const toAddress = (row: typeof addresses.$inferSelect): Address => ({
  id: row.id,
  label: row.label,
  recipient: row.recipient,
  phone: row.phone,
  city: row.city,
  street: row.street,
  house: row.house,
  apartment: row.apartment,
  postalCode: row.postalCode,
  isDefault: row.isDefault,
  createdAt: row.createdAt.toISOString(),
});
