export * from './ops-routes.ts';
