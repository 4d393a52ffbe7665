import './strings.ts';
import { Badge, Button, Group, MultiSelect, Select, Stack, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ok, type Schemas } from '../../api/client.ts';
import { usePreferences } from '../../app/preferences.tsx';
import { formatDateTime } from '../../format/money.ts';
import type { Role } from '../../session/session.tsx';
import { CabinetShell } from '../../ui/cabinet-shell.tsx';
import { DataTable } from '../../ui/data-table.tsx';
import { ErrorAlert } from '../../ui/states.tsx';
import { JobsSection } from '../admin-jobs/jobs-section.tsx';

export const ROLES: Role[] = ['customer', 'operator', 'picker', 'courier', 'manager', 'purchaser', 'controller', 'admin', 'worker'];

function UserRoles({ user }: { user: Schemas['User'] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [roles, setRoles] = useState<string[]>(user.roles);
  const save = useMutation({
    mutationFn: () => ok(api.PUT('/api/v1/users/{id}/roles', { params: { path: { id: user.id } }, body: { roles: roles as Role[] } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
  const changed = [...roles].sort().join() !== [...user.roles].sort().join();
  return (
    <Stack gap={4}>
      <Group gap="xs" wrap="nowrap">
        <MultiSelect
          aria-label={t('admin.rolesOf', { name: user.name })}
          data={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
          value={roles}
          onChange={setRoles}
          miw={260}
          size="xs"
        />
        <Button size="xs" disabled={!changed} loading={save.isPending} onClick={() => save.mutate()}>
          {t('form.save')}
        </Button>
      </Group>
      <ErrorAlert error={save.error} />
    </Stack>
  );
}

function Users() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [role, setRole] = useState<Role | null>(null);
  const [debounced] = useDebouncedValue(q.trim(), 250);
  const users = useQuery({
    queryKey: ['users', debounced, role],
    queryFn: () =>
      ok(
        api.GET('/api/v1/users', { params: { query: { limit: 100, ...(debounced ? { q: debounced } : {}), ...(role ? { role } : {}) } } }),
      ),
  });
  return (
    <Stack>
      <Group align="end">
        <TextInput label={t('admin.find')} value={q} onChange={(e) => setQ(e.currentTarget.value)} />
        <Select
          label={t('admin.role')}
          data={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
          value={role}
          onChange={(v) => setRole(v as Role | null)}
          clearable
        />
      </Group>
      <DataTable
        query={users}
        rows={(d) => d.items}
        rowKey={(u) => u.id}
        caption={t('admin.users')}
        minWidth={720}
        columns={[
          { key: 'name', header: t('auth.name'), cell: (u) => u.name },
          { key: 'email', header: t('auth.email'), cell: (u) => u.email },
          { key: 'roles', header: t('admin.roles'), cell: (u) => <UserRoles user={u} /> },
        ]}
      />
    </Stack>
  );
}

function RoleList({ roles }: { roles: string[] }) {
  const { t } = useTranslation();
  return <>{roles.map((r) => t(`role.${r}`)).join(', ') || '—'}</>;
}

/** Every role change, newest first, a page at a time (identity's audit log). */
function AuditLog() {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const log = useInfiniteQuery({
    queryKey: ['audit-log'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      ok(api.GET('/api/v1/admin/audit-log', { params: { query: { limit: 50, ...(pageParam ? { cursor: pageParam } : {}) } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  return (
    <Stack>
      <DataTable
        query={log}
        rows={(d) => d.pages.flatMap((p) => p.items)}
        rowKey={(c) => c.id}
        caption={t('admin.audit')}
        empty={t('admin.noAudit')}
        minWidth={720}
        testId="audit-log"
        columns={[
          { key: 'when', header: t('admin.when'), cell: (c) => formatDateTime(c.changedAt, locale) },
          { key: 'user', header: t('admin.user'), cell: (c) => c.userEmail },
          { key: 'actor', header: t('admin.actor'), cell: (c) => c.actorEmail ?? t('admin.system') },
          { key: 'before', header: t('admin.before'), cell: (c) => <RoleList roles={c.before} /> },
          { key: 'after', header: t('admin.after'), cell: (c) => <RoleList roles={c.after} /> },
        ]}
      />
      {log.hasNextPage && (
        <Button variant="light" w="fit-content" loading={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
          {t('admin.more')}
        </Button>
      )}
    </Stack>
  );
}

function Warehouses() {
  const { t } = useTranslation();
  const warehouses = useQuery({
    queryKey: ['warehouses'],
    queryFn: () => ok(api.GET('/api/v1/warehouses', { params: { query: { limit: 100 } } })),
  });
  return (
    <DataTable
      query={warehouses}
      rows={(d) => d.items}
      rowKey={(w) => w.id}
      caption={t('admin.warehouses')}
      columns={[
        { key: 'name', header: t('admin.warehouseName'), cell: (w) => w.name },
        { key: 'address', header: t('admin.address'), cell: (w) => w.address },
        { key: 'default', header: '', cell: (w) => w.isDefault && <Badge>{t('admin.default')}</Badge> },
      ]}
    />
  );
}

export default function AdminCabinet() {
  return (
    <CabinetShell
      id="admin"
      sections={[
        { path: 'users', element: <Users /> },
        { path: 'audit', element: <AuditLog /> },
        { path: 'warehouses', element: <Warehouses /> },
        { path: 'jobs', element: <JobsSection /> },
      ]}
    />
  );
}
