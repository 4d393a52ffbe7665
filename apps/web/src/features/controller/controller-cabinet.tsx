import './strings.ts';
import { Alert, Badge, Button, Code, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ok } from '../../api/client.ts';
import { usePreferences } from '../../app/preferences.tsx';
import { formatDateTime } from '../../format/money.ts';
import { CabinetShell } from '../../ui/cabinet-shell.tsx';
import { DataTable } from '../../ui/data-table.tsx';
import { Price } from '../../ui/price.tsx';
import { QueryView } from '../../ui/states.tsx';

function Accounts() {
  const { t } = useTranslation();
  const accounts = useQuery({ queryKey: ['ledger', 'accounts'], queryFn: () => ok(api.GET('/api/v1/ledger/accounts')) });
  return (
    <DataTable
      query={accounts}
      rows={(d) => d.items.flatMap((account) => account.balances.map((b) => ({ ...b, account: account.account, type: account.type })))}
      rowKey={(r) => `${r.account}-${r.currency}`}
      caption={t('controller.accounts')}
      columns={[
        { key: 'account', header: t('controller.account'), cell: (r) => <Code>{r.account}</Code> },
        { key: 'type', header: t('controller.type'), cell: (r) => r.type },
        { key: 'debits', header: t('controller.debits'), align: 'right', cell: (r) => <Price value={r.debits} /> },
        { key: 'credits', header: t('controller.credits'), align: 'right', cell: (r) => <Price value={r.credits} /> },
        { key: 'balance', header: t('controller.balance'), align: 'right', cell: (r) => <Price value={r.balance} /> },
      ]}
    />
  );
}

function Entries() {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const [orderId, setOrderId] = useState('');
  const [debounced] = useDebouncedValue(orderId.trim(), 300);
  const valid = /^[0-9a-f-]{36}$/i.test(debounced);
  const entries = useQuery({
    queryKey: ['ledger', 'entries', valid ? debounced : null],
    queryFn: () => ok(api.GET('/api/v1/ledger/entries', { params: { query: { limit: 100, ...(valid ? { orderId: debounced } : {}) } } })),
  });
  return (
    <Stack>
      <TextInput label={t('controller.orderId')} value={orderId} onChange={(e) => setOrderId(e.currentTarget.value)} maw={420} />
      <QueryView query={entries} isEmpty={(d) => d.items.length === 0}>
        {(d) => (
          <Stack>
            {d.items.map((entry) => (
              <Stack key={entry.id} gap={4} p="sm" style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 8 }}>
                <Group justify="space-between">
                  <Text fw={600}>{entry.kind}</Text>
                  <Group gap="xs">
                    <Badge>{entry.status}</Badge>
                    <Text fz="xs" c="dimmed">
                      {formatDateTime(entry.createdAt, locale)}
                    </Text>
                  </Group>
                </Group>
                <Table>
                  <Table.Tbody>
                    {entry.postings.map((p) => (
                      <Table.Tr key={`${p.account}-${p.direction}-${p.amount.currency}`}>
                        <Table.Td>
                          <Code>{p.account}</Code>
                        </Table.Td>
                        <Table.Td>{t(`controller.${p.direction}`)}</Table.Td>
                        <Table.Td ta="right">
                          <Price value={p.amount} />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Stack>
            ))}
          </Stack>
        )}
      </QueryView>
    </Stack>
  );
}

/** The ledger check (`GET /api/v1/ledger/check`): what `bazar ledger verify` proves, while the shop runs. */
function Check() {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const check = useQuery({ queryKey: ['ledger', 'check'], queryFn: () => ok(api.GET('/api/v1/ledger/check')) });
  return (
    <Stack>
      <Group>
        <Button variant="light" loading={check.isFetching} onClick={() => void check.refetch()} w="fit-content">
          {t('controller.runCheck')}
        </Button>
      </Group>
      <QueryView query={check}>
        {(report) => (
          <Stack>
            <Alert
              color={report.ok ? 'green' : 'red'}
              role="status"
              title={
                // Body-coloured title: the alert's own green and red titles fall below 4.5:1 contrast.
                <Text span fw={700} c="var(--mantine-color-text)">
                  {report.ok ? t('controller.checkOk') : t('controller.checkFailed', { count: report.violations.length })}
                </Text>
              }
              data-testid="ledger-check"
              data-ok={report.ok}
            >
              {t('controller.checkSummary', {
                entries: report.entries,
                postings: report.postings,
                at: formatDateTime(report.checkedAt, locale),
              })}
            </Alert>
            {report.violations.length > 0 && (
              <DataTable
                query={check}
                rows={(r) => r.violations}
                rowKey={(v) => `${v.rule}-${v.entryId ?? ''}-${v.account ?? ''}-${v.currency ?? ''}-${v.paymentId ?? ''}`}
                caption={t('controller.violations')}
                columns={[
                  { key: 'rule', header: t('controller.rule'), cell: (v) => <Code>{v.rule}</Code> },
                  {
                    key: 'where',
                    header: t('controller.where'),
                    cell: (v) => [v.entryId, v.paymentId, v.account, v.currency].filter(Boolean).join(' · '),
                  },
                  { key: 'detail', header: t('controller.detail'), cell: (v) => v.detail },
                ]}
              />
            )}
          </Stack>
        )}
      </QueryView>
    </Stack>
  );
}

export default function ControllerCabinet() {
  return (
    <CabinetShell
      id="controller"
      sections={[
        { path: 'accounts', element: <Accounts /> },
        { path: 'entries', element: <Entries /> },
        { path: 'check', element: <Check /> },
      ]}
    />
  );
}
