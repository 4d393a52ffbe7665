import { registerStrings } from '../../i18n/i18n.ts';

/** The workforce cabinets' names and the worker role, needed by the menu before the cabinets load. */
registerStrings({
  ru: { cabinet: { tests: 'Квалификация', workforce: 'Исполнители' }, role: { worker: 'Исполнитель' } },
  en: { cabinet: { tests: 'Qualification', workforce: 'Workers' }, role: { worker: 'Worker' } },
});
