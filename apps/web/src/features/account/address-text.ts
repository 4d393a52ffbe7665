import type { Schemas } from '../../api/client.ts';

/** One line for a saved address: "Home · Anna, Moscow, Tverskaya 7, 12". */
export function addressText(a: Schemas['Address']): string {
  const place = `${a.city}, ${a.street} ${a.house}${a.apartment ? `, ${a.apartment}` : ''}`;
  return [a.label, `${a.recipient}, ${place}`].filter(Boolean).join(' · ');
}
