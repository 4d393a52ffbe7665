import { registerStrings } from '../../i18n/i18n.ts';

/** The service cabinets' names, needed by the menu before any of them loads. */
registerStrings({
  ru: { cabinet: { bookings: 'Вызов мастера', jobs: 'Мои работы', services: 'Услуги' } },
  en: { cabinet: { bookings: 'Book a worker', jobs: 'My jobs', services: 'Services' } },
});
