export * from './edge.ts';
export * from './edge-config.ts';
export * from './openapi-merge.ts';
export * from './ops-routes.ts';
export * from './proxy-routes.ts';
export * from './route-table.ts';
export * from './web-routes.ts';
