import { Alert, Anchor, Button, Paper, PasswordInput, Stack, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiError, api, ok } from '../../api/client.ts';
import { showFieldErrors } from '../../ui/problem-form.ts';
import { ErrorAlert } from '../../ui/states.tsx';
import './reset-strings.ts';

/** The page the e-mailed link opens: a new password, set once with the link's token. */
export default function ResetPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const form = useForm({
    initialValues: { password: '', repeat: '' },
    validate: {
      password: (v) => (v.length >= 8 ? null : t('reset.tooShort')),
      repeat: (v, values) => (v === values.password ? null : t('reset.mismatch')),
    },
  });
  const save = useMutation({
    mutationFn: (password: string) => ok(api.POST('/api/v1/auth/password-reset/confirm', { body: { token, password } })),
    onError: (error) => showFieldErrors(form, error),
  });
  return (
    <Paper maw={420} mx="auto" p="lg" withBorder mt="lg">
      <form onSubmit={form.onSubmit((values) => save.mutate(values.password))} noValidate>
        <Stack>
          <Title order={1} fz="h3">
            {t('reset.newTitle')}
          </Title>
          {!token ? (
            <Alert color="red" role="alert">
              {t('reset.noToken')}
            </Alert>
          ) : save.isSuccess ? (
            <Alert color="teal" role="status" data-testid="reset-done">
              {t('reset.done')}
            </Alert>
          ) : (
            <>
              <PasswordInput label={t('reset.newPassword')} autoComplete="new-password" required {...form.getInputProps('password')} />
              <PasswordInput label={t('reset.repeat')} autoComplete="new-password" required {...form.getInputProps('repeat')} />
              {save.error instanceof ApiError && save.error.problem.code === 'identity.reset_link_invalid' ? (
                <Alert color="red" role="alert" data-testid="reset-invalid">
                  {t('reset.invalid')}
                </Alert>
              ) : (
                <ErrorAlert error={save.error} />
              )}
              <Button type="submit" loading={save.isPending}>
                {t('reset.save')}
              </Button>
            </>
          )}
          <Anchor component={Link} to={save.isSuccess ? '/signin' : '/forgot-password'} fz="sm">
            {save.isSuccess ? t('auth.signIn') : t('reset.again')}
          </Anchor>
        </Stack>
      </form>
    </Paper>
  );
}
