import { describe, expect, it } from 'vitest';
import { channelsOf, TEMPLATES, type TemplateName } from '../domain/notice.ts';
import { LOCALES, render } from './templates.ts';

const values = {
  name: 'Анна <b>',
  number: 'B-000042',
  total: '1 299,00 ₽',
  eta: '3 дек., 14:30',
  trackingNumber: 'BZ0000000000000001',
  trackingUrl: 'http://127.0.0.1:3000/track/BZ0000000000000001',
  reason: 'никого нет дома',
};

describe('templates', () => {
  it('has every template for every channel and locale, rendering every value it names', () => {
    for (const template of Object.keys(TEMPLATES) as TemplateName[]) {
      for (const channel of channelsOf(template)) {
        for (const locale of LOCALES) {
          const out = render(template, channel, locale, values);
          expect(out.text.length, `${locale}/${template}.${channel}`).toBeGreaterThan(10);
          expect(out.text).not.toContain('{{');
        }
      }
    }
  });

  it('says "передан курьеру" in the Russian SMS on pickup, with the tracking link', () => {
    const sms = render('shipment.picked_up', 'sms', 'ru', values);
    expect(sms.text).toBe(
      'Bazar: заказ B-000042 передан курьеру, ожидайте 3 дек., 14:30. Трек-номер BZ0000000000000001: http://127.0.0.1:3000/track/BZ0000000000000001',
    );
    expect(sms.subject).toBeNull();
  });

  it('makes an e-mail subject, a text part and an HTML part that escapes values', () => {
    const mail = render('welcome', 'email', 'ru', values);
    expect(mail.subject).toBe('Добро пожаловать в Bazar');
    expect(mail.text).toContain('Здравствуйте, Анна <b>!');
    expect(mail.html).toContain('<p>Здравствуйте, Анна &lt;b&gt;!</p>');
    expect(mail.html).toContain('<title>Добро пожаловать в Bazar</title>');
  });
});
