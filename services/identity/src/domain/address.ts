/** A saved shipping address of a customer's address book. */
export interface Address {
  id: string;
  label: string | null;
  recipient: string;
  phone: string | null;
  city: string;
  street: string;
  house: string;
  apartment: string | null;
  postalCode: string | null;
  isDefault: boolean;
  createdAt: string;
}

export type AddressInput = Pick<Address, 'recipient' | 'city' | 'street' | 'house'> & {
  [K in 'label' | 'phone' | 'apartment' | 'postalCode']?: string | null;
} & { isDefault?: boolean };

/** An address book holds this many; one more is refused (a book, not a log of every parcel). */
export const MAX_ADDRESSES = 20;

/** Blank optional text is stored as absent, so the checkout form never shows "  ". */
export function cleanAddress<T extends Partial<AddressInput>>(input: T): T {
  const out: Record<string, unknown> = { ...input };
  for (const [key, value] of Object.entries(out)) {
    if (typeof value === 'string') {
      const trimmed = value.trim();
      out[key] = trimmed === '' && ['label', 'phone', 'apartment', 'postalCode'].includes(key) ? null : trimmed;
    }
  }
  return out as T;
}
