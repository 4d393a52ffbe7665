import type { HttpApp } from '@bazar/kit/http/app';
import { bearer } from '@bazar/kit/http/auth';
import { Page } from '@bazar/kit/http/pagination';
import { problems } from '@bazar/kit/http/problem';
import { Type } from 'typebox';
import { assignTask } from '../app/assign-task.ts';
import { claimNextTask } from '../app/claim-next-task.ts';
import { claimTask } from '../app/claim-task.ts';
import { completeTask } from '../app/complete-task.ts';
import type { FulfilmentContext } from '../app/context.ts';
import { createKitTask } from '../app/create-kit-task.ts';
import { getTask } from '../app/get-task.ts';
import { listTasks } from '../app/list-tasks.ts';
import { reportShortage } from '../app/report-shortage.ts';
import { resolveShortage } from '../app/resolve-shortage.ts';
import { scanItem } from '../app/scan-item.ts';
import { verifyTask } from '../app/verify-task.ts';
import {
  AssignBody,
  ClaimNextBody,
  KitBody,
  ResolveBody,
  ScanBody,
  ShortageBody,
  TaskParams,
  TaskQuery,
  TaskSchema,
  VerifyBody,
} from './schemas.ts';
import { toTaskView } from './task-view.ts';

const tags = ['picking'];
const task = { 200: Type.Ref('PickingTask') };
const emptyBody = async (req: { body: unknown }) => {
  req.body ??= {};
};

/** Picking and kitting (CONTRACT.md): the queue, assignment, scanning, shortages, completion and the controller's check. */
export function fulfilmentRoutes(app: HttpApp, ctx: FulfilmentContext) {
  const { auth } = ctx.deps;
  const viewers = auth.roles('picker', 'operator', 'controller', 'admin');
  const operators = auth.roles('operator', 'admin');
  const pickers = auth.roles('picker');
  const controllers = auth.roles('controller', 'admin');
  const me = (req: { user?: { id: string } | null }) => req.user?.id ?? '';
  app.addSchema(TaskSchema);

  app.get(
    '/api/v1/picking/tasks',
    {
      onRequest: viewers,
      schema: {
        tags,
        summary: 'The picking queue, oldest first',
        description:
          "Picker, operator, controller or admin. Picking tasks filtered by status, warehouse or order; `mine` limits them to the caller's own.",
        ...bearer,
        querystring: TaskQuery,
        response: { 200: Page(Type.Ref('PickingTask')), ...problems(400, 401, 403) },
      },
    },
    async (req) => {
      const { mine, ...filters } = req.query;
      const page = await listTasks(ctx, mine ? { ...filters, pickerId: me(req) } : filters);
      return { items: page.items.map(toTaskView), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/api/v1/picking/tasks/:id',
    {
      onRequest: viewers,
      schema: {
        tags,
        summary: 'A picking task',
        description: 'Picker, operator, controller or admin. One task with its lines and counts; an unknown id → 404.',
        ...bearer,
        params: TaskParams,
        response: { ...task, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => toTaskView(await getTask(ctx, req.params.id)),
  );

  app.post(
    '/api/v1/picking/tasks/claim',
    {
      onRequest: pickers,
      preValidation: emptyBody,
      schema: {
        tags,
        summary: 'Take the oldest waiting task (404 when none waits)',
        description: 'Picker. Claims the oldest unassigned waiting task, optionally of one warehouse; none waiting → 404.',
        ...bearer,
        body: ClaimNextBody,
        response: { ...task, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => toTaskView(await claimNextTask(ctx, { pickerId: me(req), ...req.body })),
  );

  app.post(
    '/api/v1/picking/kit-tasks',
    {
      onRequest: operators,
      schema: {
        tags,
        summary: 'Put a kit of materials for a service request into the picking queue',
        description:
          'Operator or admin (service requests use the internal twin of this route). A `kind: "kit"` task for the request, warehouse and worker; asking again for the same request and warehouse answers the task already there with 200.',
        ...bearer,
        body: KitBody,
        response: { 201: Type.Ref('PickingTask'), ...task, ...problems(400, 401, 403) },
      },
    },
    async (req, reply) => {
      const { task: kit, created } = await createKitTask(ctx, req.body);
      return reply.code(created ? 201 : 200).send(toTaskView(kit));
    },
  );

  app.post(
    '/api/v1/picking/tasks/:id/assign',
    {
      onRequest: operators,
      schema: {
        tags,
        summary: 'Give a task to a picker (until picking starts)',
        description: 'Operator or admin. Assigns the task to a picker; once picking has started → 409.',
        ...bearer,
        params: TaskParams,
        body: AssignBody,
        response: { ...task, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) => toTaskView(await assignTask(ctx, { taskId: req.params.id, pickerId: req.body.pickerId })),
  );

  app.post(
    '/api/v1/picking/tasks/:id/claim',
    {
      onRequest: pickers,
      schema: {
        tags,
        summary: 'Take this waiting task (409 when another picker has it)',
        description: 'Picker. Claims this waiting task for the caller; a task held by another picker or no longer waiting → 409.',
        ...bearer,
        params: TaskParams,
        response: { ...task, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) => toTaskView(await claimTask(ctx, { taskId: req.params.id, pickerId: me(req) })),
  );

  app.post(
    '/api/v1/picking/tasks/:id/scan',
    {
      onRequest: pickers,
      schema: {
        tags,
        summary: 'Count a scanned item by barcode or SKU; a wrong item or one too many is 422 and counts nothing',
        description:
          "The picker holding the task. Adds the scanned quantity to its line; a retried scanId counts once, another picker's task → 403, a task not being picked → 409.",
        ...bearer,
        params: TaskParams,
        body: ScanBody,
        response: { ...task, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req) =>
      toTaskView(
        await scanItem(ctx, {
          taskId: req.params.id,
          pickerId: me(req),
          code: req.body.code.trim(),
          quantity: req.body.quantity ?? 1,
          ...(req.body.scanId ? { scanId: req.body.scanId } : {}),
        }),
      ),
  );

  app.post(
    '/api/v1/picking/tasks/:id/complete',
    {
      onRequest: pickers,
      schema: {
        tags,
        summary: 'Every line picked: the task is packed (the last one packs the order); otherwise 409',
        description: "The picker holding the task. Marks it packed; a line not fully picked → 409, another picker's task → 403.",
        ...bearer,
        params: TaskParams,
        response: { ...task, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) => toTaskView(await completeTask(ctx, { taskId: req.params.id, pickerId: me(req) })),
  );

  app.post(
    '/api/v1/picking/tasks/:id/shortage',
    {
      onRequest: pickers,
      schema: {
        tags,
        summary: 'Report units of a line that cannot be found; an operator resolves it',
        description:
          'The picker holding the task. Records missing units of a line and holds the task for an operator; an unknown SKU or too many units → 422.',
        ...bearer,
        params: TaskParams,
        body: ShortageBody,
        response: { ...task, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req) => toTaskView(await reportShortage(ctx, { taskId: req.params.id, pickerId: me(req), ...req.body })),
  );

  app.post(
    '/api/v1/picking/tasks/:id/shortage/resolve',
    {
      onRequest: operators,
      schema: {
        tags,
        summary: 'Resolve a shortage: wait for stock, or remove the missing units',
        description:
          'Operator or admin. `wait` keeps the task on hold until restock, `remove` drops the missing units from the line; no open shortage for the SKU → 409.',
        ...bearer,
        params: TaskParams,
        body: ResolveBody,
        response: { ...task, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) => toTaskView(await resolveShortage(ctx, { taskId: req.params.id, ...req.body })),
  );

  app.post(
    '/api/v1/picking/tasks/:id/verify',
    {
      onRequest: controllers,
      schema: {
        tags,
        summary: 'Quality check of a packed task: ok, or back to picking with a note',
        description:
          'Controller or admin. Approves a packed task or sends it back to picking with a note; a task that is not packed → 409.',
        ...bearer,
        params: TaskParams,
        body: VerifyBody,
        response: { ...task, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) => toTaskView(await verifyTask(ctx, { taskId: req.params.id, ...req.body })),
  );
}
