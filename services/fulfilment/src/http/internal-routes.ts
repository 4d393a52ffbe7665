import type { HttpApp } from '@bazar/kit/http/app';
import { problems } from '@bazar/kit/http/problem';
import { Type } from 'typebox';
import type { FulfilmentContext } from '../app/context.ts';
import { createKitTask } from '../app/create-kit-task.ts';
import { KitBody } from './schemas.ts';
import { toTaskView } from './task-view.ts';

/** What service requests call to queue a worker's kit; guarded by the internal token, out of the public document. */
export function internalRoutes(app: HttpApp, ctx: FulfilmentContext) {
  app.post(
    '/internal/v1/picking/kit-tasks',
    {
      preHandler: ctx.deps.internal,
      schema: {
        hide: true,
        body: KitBody,
        response: { 200: Type.Ref('PickingTask'), 201: Type.Ref('PickingTask'), ...problems(400, 403) },
      },
    },
    async (req, reply) => {
      const { task, created } = await createKitTask(ctx, req.body);
      return reply.code(created ? 201 : 200).send(toTaskView(task));
    },
  );
}
