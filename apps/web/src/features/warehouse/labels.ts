import { registerStrings } from '../../i18n/i18n.ts';

/** The warehouse cabinets' names, needed by the menu before any of them loads (four words, not their screens). */
registerStrings({
  ru: { cabinet: { picking: 'Сборка', picker: 'Сборщик', purchasing: 'Закупки', stock: 'Контроль склада' } },
  en: { cabinet: { picking: 'Picking', picker: 'Picker', purchasing: 'Purchasing', stock: 'Stock control' } },
});
