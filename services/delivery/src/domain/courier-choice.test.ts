import { describe, expect, it } from 'vitest';
import { chooseCourier } from './courier-choice.ts';

const courier = (id: string, city: string, openShipments: number, onDuty = true) => ({ id, city, openShipments, onDuty });

describe('chooseCourier', () => {
  it('picks the on-duty courier of the city with the fewest open shipments', () => {
    const couriers = [courier('a', 'Казань', 3), courier('b', 'Казань', 1), courier('c', 'Москва', 0), courier('d', 'Казань', 0, false)];
    expect(chooseCourier(couriers, 'Казань')).toBe('b');
  });

  it('breaks ties by id and matches the city regardless of case and spaces', () => {
    expect(chooseCourier([courier('z', 'kazan', 1), courier('y', 'Kazan ', 1)], ' KAZAN')).toBe('y');
  });

  it('answers null when nobody of the city is on duty', () => {
    expect(chooseCourier([courier('a', 'Казань', 0, false), courier('b', 'Москва', 0)], 'Казань')).toBeNull();
  });
});
