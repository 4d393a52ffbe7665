import type { Money } from '../api/client.ts';
import { usePreferences } from '../app/preferences.tsx';
import { formatMoney } from '../format/money.ts';

export function Price({ value }: { value: Money }) {
  const { locale } = usePreferences();
  return <>{formatMoney(value, locale)}</>;
}

export function useFormatMoney() {
  const { locale } = usePreferences();
  return (value: Money) => formatMoney(value, locale);
}
