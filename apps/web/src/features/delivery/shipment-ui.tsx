import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../api/client.ts';
import type { ShipmentStatusName } from './delivery-strings.ts';

const COLORS: Record<ShipmentStatusName, string> = {
  ready: 'gray',
  assigned: 'blue',
  picked_up: 'indigo',
  in_transit: 'violet',
  delivered: 'green',
  failed: 'red',
  returned: 'orange',
  cancelled: 'gray',
};

export function ShipmentStatusBadge({ status }: { status: ShipmentStatusName }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="dot" c="dark" data-testid="shipment-status" data-status={status}>
      {t(`shipment.statuses.${status}`)}
    </Badge>
  );
}

/** A time of day in the reader's locale (ETAs are within one day). */
export const formatTime = (iso: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));

/** Today as YYYY-MM-DD in UTC, the day the delivery service plans by. */
export const today = () => new Date().toISOString().slice(0, 10);

/** A report id kept across retries of one tap, so the server counts the report once. */
export function newReportId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

type Shipment = Schemas['Shipment'];

export const addressLine = (a: Shipment['address']) =>
  [a.city, `${a.street} ${a.house}`, a.apartment ? `кв. ${a.apartment}` : null].filter(Boolean).join(', ');

/** A map link: the exact point when the address has coordinates, else a search for the address. */
export const mapLink = (s: Shipment) =>
  s.address.lat !== undefined && s.address.lon !== undefined
    ? `https://www.openstreetmap.org/?mlat=${s.address.lat}&mlon=${s.address.lon}#map=17/${s.address.lat}/${s.address.lon}`
    : `https://www.openstreetmap.org/search?query=${encodeURIComponent(addressLine(s.address))}`;
