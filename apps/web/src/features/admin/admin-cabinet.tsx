import { Badge, Button, Group, MultiSelect, Select, Stack, Table, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ok, type Schemas } from '../../api/client.ts';
import type { Role } from '../../session/session.tsx';
import { CabinetShell } from '../../ui/cabinet-shell.tsx';
import { ErrorAlert, QueryView } from '../../ui/states.tsx';
import { JobsSection } from '../admin-jobs/jobs-section.tsx';

export const ROLES: Role[] = ['customer', 'operator', 'picker', 'courier', 'manager', 'purchaser', 'controller', 'admin'];

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
      <QueryView query={users} isEmpty={(d) => d.items.length === 0}>
        {(d) => (
          <Table.ScrollContainer minWidth={720}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('auth.name')}</Table.Th>
                  <Table.Th>{t('auth.email')}</Table.Th>
                  <Table.Th>{t('admin.roles')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.items.map((user) => (
                  <Table.Tr key={user.id}>
                    <Table.Td>{user.name}</Table.Td>
                    <Table.Td>{user.email}</Table.Td>
                    <Table.Td>
                      <UserRoles user={user} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryView>
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
    <QueryView query={warehouses} isEmpty={(d) => d.items.length === 0}>
      {(d) => (
        <Table>
          <Table.Tbody>
            {d.items.map((w) => (
              <Table.Tr key={w.id}>
                <Table.Td>{w.name}</Table.Td>
                <Table.Td>{w.address}</Table.Td>
                <Table.Td>{w.isDefault && <Badge>{t('admin.default')}</Badge>}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </QueryView>
  );
}

export default function AdminCabinet() {
  return (
    <CabinetShell
      id="admin"
      sections={[
        { path: 'users', element: <Users /> },
        { path: 'warehouses', element: <Warehouses /> },
        { path: 'jobs', element: <JobsSection /> },
      ]}
    />
  );
}
