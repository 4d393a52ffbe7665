import { describe, expect, it } from 'vitest';
import { channelsFor, waitsForEmail } from './notice.ts';

const both = { phone: '79001234567', email: 'a@b.c' };

describe('channelsFor', () => {
  it('sends on every channel the template has when the customer allows it and has the address', () => {
    expect(channelsFor('order.paid', { sms: true, email: true }, both)).toEqual(['sms', 'email']);
    expect(channelsFor('welcome', { sms: true, email: true }, both)).toEqual(['email']);
  });

  it('honours a channel turned off and skips a channel without an address', () => {
    expect(channelsFor('order.paid', { sms: false, email: true }, both)).toEqual(['email']);
    expect(channelsFor('order.paid', { sms: true, email: false }, both)).toEqual(['sms']);
    expect(channelsFor('order.paid', { sms: true, email: true }, { phone: null, email: 'a@b.c' })).toEqual(['email']);
    expect(channelsFor('order.paid', { sms: true, email: true }, { phone: null, email: null })).toEqual([]);
  });
});

describe('waitsForEmail', () => {
  const allowed = { sms: true, email: true };
  it('waits when the template has an e-mail, the customer allows it and none is known', () => {
    expect(waitsForEmail('order.paid', allowed, null)).toBe(true);
    expect(waitsForEmail('order.refunded', allowed, null)).toBe(true);
  });
  it('does not wait with a known e-mail or with e-mail switched off', () => {
    expect(waitsForEmail('order.paid', allowed, 'a@example.test')).toBe(false);
    expect(waitsForEmail('order.paid', { sms: true, email: false }, null)).toBe(false);
  });
  it('waits for an essential message whatever the preferences', () => {
    expect(waitsForEmail('password.reset', { sms: false, email: false }, null)).toBe(true);
  });
});
