import { Badge, Button, Group, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ok, type Schemas } from '../../api/client.ts';
import { usePreferences } from '../../app/preferences.tsx';
import { DataTable } from '../../ui/data-table.tsx';
import { QueryView } from '../../ui/states.tsx';
import { TestEditor } from './test-editor.tsx';

type Test = Schemas['QualificationTest'];
const useTests = () => useQuery({ queryKey: ['qualification-tests'], queryFn: () => ok(api.GET('/api/v1/qualification-tests')) });

/** Every qualification test; a row opens its editor and results. */
export function ManagerTestsSection() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const tests = useTests();
  return (
    <Stack>
      <Group>
        <Button component={Link} to="/workforce/tests/new">
          {t('workforce.newTest')}
        </Button>
      </Group>
      <DataTable
        query={tests}
        rows={(d) => d.items}
        rowKey={(x: Test) => x.id}
        caption={t('workforce.tests')}
        testId="tests-table"
        onOpen={(x) => navigate(`/workforce/tests/${x.id}`)}
        columns={[
          { key: 'title', header: t('workforce.title'), cell: (x) => <Link to={`/workforce/tests/${x.id}`}>{x.title}</Link> },
          { key: 'skill', header: t('workforce.skills'), cell: (x) => x.skill },
          { key: 'questions', header: '#', cell: (x) => x.questionCount, align: 'right' },
          { key: 'pass', header: t('workforce.passScore'), cell: (x) => `${x.passScore}%`, align: 'right' },
          { key: 'time', header: t('workforce.timeLimit'), cell: (x) => x.timeLimitMinutes, align: 'right' },
        ]}
      />
    </Stack>
  );
}

export function NewTestPage() {
  return <TestEditor />;
}

/** One test: its editor and every attempt's result. */
export function TestPage() {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const { id = '' } = useParams();
  const tests = useTests();
  const results = useQuery({
    queryKey: ['attempt-results', id],
    queryFn: () => ok(api.GET('/api/v1/qualification-tests/{id}/attempts', { params: { path: { id }, query: { limit: 100 } } })),
  });
  return (
    <QueryView query={tests}>
      {(data) => {
        const test = data.items.find((x) => x.id === id);
        if (!test) return null;
        return (
          <Stack>
            <TestEditor key={test.updatedAt} test={test} />
            <Title order={2} fz="h4">
              {t('workforce.results')}
            </Title>
            <DataTable
              query={results}
              rows={(d) => d.items}
              rowKey={(r) => r.id}
              caption={t('workforce.results')}
              testId="results-table"
              empty={t('workforce.noResults')}
              columns={[
                { key: 'name', header: t('workforce.candidate'), cell: (r) => r.name ?? r.userId.slice(-8) },
                {
                  key: 'state',
                  header: t('workforce.state'),
                  cell: (r) => (
                    <Badge color={r.state === 'passed' ? 'green' : r.state === 'failed' ? 'orange' : 'blue'}>
                      {t(`workforce.states.${r.state}`)}
                    </Badge>
                  ),
                },
                { key: 'score', header: t('workforce.score'), cell: (r) => (r.score === null ? '—' : `${r.score}%`), align: 'right' },
                { key: 'started', header: t('workforce.startedAt'), cell: (r) => new Date(r.startedAt).toLocaleString(locale) },
              ]}
            />
          </Stack>
        );
      }}
    </QueryView>
  );
}
