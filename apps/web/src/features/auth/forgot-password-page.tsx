import { Alert, Anchor, Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, ok } from '../../api/client.ts';
import { showFieldErrors } from '../../ui/problem-form.ts';
import { ErrorAlert } from '../../ui/states.tsx';
import './reset-strings.ts';

/** Asks for a reset link; the answer is the same whether or not the e-mail has an account. */
export default function ForgotPasswordPage() {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { email: '' },
    validate: { email: (v) => (v.includes('@') ? null : t('form.badEmail')) },
  });
  const request = useMutation({
    mutationFn: (email: string) => ok(api.POST('/api/v1/auth/password-reset', { body: { email } })),
    onError: (error) => showFieldErrors(form, error),
  });
  return (
    <Paper maw={420} mx="auto" p="lg" withBorder mt="lg">
      <form onSubmit={form.onSubmit((values) => request.mutate(values.email.trim()))} noValidate>
        <Stack>
          <Title order={1} fz="h3">
            {t('reset.requestTitle')}
          </Title>
          {request.isSuccess ? (
            <Alert color="teal" role="status" data-testid="reset-sent">
              {t('reset.sent')}
            </Alert>
          ) : (
            <>
              <Text fz="sm">{t('reset.requestHint')}</Text>
              <TextInput label={t('auth.email')} type="email" autoComplete="username" required {...form.getInputProps('email')} />
              <ErrorAlert error={request.error} />
              <Button type="submit" loading={request.isPending}>
                {t('reset.send')}
              </Button>
            </>
          )}
          <Anchor component={Link} to="/signin" fz="sm">
            {t('auth.signIn')}
          </Anchor>
        </Stack>
      </form>
    </Paper>
  );
}
