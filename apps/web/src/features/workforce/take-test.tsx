import { Alert, Button, Card, Checkbox, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, ok } from '../../api/client.ts';
import { refreshAccessToken } from '../../session/token-store.ts';
import { ErrorAlert, QueryView } from '../../ui/states.tsx';

const clock = (ms: number) => {
  const s = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

/** One timed attempt, phone-first: a card per question, the time left on top, one submit at the end. */
export function TakeTest() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  // Starting is safe to repeat: the server answers the attempt still open instead of a new one.
  const attempt = useQuery({
    queryKey: ['attempt', id],
    queryFn: () => ok(api.POST('/api/v1/qualification-tests/{id}/attempts', { params: { path: { id } } })),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  const [answers, setAnswers] = useState<number[][]>([]);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const submit = useMutation({
    mutationFn: (input: { attemptId: string; answers: number[][] }) =>
      ok(api.POST('/api/v1/attempts/{id}/submit', { params: { path: { id: input.attemptId } }, body: { answers: input.answers } })),
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: ['qualification-tests'] });
      // Identity grants the role on workforce's event, a moment later: a fresh token then carries it.
      if (result.passed)
        for (const ms of [1_500, 5_000]) {
          setTimeout(() => void refreshAccessToken().then(() => queryClient.invalidateQueries({ queryKey: ['me'] })), ms);
        }
    },
  });
  const toggle = (q: number, option: number, on: boolean) =>
    setAnswers((prev) => {
      const next = [...prev];
      const chosen = new Set(next[q] ?? []);
      if (on) chosen.add(option);
      else chosen.delete(option);
      next[q] = [...chosen].sort();
      return next;
    });

  return (
    <QueryView query={attempt}>
      {(a) => {
        const left = Date.parse(a.expiresAt) - now;
        if (submit.data)
          return (
            <Stack data-testid="test-result">
              <Alert color={submit.data.passed ? 'green' : 'orange'}>
                {t(submit.data.passed ? 'tests.resultPassed' : 'tests.resultFailed', { score: submit.data.score })}
              </Alert>
              <Button component={Link} to="/tests/list" variant="light">
                {t('tests.back')}
              </Button>
            </Stack>
          );
        return (
          <Stack gap="sm">
            <Text fw={700} aria-live="polite" data-testid="time-left" c={left < 60_000 ? 'red' : undefined}>
              {left > 0 ? t('tests.timeLeft', { time: clock(left) }) : t('tests.timeUp')}
            </Text>
            {a.questions.map((q, qi) => (
              // The questions of an attempt never change order: their text is key enough.
              <Card key={q.text} withBorder padding="sm" component="fieldset" data-testid="question">
                <Stack gap={6}>
                  <Text size="sm" c="dimmed">
                    {t('tests.question', { n: qi + 1, total: a.questions.length })}
                  </Text>
                  <Title order={2} fz="md" component="legend">
                    {q.text}
                  </Title>
                  {q.options.map((option, oi) => (
                    <Checkbox
                      key={option}
                      size="md"
                      label={option}
                      checked={(answers[qi] ?? []).includes(oi)}
                      onChange={(e) => toggle(qi, oi, e.currentTarget.checked)}
                    />
                  ))}
                </Stack>
              </Card>
            ))}
            {submit.error && <ErrorAlert error={submit.error} />}
            <Group grow>
              <Button
                size="md"
                loading={submit.isPending}
                onClick={() => submit.mutate({ attemptId: a.id, answers: a.questions.map((_, i) => answers[i] ?? []) })}
              >
                {t('tests.submit')}
              </Button>
            </Group>
          </Stack>
        );
      }}
    </QueryView>
  );
}
