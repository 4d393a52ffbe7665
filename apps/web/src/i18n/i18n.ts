import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.ts';
import { ru } from './ru.ts';

export const LANGUAGES = ['ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'bazar.language';

function savedLanguage(): Language {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  return saved === 'en' ? 'en' : 'ru';
}

/** Russian by default; the choice is remembered on this device. */
export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  lng: savedLanguage(),
  fallbackLng: 'ru',
  resources: { ru: { translation: ru }, en: { translation: en } },
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = i18n.language;
i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
  localStorage.setItem(STORAGE_KEY, language);
});

/** BCP 47 locale for Intl, from the chosen language. */
export const localeOf = (language: string) => (language === 'en' ? 'en-GB' : 'ru-RU');

/**
 * A lazily loaded cabinet brings its own strings: calling this at its module's top level keeps
 * them out of the storefront's first load and out of the shared `ru.ts`/`en.ts`.
 */
export function registerStrings<T extends object>(strings: { ru: T; en: T }) {
  i18n.addResourceBundle('ru', 'translation', strings.ru, true, false);
  i18n.addResourceBundle('en', 'translation', strings.en, true, false);
}
