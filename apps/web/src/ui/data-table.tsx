import { Table, VisuallyHidden } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { KeyboardEvent, ReactNode } from 'react';
import { QueryView } from './states.tsx';

export interface Column<T> {
  /** Unique per table; also the React key of the cell. */
  key: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  align?: 'left' | 'right';
}

/**
 * A query's rows as a table, with the loading, error and empty states around it. A row that opens
 * somewhere (`onOpen`) is focusable and opens with Enter, besides any link inside it.
 */
export function DataTable<D, T>({
  query,
  rows,
  columns,
  rowKey,
  caption,
  empty,
  minWidth = 560,
  onOpen,
  testId,
  rowProps,
}: {
  query: UseQueryResult<D>;
  rows: (data: D) => T[];
  columns: Column<T>[];
  rowKey: (row: T) => string;
  /** Read by screen readers: what the table lists. */
  caption: string;
  empty?: ReactNode;
  minWidth?: number;
  onOpen?: (row: T) => void;
  testId?: string;
  /** Extra attributes of a row (e.g. `data-testid`, `data-status`) that tests and styles find it by. */
  rowProps?: (row: T) => Record<string, string>;
}) {
  const keyOpen = (row: T) => (event: KeyboardEvent) => {
    if (event.key === 'Enter' && event.target === event.currentTarget) onOpen?.(row);
  };
  return (
    <QueryView query={query} isEmpty={(data) => rows(data).length === 0} empty={empty}>
      {(data) => (
        <Table.ScrollContainer minWidth={minWidth}>
          <Table striped highlightOnHover={!!onOpen} aria-busy={query.isFetching} data-testid={testId}>
            <VisuallyHidden component="caption">{caption}</VisuallyHidden>
            <Table.Thead>
              <Table.Tr>
                {columns.map((c) => (
                  <Table.Th key={c.key} ta={c.align} scope="col">
                    {c.header}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows(data).map((row) => (
                <Table.Tr
                  key={rowKey(row)}
                  {...rowProps?.(row)}
                  {...(onOpen
                    ? { tabIndex: 0, onKeyDown: keyOpen(row), style: { cursor: 'pointer' }, onDoubleClick: () => onOpen(row) }
                    : {})}
                >
                  {columns.map((c) => (
                    <Table.Td key={c.key} ta={c.align}>
                      {c.cell(row)}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </QueryView>
  );
}
