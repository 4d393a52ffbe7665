import { Alert, Button, Card, Checkbox, Group, NumberInput, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError, api, ok, type Schemas } from '../../api/client.ts';
import { ErrorAlert } from '../../ui/states.tsx';

type Question = { text: string; options: string[]; correct: number[] };
type TestForm = { title: string; skill: string; passScore: number; timeLimitMinutes: number; questions: Question[] };
const blankQuestion = (): Question => ({ text: '', options: ['', ''], correct: [] });

/** A manager writes or changes a test: questions, options and which are correct. */
export function TestEditor({ test }: { test?: Schemas['QualificationTest'] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm<TestForm>({
    initialValues: test
      ? {
          title: test.title,
          skill: test.skill,
          passScore: test.passScore,
          timeLimitMinutes: test.timeLimitMinutes,
          questions: (test.questions ?? []).map((q) => ({ text: q.text, options: q.options, correct: q.correct ?? [] })),
        }
      : { title: '', skill: '', passScore: 75, timeLimitMinutes: 15, questions: [blankQuestion()] },
    validate: {
      title: (v) => (v.trim() ? null : t('form.required')),
      skill: (v) => (/^[a-z0-9_]+$/.test(v) ? null : t('form.required')),
    },
  });
  const save = useMutation({
    mutationFn: (v: TestForm) =>
      test
        ? ok(api.PATCH('/api/v1/qualification-tests/{id}', { params: { path: { id: test.id } }, body: v }))
        : ok(api.POST('/api/v1/qualification-tests', { body: v })),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['qualification-tests'] });
      navigate(`/workforce/tests/${saved.id}`);
    },
    onError: (error) => {
      if (error instanceof ApiError) {
        for (const [path, message] of Object.entries(error.fieldErrors())) form.setFieldError(path.slice(1).replaceAll('/', '.'), message);
      }
    },
  });
  const questions = form.getValues().questions;
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} aria-label={test ? test.title : t('workforce.newTest')}>
      <Stack gap="sm">
        <Group grow align="flex-start">
          <TextInput label={t('workforce.title')} {...form.getInputProps('title')} key={form.key('title')} />
          <TextInput label={t('workforce.skill')} {...form.getInputProps('skill')} key={form.key('skill')} />
        </Group>
        <Group grow>
          <NumberInput
            label={t('workforce.passScore')}
            min={1}
            max={100}
            {...form.getInputProps('passScore')}
            key={form.key('passScore')}
          />
          <NumberInput
            label={t('workforce.timeLimit')}
            min={1}
            max={240}
            {...form.getInputProps('timeLimitMinutes')}
            key={form.key('timeLimitMinutes')}
          />
        </Group>
        {questions.map((q, qi) => (
          <Card key={form.key(`questions.${qi}`)} withBorder padding="sm" data-testid="question-editor">
            <Stack gap={6}>
              <Title order={3} fz="sm">
                {t('workforce.question', { n: qi + 1 })}
              </Title>
              <TextInput
                label={t('workforce.questionText')}
                {...form.getInputProps(`questions.${qi}.text`)}
                key={form.key(`questions.${qi}.text`)}
              />
              {q.options.map((_, oi) => (
                <Group key={form.key(`questions.${qi}.options.${oi}`)} wrap="nowrap" align="flex-end">
                  <TextInput
                    style={{ flex: 1 }}
                    label={t('workforce.option', { n: oi + 1 })}
                    {...form.getInputProps(`questions.${qi}.options.${oi}`)}
                  />
                  <Checkbox
                    mb={8}
                    label={t('workforce.correct')}
                    aria-label={`${t('workforce.question', { n: qi + 1 })}: ${t('workforce.option', { n: oi + 1 })} ${t('workforce.correct')}`}
                    checked={q.correct.includes(oi)}
                    onChange={(e) =>
                      form.setFieldValue(
                        `questions.${qi}.correct`,
                        e.currentTarget.checked ? [...q.correct, oi].sort() : q.correct.filter((c) => c !== oi),
                      )
                    }
                  />
                </Group>
              ))}
              {form.errors[`questions.${qi}.correct`] && <Alert color="red">{form.errors[`questions.${qi}.correct`]}</Alert>}
              <Group>
                <Button
                  variant="light"
                  size="xs"
                  onClick={() => form.insertListItem(`questions.${qi}.options`, '')}
                  disabled={q.options.length >= 10}
                >
                  {t('workforce.addOption')}
                </Button>
                <Button
                  variant="subtle"
                  color="red"
                  size="xs"
                  onClick={() => form.removeListItem('questions', qi)}
                  disabled={questions.length <= 1}
                >
                  {t('workforce.removeQuestion')}
                </Button>
              </Group>
            </Stack>
          </Card>
        ))}
        <Group>
          <Button variant="light" onClick={() => form.insertListItem('questions', blankQuestion())}>
            {t('workforce.addQuestion')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('workforce.save')}
          </Button>
        </Group>
        {save.error && <ErrorAlert error={save.error} />}
      </Stack>
    </form>
  );
}
