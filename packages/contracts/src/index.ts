export * from './common.ts';
export * from './events/catalog.ts';
export * from './events/identity.ts';
export * from './events/inventory.ts';
export * from './events/rates.ts';
