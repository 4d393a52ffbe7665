import type { HttpApp } from '@bazar/kit/http/app';
import type { WorkforceContext } from '../app/context.ts';
import { testRoutes } from './test-routes.ts';
import { workerRoutes } from './worker-routes.ts';

/** Every route of workforce. */
export function workforceRoutes(app: HttpApp, ctx: WorkforceContext) {
  testRoutes(app, ctx);
  workerRoutes(app, ctx);
}
