import { Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, ok } from '../../api/client.ts';

export function useWarehouses() {
  return useQuery({
    queryKey: ['warehouses'],
    queryFn: () => ok(api.GET('/api/v1/warehouses', { params: { query: { limit: 100 } } })),
    staleTime: 60_000,
  });
}

/** Picks one of the warehouses (the default one first when nothing is chosen yet). */
export function WarehouseSelect({
  label,
  value,
  onChange,
  clearable,
  placeholder,
}: {
  label: string;
  value: string | null;
  onChange: (id: string | null) => void;
  clearable?: boolean;
  placeholder?: string;
}) {
  const warehouses = useWarehouses();
  const data = (warehouses.data?.items ?? []).map((w) => ({ value: w.id, label: w.city ? `${w.name} (${w.city})` : w.name }));
  return <Select label={label} data={data} value={value} onChange={onChange} clearable={clearable} placeholder={placeholder} miw={220} />;
}

/** A warehouse's name by id, for tables. */
export function useWarehouseName() {
  const warehouses = useWarehouses();
  return (id: string) => warehouses.data?.items.find((w) => w.id === id)?.name ?? id.slice(0, 8);
}
