import type { ComponentType } from 'react';
import type { Role } from '../session/session.tsx';
import '../features/warehouse/labels.ts';
import '../features/workforce/labels.ts';
import '../features/services/labels.ts';

/**
 * The back-office cabinets. Each is one lazily loaded module whose default export renders its
 * own sub-routes; a new cabinet (warehouse, picking, delivery…) is one more entry here.
 */
export interface Cabinet {
  /** URL segment and i18n key `cabinet.<id>`. */
  id: string;
  /** Roles that may open it; the API enforces the same rules. */
  roles: Role[];
  load: () => Promise<{ default: ComponentType }>;
}

export const CABINETS: Cabinet[] = [
  { id: 'manager', roles: ['manager', 'admin'], load: () => import('../features/manager/manager-cabinet.tsx') },
  { id: 'operator', roles: ['operator', 'manager', 'admin'], load: () => import('../features/operator/operator-cabinet.tsx') },
  { id: 'controller', roles: ['controller', 'admin'], load: () => import('../features/controller/controller-cabinet.tsx') },
  { id: 'analytics', roles: ['manager', 'admin'], load: () => import('../features/analytics/analytics-cabinet.tsx') },
  { id: 'picking', roles: ['operator', 'admin'], load: () => import('../features/warehouse/picking-cabinet.tsx') },
  { id: 'picker', roles: ['picker'], load: () => import('../features/warehouse/picker-cabinet.tsx') },
  { id: 'purchasing', roles: ['purchaser', 'admin'], load: () => import('../features/warehouse/purchasing-cabinet.tsx') },
  { id: 'stock', roles: ['controller', 'admin'], load: () => import('../features/warehouse/stock-cabinet.tsx') },
  { id: 'admin', roles: ['admin'], load: () => import('../features/admin/admin-cabinet.tsx') },
  { id: 'courier', roles: ['courier'], load: () => import('../features/courier/courier-cabinet.tsx') },
  { id: 'delivery', roles: ['operator', 'admin'], load: () => import('../features/delivery/delivery-cabinet.tsx') },
  { id: 'tests', roles: ['customer', 'worker'], load: () => import('../features/workforce/tests-cabinet.tsx') },
  { id: 'workforce', roles: ['manager', 'admin'], load: () => import('../features/workforce/workforce-cabinet.tsx') },
  { id: 'bookings', roles: ['customer'], load: () => import('../features/services/bookings-cabinet.tsx') },
  { id: 'jobs', roles: ['worker'], load: () => import('../features/services/jobs-cabinet.tsx') },
  { id: 'services', roles: ['manager', 'admin'], load: () => import('../features/services/services-cabinet.tsx') },
];
