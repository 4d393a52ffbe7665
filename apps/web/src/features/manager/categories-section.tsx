import { Button, Group, List, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ok } from '../../api/client.ts';
import { showFieldErrors } from '../../ui/problem-form.ts';
import { ErrorAlert, QueryView } from '../../ui/states.tsx';
import { type Category, flattenCategories, useCategories } from '../storefront/categories.ts';

function Tree({ nodes }: { nodes: Category[] }) {
  return (
    <List withPadding>
      {nodes.map((c) => (
        <List.Item key={c.id}>
          {c.name}
          {c.children.length > 0 && <Tree nodes={c.children} />}
        </List.Item>
      ))}
    </List>
  );
}

export function CategoriesSection() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const categories = useCategories();
  const form = useForm({ initialValues: { name: '', parentId: null as string | null } });
  const create = useMutation({
    mutationFn: (values: { name: string; parentId: string | null }) =>
      ok(api.POST('/api/v1/categories', { body: { name: values.name.trim(), ...(values.parentId ? { parentId: values.parentId } : {}) } })),
    onSuccess: () => {
      form.reset();
      void queryClient.invalidateQueries({ queryKey: ['categories'] });
    },
    onError: (error) => showFieldErrors(form, error),
  });
  return (
    <Stack>
      <form onSubmit={form.onSubmit((values) => create.mutate(values))}>
        <Group align="end">
          <TextInput label={t('manager.categoryName')} required {...form.getInputProps('name')} />
          <Select
            label={t('manager.parent')}
            data={flattenCategories(categories.data ?? []).map((c) => ({ value: c.id, label: `${'— '.repeat(c.depth)}${c.name}` }))}
            clearable
            {...form.getInputProps('parentId')}
          />
          <Button type="submit" loading={create.isPending}>
            {t('manager.addCategory')}
          </Button>
        </Group>
      </form>
      <ErrorAlert error={create.error} />
      <QueryView query={categories} isEmpty={(d) => d.length === 0}>
        {(d) => <Tree nodes={d} />}
      </QueryView>
    </Stack>
  );
}
