import { Anchor, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, ok } from '../../api/client.ts';
import { useSession } from '../../session/session.tsx';
import { showFieldErrors } from '../../ui/problem-form.ts';
import { ErrorAlert } from '../../ui/states.tsx';

interface SignUpForm {
  name: string;
  email: string;
  phone: string;
  password: string;
}

export default function SignUpPage() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const form = useForm<SignUpForm>({
    initialValues: { name: '', email: '', phone: '', password: '' },
    validate: {
      name: (v) => (v.trim() ? null : t('form.required')),
      email: (v) => (v.includes('@') ? null : t('form.badEmail')),
      password: (v) => (v.length >= 8 ? null : t('auth.shortPassword')),
    },
  });
  const signUp = useMutation({
    mutationFn: async (values: SignUpForm) => {
      const { name, email, phone, password } = values;
      // The answer's tokens are dropped: the web app signs in through the cookie session instead.
      await ok(
        api.POST('/api/v1/auth/register', {
          body: { name: name.trim(), email: email.trim(), password, ...(phone.trim() ? { phone: phone.trim() } : {}) },
        }),
      );
      return session.signIn(email.trim(), password);
    },
    onSuccess: () => navigate(params.get('next') ?? '/', { replace: true }),
    onError: (error) => showFieldErrors(form, error),
  });
  return (
    <Paper maw={420} mx="auto" p="lg" withBorder mt="lg">
      <form onSubmit={form.onSubmit((values) => signUp.mutate(values))} noValidate>
        <Stack>
          <Title order={1} fz="h3">
            {t('auth.signUpTitle')}
          </Title>
          <TextInput label={t('auth.name')} autoComplete="name" required {...form.getInputProps('name')} />
          <TextInput label={t('auth.email')} type="email" autoComplete="email" required {...form.getInputProps('email')} />
          <TextInput label={t('auth.phone')} type="tel" autoComplete="tel" {...form.getInputProps('phone')} />
          <PasswordInput label={t('auth.password')} autoComplete="new-password" required {...form.getInputProps('password')} />
          <ErrorAlert error={signUp.error} />
          <Button type="submit" loading={signUp.isPending}>
            {t('auth.signUp')}
          </Button>
          <Text fz="sm">
            {t('auth.haveAccount')}{' '}
            <Anchor component={Link} to="/signin">
              {t('auth.signIn')}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </Paper>
  );
}
