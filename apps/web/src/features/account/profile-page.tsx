import './strings.ts';
import { Alert, Button, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ok } from '../../api/client.ts';
import { useSession } from '../../session/session.tsx';
import { showFieldErrors } from '../../ui/problem-form.ts';
import { ErrorAlert } from '../../ui/states.tsx';

function Profile() {
  const { t } = useTranslation();
  const { user } = useSession();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { name: user?.name ?? '', phone: user?.phone ?? '' },
    validate: { name: (v) => (v.trim() ? null : t('form.required')) },
  });
  const save = useMutation({
    mutationFn: (values: { name: string; phone: string }) =>
      ok(api.PATCH('/api/v1/me', { body: { name: values.name.trim(), phone: values.phone.trim() || null } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['me'] }),
    onError: (error) => showFieldErrors(form, error),
  });
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
      <Stack maw={420}>
        <TextInput label={t('auth.email')} value={user?.email ?? ''} readOnly />
        <TextInput label={t('auth.name')} autoComplete="name" required {...form.getInputProps('name')} />
        <TextInput label={t('auth.phone')} type="tel" autoComplete="tel" {...form.getInputProps('phone')} />
        {save.isSuccess && (
          <Alert color="green" role="status">
            {t('account.profileSaved')}
          </Alert>
        )}
        <ErrorAlert error={save.isError && !form.errors.name && !form.errors.phone ? save.error : null} />
        <Button type="submit" loading={save.isPending} w="fit-content">
          {t('form.save')}
        </Button>
      </Stack>
    </form>
  );
}

function Password() {
  const { t } = useTranslation();
  const { user, signIn } = useSession();
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '' },
    validate: { newPassword: (v) => (v.length >= 8 ? null : t('auth.shortPassword')) },
  });
  const change = useMutation({
    mutationFn: async (values: { currentPassword: string; newPassword: string }) => {
      await ok(api.POST('/api/v1/me/password', { body: values }));
      // Changing the password signs every login out, this one too: sign in again with the new one.
      if (user) await signIn(user.email, values.newPassword);
    },
    onSuccess: () => form.reset(),
    onError: (error) => showFieldErrors(form, error),
  });
  return (
    <form onSubmit={form.onSubmit((values) => change.mutate(values))} noValidate>
      <Stack maw={420}>
        <Title order={2} fz="h4">
          {t('account.password')}
        </Title>
        <PasswordInput
          label={t('account.currentPassword')}
          autoComplete="current-password"
          required
          {...form.getInputProps('currentPassword')}
        />
        <PasswordInput label={t('account.newPassword')} autoComplete="new-password" required {...form.getInputProps('newPassword')} />
        {change.isSuccess && (
          <Alert color="green" role="status">
            {t('account.passwordChanged')}
          </Alert>
        )}
        <Button type="submit" loading={change.isPending} w="fit-content">
          {t('account.changePassword')}
        </Button>
      </Stack>
    </form>
  );
}

/** The signed-in customer's name, phone and password. */
export default function ProfilePage() {
  const { t } = useTranslation();
  return (
    <Stack gap="xl">
      <Title order={1} fz="h3">
        {t('account.profile')}
      </Title>
      <Profile />
      <Password />
    </Stack>
  );
}
