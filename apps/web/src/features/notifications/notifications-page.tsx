import { Badge, Card, Group, SegmentedControl, Stack, Switch, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ok, type Schemas } from '../../api/client.ts';
import { usePreferences } from '../../app/preferences.tsx';
import { formatDateTime } from '../../format/money.ts';
import { ErrorAlert, QueryView } from '../../ui/states.tsx';
import './notifications-strings.ts';

type Preferences = { sms: boolean; email: boolean };
type Channel = Schemas['Notification']['channel'];

/** The SMS and e-mail switches; each change is saved at once. */
function PreferencesCard() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const preferences = useQuery({
    queryKey: ['notification-preferences'],
    queryFn: () => ok(api.GET('/api/v1/me/notification-preferences')),
  });
  const save = useMutation({
    mutationFn: (next: Preferences) => ok(api.PUT('/api/v1/me/notification-preferences', { body: next })),
    onSuccess: (saved) => queryClient.setQueryData(['notification-preferences'], saved),
  });
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Title order={2} fz="h4">
          {t('notifications.preferences')}
        </Title>
        <QueryView query={preferences}>
          {(current) => (
            <Group>
              {(['sms', 'email'] as const).map((channel) => (
                <Switch
                  key={channel}
                  label={t(`notifications.${channel}`)}
                  checked={save.isPending && save.variables ? save.variables[channel] : current[channel]}
                  disabled={save.isPending}
                  onChange={(e) => save.mutate({ ...current, [channel]: e.currentTarget.checked })}
                  data-testid={`preference-${channel}`}
                />
              ))}
            </Group>
          )}
        </QueryView>
        {save.isSuccess && (
          <Text fz="sm" c="green.9" role="status">
            {t('notifications.saved')}
          </Text>
        )}
        <ErrorAlert error={save.error} />
      </Stack>
    </Card>
  );
}

export default function NotificationsPage() {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const [channel, setChannel] = useState<Channel | 'all'>('all');
  const inbox = useQuery({
    queryKey: ['notifications', channel],
    queryFn: () => ok(api.GET('/api/v1/notifications', { params: { query: { limit: 100, ...(channel !== 'all' ? { channel } : {}) } } })),
    refetchInterval: 30_000,
  });
  return (
    <Stack maw={720}>
      <Title order={1} fz="h3">
        {t('notifications.title')}
      </Title>
      <PreferencesCard />
      <Group justify="space-between">
        <Title order={2} fz="h4">
          {t('notifications.inbox')}
        </Title>
        <SegmentedControl
          aria-label={t('notifications.inbox')}
          value={channel}
          onChange={(v) => setChannel(v as Channel | 'all')}
          data={[
            { value: 'all', label: t('notifications.all') },
            { value: 'sms', label: t('notifications.channels.sms') },
            { value: 'email', label: t('notifications.channels.email') },
          ]}
        />
      </Group>
      <QueryView query={inbox} isEmpty={(page) => page.items.length === 0} empty={t('notifications.none')}>
        {(page) => (
          <Stack gap="sm" component="ul" p={0} style={{ listStyle: 'none' }}>
            {page.items.map((m) => (
              <Card key={m.id} withBorder component="li" data-testid="notification" data-channel={m.channel} data-event={m.event}>
                <Group justify="space-between" wrap="nowrap" mb={4}>
                  <Group gap="xs">
                    <Badge variant="dot" c="dark" color={m.channel === 'sms' ? 'teal' : 'blue'}>
                      {t(`notifications.channels.${m.channel}`)}
                    </Badge>
                    {m.subject && <Text fw={600}>{m.subject}</Text>}
                  </Group>
                  <Text fz="sm" c="dimmed">
                    {formatDateTime(m.sentAt ?? m.createdAt, locale)}
                  </Text>
                </Group>
                <Text style={{ whiteSpace: 'pre-line' }}>{m.text}</Text>
                {m.status === 'failed' && (
                  <Text fz="sm" c="red.8">
                    {t('notifications.statuses.failed')}
                  </Text>
                )}
              </Card>
            ))}
          </Stack>
        )}
      </QueryView>
    </Stack>
  );
}
