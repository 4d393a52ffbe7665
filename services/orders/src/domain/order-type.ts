import type { Money } from '@bazar/kit/money';
import { InvalidOrderType } from './service-request.errors.ts';

export type OrderKind = 'goods' | 'service';

/** One material a service type brings to the job, by catalog SKU. */
export interface MaterialLine {
  sku: string;
  quantity: number;
}

/** A kind of order a manager manages (CONTRACT.md "Order types"): goods are built in, services book a worker. */
export interface OrderType {
  id: string;
  code: string;
  name: string;
  kind: OrderKind;
  skill: string | null;
  basePrice: Money;
  hourlyRate: Money | null;
  estimatedHours: number | null;
  materials: MaterialLine[];
  active: boolean;
  builtIn: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/** The built-in goods type: its id is fixed, so price statistics of goods orders have a stable address. */
export const GOODS_TYPE_ID = '00000000-0000-4000-8000-000000000001';

export type OrderTypeFields = Omit<OrderType, 'id' | 'builtIn' | 'createdAt' | 'updatedAt'>;

/** Hours are booked in quarters of an hour, from a quarter to a long day. */
export const isBookableHours = (hours: number) => Number.isInteger(hours * 4) && hours >= 0.25 && hours <= 24;

/**
 * The rules a type must keep: a service names its skill and hourly rate; goods carry no skill,
 * rate or materials; every price is in one currency; a material appears once.
 */
export function checkOrderType(fields: OrderTypeFields): OrderTypeFields {
  const { kind, skill, basePrice, hourlyRate, estimatedHours, materials } = fields;
  if (kind === 'service') {
    if (!skill) throw InvalidOrderType('skill', 'a service type needs the skill its workers must have');
    if (!hourlyRate) throw InvalidOrderType('hourlyRate', 'a service type needs an hourly rate');
    if (hourlyRate.currency !== basePrice.currency) throw InvalidOrderType('hourlyRate', 'the hourly rate and base price share a currency');
    if (estimatedHours !== null && !isBookableHours(estimatedHours)) {
      throw InvalidOrderType('estimatedHours', 'estimated hours are quarters of an hour between 0.25 and 24');
    }
  } else if (skill || hourlyRate || materials.length > 0) {
    throw InvalidOrderType('kind', 'a goods type has no skill, hourly rate or materials');
  }
  const skus = materials.map((m) => m.sku);
  if (new Set(skus).size !== skus.length) throw InvalidOrderType('materials', 'each material SKU appears once');
  return fields;
}
