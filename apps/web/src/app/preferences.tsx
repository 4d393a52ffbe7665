import { useQuery } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ok } from '../api/client.ts';
import { localeOf } from '../i18n/i18n.ts';

const CURRENCY_KEY = 'bazar.currency';

interface Preferences {
  /** The currency prices are shown in; null means the store's own. */
  currency: string | null;
  setCurrency(currency: string | null): void;
  /** Every currency the store has a rate for, its own first. */
  currencies: string[];
  locale: string;
}

/** The currency chosen on this device, if any. */
export const savedCurrency = (): string | null => localStorage.getItem(CURRENCY_KEY);

const PreferencesContext = createContext<Preferences | null>(null);

export function PreferencesProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const [currency, setState] = useState<string | null>(savedCurrency);
  const rates = useQuery({ queryKey: ['rates'], queryFn: () => ok(api.GET('/api/v1/rates')), staleTime: 10 * 60_000 });
  const value = useMemo<Preferences>(
    () => ({
      currency,
      setCurrency(next) {
        if (next) localStorage.setItem(CURRENCY_KEY, next);
        else localStorage.removeItem(CURRENCY_KEY);
        setState(next);
      },
      currencies: rates.data ? [rates.data.base, ...Object.keys(rates.data.rates).sort()] : [],
      locale: localeOf(i18n.language),
    }),
    [currency, rates.data, i18n.language],
  );
  return <PreferencesContext.Provider value={value}>{children}</PreferencesContext.Provider>;
}

export function usePreferences(): Preferences {
  const preferences = useContext(PreferencesContext);
  if (!preferences) throw new Error('usePreferences outside PreferencesProvider');
  return preferences;
}
