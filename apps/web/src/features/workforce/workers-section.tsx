import { Badge, Button, Card, Group, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ok, type Schemas } from '../../api/client.ts';
import { usePreferences } from '../../app/preferences.tsx';
import { DataTable } from '../../ui/data-table.tsx';
import { QueryView } from '../../ui/states.tsx';

type Worker = Schemas['Worker'];

/** Workers by skill and city; a row opens the profile. */
export function WorkersSection() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [skill, setSkill] = useState<string | null>(null);
  const [city, setCity] = useState('');
  const [cityQuery] = useDebouncedValue(city.trim(), 300);
  const tests = useQuery({ queryKey: ['qualification-tests'], queryFn: () => ok(api.GET('/api/v1/qualification-tests')) });
  const skills = [...new Set((tests.data?.items ?? []).map((x) => x.skill))];
  const workers = useQuery({
    queryKey: ['workers', skill, cityQuery],
    queryFn: () =>
      ok(
        api.GET('/api/v1/workers', {
          params: { query: { limit: 100, ...(skill ? { skill } : {}), ...(cityQuery ? { city: cityQuery } : {}) } },
        }),
      ),
  });
  return (
    <Stack>
      <Group grow>
        <Select
          label={t('workforce.skills')}
          placeholder={t('workforce.allSkills')}
          data={skills}
          value={skill}
          onChange={setSkill}
          clearable
        />
        <TextInput label={t('workforce.city')} value={city} onChange={(e) => setCity(e.currentTarget.value)} />
      </Group>
      <DataTable
        query={workers}
        rows={(d) => d.items}
        rowKey={(w: Worker) => w.id}
        caption={t('workforce.workers')}
        testId="workers-table"
        empty={t('workforce.noWorkers')}
        onOpen={(w) => navigate(`/workforce/workers/${w.id}`)}
        columns={[
          {
            key: 'name',
            header: t('workforce.name'),
            cell: (w) => <Link to={`/workforce/workers/${w.id}`}>{w.name || w.id.slice(-8)}</Link>,
          },
          { key: 'city', header: t('workforce.city'), cell: (w) => w.city ?? '—' },
          { key: 'skills', header: t('workforce.skills'), cell: (w) => w.skills.join(', ') },
          { key: 'available', header: t('workforce.available'), cell: (w) => t(w.available ? 'workforce.yes' : 'workforce.no') },
          { key: 'rating', header: t('workforce.rating'), cell: (w) => w.rating ?? '—', align: 'right' },
          { key: 'jobs', header: t('workforce.openJobs'), cell: (w) => w.openJobs, align: 'right' },
        ]}
      />
    </Stack>
  );
}

/** One worker's profile for a manager. */
export function WorkerProfilePage() {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const { id = '' } = useParams();
  const worker = useQuery({ queryKey: ['worker', id], queryFn: () => ok(api.GET('/api/v1/workers/{id}', { params: { path: { id } } })) });
  return (
    <QueryView query={worker}>
      {(w) => (
        <Card withBorder padding="md" data-testid="worker-profile">
          <Stack gap="sm">
            <Title order={2} fz="h4">
              {w.name || w.id}
            </Title>
            <Group gap="xs">
              {w.skills.map((s) => (
                <Badge key={s}>{s}</Badge>
              ))}
            </Group>
            <SimpleGrid cols={{ base: 2, sm: 3 }}>
              <Fact label={t('workforce.city')} value={w.city ?? '—'} />
              <Fact label={t('workforce.available')} value={t(w.available ? 'workforce.yes' : 'workforce.no')} />
              <Fact label={t('workforce.rating')} value={w.rating === null ? '—' : String(w.rating)} />
              <Fact label={t('workforce.ratingCount')} value={String(w.ratingCount)} />
              <Fact label={t('workforce.openJobs')} value={String(w.openJobs)} />
              <Fact label={t('workforce.qualifiedAt')} value={new Date(w.qualifiedAt).toLocaleDateString(locale)} />
            </SimpleGrid>
            <Group>
              <Button component={Link} to="/workforce/workers" variant="light">
                {t('workforce.backToWorkers')}
              </Button>
            </Group>
          </Stack>
        </Card>
      )}
    </QueryView>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600}>{value}</Text>
    </div>
  );
}
