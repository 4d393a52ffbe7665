import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, ok } from '../../api/client.ts';
import { usePreferences } from '../../app/preferences.tsx';
import { QueryView } from '../../ui/states.tsx';

/** The tests a candidate may take, with how their last attempt went. */
export function TestList() {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const tests = useQuery({ queryKey: ['qualification-tests'], queryFn: () => ok(api.GET('/api/v1/qualification-tests')) });
  return (
    <QueryView query={tests} isEmpty={(d) => d.items.length === 0} empty={t('tests.noTests')}>
      {(data) => (
        <Stack gap="sm">
          {data.items.map((test) => {
            const mine = test.mine ?? null;
            const canStart =
              !mine || mine.state === 'open' || (mine.state === 'failed' && (!mine.retryAt || Date.parse(mine.retryAt) <= Date.now()));
            return (
              <Card key={test.id} withBorder padding="sm" component="article" aria-label={test.title} data-testid="test-card">
                <Stack gap={6}>
                  <Group justify="space-between" wrap="nowrap">
                    <Title order={2} fz="md">
                      {test.title}
                    </Title>
                    {mine && mine.state !== 'open' && (
                      <Badge color={mine.state === 'passed' ? 'green' : 'orange'}>
                        {t(mine.state === 'passed' ? 'tests.passed' : 'tests.failed')} {mine.score ?? 0}%
                      </Badge>
                    )}
                  </Group>
                  <Text size="sm" c="dimmed">
                    {[
                      t('tests.questions', { count: test.questionCount }),
                      t('tests.timeLimit', { minutes: test.timeLimitMinutes }),
                      t('tests.passScore', { score: test.passScore }),
                    ].join(' · ')}
                  </Text>
                  {mine?.state === 'failed' && mine.retryAt && !canStart && (
                    <Text size="sm">{t('tests.retryAt', { at: new Date(mine.retryAt).toLocaleString(locale) })}</Text>
                  )}
                  {canStart && (
                    <Button component={Link} to={`/tests/take/${test.id}`} size="md">
                      {t(mine?.state === 'open' ? 'tests.resume' : 'tests.start')}
                    </Button>
                  )}
                </Stack>
              </Card>
            );
          })}
        </Stack>
      )}
    </QueryView>
  );
}
