import { Alert, Button, Card, Group, NumberInput, Progress, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, useNavigate, useParams } from 'react-router';
import { ApiError, api, ok } from '../../api/client.ts';
import { CabinetShell } from '../../ui/cabinet-shell.tsx';
import { ErrorAlert, QueryView } from '../../ui/states.tsx';
import { CameraScanner, cameraScanAvailable } from './camera-scanner.tsx';
import './strings.ts';
import { type PickingTask, TaskStatusBadge, useTasks } from './task-parts.tsx';

/** A wrong item and one too many are what a picker meets most: said in the picker's language, with the code. */
function scanErrorText(error: unknown, scanned: string, t: (key: string, options?: Record<string, unknown>) => string): string {
  if (!(error instanceof ApiError)) return t('state.error');
  if (error.problem.code === 'fulfilment.wrong_item') return t('picker.wrongItem', { code: scanned });
  if (error.problem.code === 'fulfilment.too_many') return t('picker.tooMany');
  return error.message;
}

const newScanId = () => globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(16).slice(2)}`;

function MyTasks() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const tasks = useTasks({ mine: true });
  const claim = useMutation({
    mutationFn: () => ok(api.POST('/api/v1/picking/tasks/claim', { body: {} })),
    onSuccess: (task) => {
      void queryClient.invalidateQueries({ queryKey: ['picking'] });
      navigate(`/picker/tasks/${task.id}`);
    },
  });
  const open = (tasks.data?.items ?? []).filter((x) => ['assigned', 'picking', 'short'].includes(x.status));
  const queueEmpty = claim.error instanceof ApiError && claim.error.status === 404;
  return (
    <Stack maw={560}>
      <Button size="xl" onClick={() => claim.mutate()} loading={claim.isPending} fullWidth>
        {t('picker.claimNext')}
      </Button>
      {queueEmpty ? <Alert color="gray">{t('picker.queueEmpty')}</Alert> : <ErrorAlert error={claim.error} />}
      <QueryView query={tasks} isEmpty={() => open.length === 0} empty={t('wh.noTasks')}>
        {() => (
          <Stack>
            {open.map((task) => (
              <Card
                key={task.id}
                withBorder
                padding="md"
                component={Link}
                to={`/picker/tasks/${task.id}`}
                aria-label={`${t('picker.open')} ${task.orderNumber}`}
              >
                <Group justify="space-between">
                  <Text fw={700} fz="lg">
                    {task.orderNumber}
                  </Text>
                  <TaskStatusBadge status={task.status} />
                </Group>
                <Text c="dimmed" fz="sm">
                  {task.lines.map((l) => `${l.title} × ${l.quantity}`).join(', ')}
                </Text>
              </Card>
            ))}
          </Stack>
        )}
      </QueryView>
    </Stack>
  );
}

function LineProgress({ task }: { task: PickingTask }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      {task.lines.map((l) => {
        const left = l.quantity - l.picked;
        return (
          <Card key={l.sku} withBorder padding="sm" data-testid="pick-line">
            <Group justify="space-between" wrap="nowrap">
              <Stack gap={0}>
                <Text fw={600}>{l.title}</Text>
                <Text fz="sm" c="dimmed">
                  {l.sku}
                  {l.barcode ? ` · ${l.barcode}` : ''}
                  {l.location ? ` · ${l.location}` : ''}
                </Text>
              </Stack>
              <Text fw={700} fz="xl" aria-label={`${l.sku}: ${l.picked} / ${l.quantity}`}>
                {l.picked} / {l.quantity}
              </Text>
            </Group>
            <Progress value={l.quantity === 0 ? 100 : (100 * l.picked) / l.quantity} mt="xs" aria-hidden />
            <Text fz="sm" c={left === 0 ? 'teal.9' : 'dimmed'}>
              {left === 0 ? t('picker.done') : t('picker.left', { count: left })}
              {l.missing > 0 ? ` · ${t('wh.missing')}: ${l.missing}` : ''}
            </Text>
          </Card>
        );
      })}
    </Stack>
  );
}

function ShortageForm({ task }: { task: PickingTask }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [sku, setSku] = useState<string | null>(null);
  const [missing, setMissing] = useState<number | string>(1);
  const report = useMutation({
    mutationFn: () =>
      ok(
        api.POST('/api/v1/picking/tasks/{id}/shortage', {
          params: { path: { id: task.id } },
          body: { sku: sku ?? '', missing: Number(missing) },
        }),
      ),
    onSuccess: (next) => queryClient.setQueryData(['picking', 'task', task.id], next),
  });
  const open = task.lines.filter((l) => l.picked < l.quantity);
  if (open.length === 0) return null;
  return (
    <Stack gap="xs">
      <Text fw={600}>{t('picker.reportShortage')}</Text>
      <Select
        label={t('wh.sku')}
        data={open.map((l) => ({ value: l.sku, label: `${l.title} (${l.sku})` }))}
        value={sku}
        onChange={setSku}
        size="md"
      />
      <NumberInput label={t('picker.missingUnits')} min={1} value={missing} onChange={setMissing} size="md" />
      <Button size="lg" variant="default" disabled={!sku} loading={report.isPending} onClick={() => report.mutate()}>
        {t('picker.send')}
      </Button>
      <ErrorAlert error={report.error} />
    </Stack>
  );
}

function ScanScreen() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [code, setCode] = useState('');
  const [counted, setCounted] = useState<string | null>(null);
  const key = ['picking', 'task', id];
  const task = useQuery({ queryKey: key, queryFn: () => ok(api.GET('/api/v1/picking/tasks/{id}', { params: { path: { id } } })) });
  const scan = useMutation({
    mutationFn: (scanned: string) =>
      ok(
        api.POST('/api/v1/picking/tasks/{id}/scan', {
          params: { path: { id } },
          body: { code: scanned, quantity: 1, scanId: newScanId() },
        }),
      ),
    onMutate: () => setCounted(null),
    onSuccess: (next, scanned) => {
      queryClient.setQueryData(key, next);
      const line = next.lines.find((l) => l.barcode === scanned || l.sku === scanned);
      setCounted(line?.title ?? scanned);
    },
    onSettled: () => input.current?.focus(),
  });
  const complete = useMutation({
    mutationFn: () => ok(api.POST('/api/v1/picking/tasks/{id}/complete', { params: { path: { id } } })),
    onSuccess: (next) => {
      queryClient.setQueryData(key, next);
      void queryClient.invalidateQueries({ queryKey: ['picking', 'tasks'] });
    },
  });
  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    const value = code.trim();
    if (!value || scan.isPending) return;
    setCode('');
    scan.mutate(value);
  };
  return (
    <Stack maw={560}>
      <Button component={Link} to="/picker/tasks" variant="subtle" size="md" w="fit-content">
        ← {t('picker.back')}
      </Button>
      <QueryView query={task}>
        {(current) => {
          const allPicked = current.lines.every((l) => l.picked >= l.quantity);
          const scannable = current.status === 'assigned' || current.status === 'picking';
          return (
            <Stack>
              <Group justify="space-between">
                <Text fw={700} fz="xl">
                  {current.orderNumber}
                </Text>
                <TaskStatusBadge status={current.status} />
              </Group>
              {current.note && <Alert color="orange">{current.note}</Alert>}
              {current.status === 'short' && <Alert color="orange">{t('picker.waitingOperator')}</Alert>}
              {scannable && (
                <form onSubmit={submit}>
                  <Stack gap="xs">
                    <TextInput
                      ref={input}
                      label={t('picker.scanLabel')}
                      description={t('picker.scanHint')}
                      value={code}
                      onChange={(e) => setCode(e.currentTarget.value)}
                      size="xl"
                      autoFocus
                      autoComplete="off"
                      autoCapitalize="off"
                      spellCheck={false}
                      inputMode="text"
                      enterKeyHint="done"
                    />
                    <Button type="submit" size="xl" loading={scan.isPending} fullWidth>
                      {t('picker.scan')}
                    </Button>
                  </Stack>
                </form>
              )}
              {scannable && cameraScanAvailable() && <CameraScanner onCode={(c) => scan.mutate(c)} />}
              {scan.error && (
                <Alert color="red" variant="filled" role="alert" data-testid="scan-error" title={t('state.errorTitle')}>
                  {scanErrorText(scan.error, scan.variables ?? '', t)}
                </Alert>
              )}
              {counted && (
                <Alert color="teal" role="status">
                  {t('picker.counted', { title: counted })}
                </Alert>
              )}
              <LineProgress task={current} />
              {scannable && (
                <Button size="xl" disabled={!allPicked} loading={complete.isPending} onClick={() => complete.mutate()} fullWidth>
                  {t('picker.complete')}
                </Button>
              )}
              <ErrorAlert error={complete.error} />
              {current.status === 'packed' && (
                <Alert color="teal" role="status" data-testid="task-packed">
                  {t('picker.completed')}
                </Alert>
              )}
              {scannable && <ShortageForm task={current} />}
            </Stack>
          );
        }}
      </QueryView>
    </Stack>
  );
}

/** The picker's phone: my tasks (or the next one from the queue) and the scan screen. */
export default function PickerCabinet() {
  return (
    <CabinetShell
      id="picker"
      sections={[{ path: 'tasks', element: <MyTasks /> }]}
      extraRoutes={<Route path="tasks/:id" element={<ScanScreen />} />}
    />
  );
}
