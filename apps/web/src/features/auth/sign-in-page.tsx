import { Anchor, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useSession } from '../../session/session.tsx';
import { showFieldErrors } from '../../ui/problem-form.ts';
import { ErrorAlert } from '../../ui/states.tsx';
import './reset-strings.ts';

/** Where a user lands after signing in without a `next`: the first cabinet their roles open, else the shop. */
export const homeFor = (roles: string[]) =>
  (['admin', 'manager', 'operator', 'controller'] as const).find((r) => roles.includes(r) && !roles.includes('customer')) ?? '';

export default function SignInPage() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: { email: (v) => (v.includes('@') ? null : t('form.badEmail')), password: (v) => (v ? null : t('form.required')) },
  });
  const signIn = useMutation({
    mutationFn: (values: { email: string; password: string }) => session.signIn(values.email.trim(), values.password),
    onSuccess: (user) => navigate(params.get('next') ?? `/${homeFor(user.roles)}`, { replace: true }),
    onError: (error) => showFieldErrors(form, error),
  });
  return (
    <Paper maw={420} mx="auto" p="lg" withBorder mt="lg">
      <form onSubmit={form.onSubmit((values) => signIn.mutate(values))} noValidate>
        <Stack>
          <Title order={1} fz="h3">
            {t('auth.signInTitle')}
          </Title>
          <TextInput label={t('auth.email')} type="email" autoComplete="username" required {...form.getInputProps('email')} />
          <PasswordInput label={t('auth.password')} autoComplete="current-password" required {...form.getInputProps('password')} />
          <ErrorAlert error={signIn.error} />
          <Button type="submit" loading={signIn.isPending}>
            {t('auth.signIn')}
          </Button>
          <Anchor component={Link} to="/forgot-password" fz="sm">
            {t('reset.forgot')}
          </Anchor>
          <Text fz="sm">
            {t('auth.noAccount')}{' '}
            <Anchor component={Link} to={`/signup${params.get('next') ? `?next=${encodeURIComponent(params.get('next') ?? '')}` : ''}`}>
              {t('auth.signUp')}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </Paper>
  );
}
