import { describe, expect, it } from 'vitest';
import { channelsFor } from './notice.ts';

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
