import type { AuthUser } from '@bazar/kit/http/auth';
import { findServiceRequest } from '../../db/service-request-repo.ts';
import { RequestNotFound } from '../../domain/service-request.errors.ts';
import type { ServiceRequest } from '../../domain/service-request.ts';
import type { OrdersContext } from '../context.ts';
import { isVisibleTo } from './request-view.ts';

/** A request for whoever may see it; anyone else gets the same 404 as for an unknown id (never a hint it exists). */
export async function getServiceRequest(ctx: OrdersContext, id: string, user: AuthUser): Promise<ServiceRequest> {
  const request = await findServiceRequest(ctx.deps.db, id);
  if (!request || !isVisibleTo(request, user)) throw RequestNotFound(id);
  return request;
}
