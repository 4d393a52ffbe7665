import { Chip, Group, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ok } from '../../api/client.ts';
import { usePreferences } from '../../app/preferences.tsx';
import { registerStrings } from '../../i18n/i18n.ts';

registerStrings({
  ru: { slots: { title: 'Когда доставить', day: 'День доставки', window: 'Время', full: 'занято', none: 'Любое время в день упаковки' } },
  en: { slots: { title: 'When to deliver', day: 'Delivery day', window: 'Time', full: 'full', none: 'Any time on the day it is packed' } },
});

export interface ChosenSlot {
  date: string;
  windowId: string;
}

/**
 * The delivery day and window of the checkout, from the windows the city offers; a full window
 * cannot be picked. Shows nothing for a city without windows (the order then goes on the day it is packed).
 */
export function SlotPicker({
  city,
  value,
  onChange,
}: {
  city: string;
  value: ChosenSlot | null;
  onChange: (slot: ChosenSlot | null) => void;
}) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const [debounced] = useDebouncedValue(city.trim(), 400);
  const slots = useQuery({
    queryKey: ['delivery-slots', debounced],
    queryFn: () => ok(api.GET('/api/v1/delivery/slots', { params: { query: { city: debounced, days: 7 } } })),
    enabled: debounced.length > 1,
  });
  const items = slots.data?.items ?? [];
  const days = [...new Set(items.map((s) => s.date))];
  // A choice that the city no longer offers (the address changed) is dropped.
  useEffect(() => {
    if (value && !items.some((s) => s.date === value.date && s.windowId === value.windowId && s.left > 0)) onChange(null);
  }, [items, value, onChange]);
  if (items.length === 0) return null;
  const dayFormat = new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'long', timeZone: 'UTC' });
  const date = value?.date ?? null;
  return (
    <Stack gap="xs" data-testid="slot-picker">
      <Text fw={600}>{t('slots.title')}</Text>
      <Select
        label={t('slots.day')}
        placeholder={t('slots.none')}
        data={days.map((d) => ({ value: d, label: dayFormat.format(new Date(`${d}T00:00:00Z`)) }))}
        value={date}
        onChange={(d) => {
          const first = items.find((s) => s.date === d && s.left > 0);
          onChange(d && first ? { date: d, windowId: first.windowId } : null);
        }}
        clearable
        comboboxProps={{ withinPortal: true }}
      />
      {date && (
        <Chip.Group value={value?.windowId ?? null} onChange={(windowId) => onChange({ date, windowId: String(windowId) })}>
          <Group gap="xs" role="radiogroup" aria-label={t('slots.window')}>
            {items
              .filter((s) => s.date === date)
              .map((s) => (
                <Chip key={s.windowId} value={s.windowId} disabled={s.left === 0}>
                  {s.from}–{s.to}
                  {s.left === 0 ? ` (${t('slots.full')})` : ''}
                </Chip>
              ))}
          </Group>
        </Chip.Group>
      )}
    </Stack>
  );
}
