import { describe, expect, it } from 'vitest';
import { cleanAddress } from './address.ts';

describe('cleanAddress', () => {
  it('trims text and stores blank optional fields as null, keeping required ones', () => {
    expect(
      cleanAddress({ recipient: ' Anna ', city: 'Moscow', street: ' Tverskaya', house: '1 ', apartment: '  ', label: '', phone: null }),
    ).toEqual({
      recipient: 'Anna',
      city: 'Moscow',
      street: 'Tverskaya',
      house: '1',
      apartment: null,
      label: null,
      phone: null,
    });
  });
});
