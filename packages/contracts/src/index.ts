export * from './common.ts';
export * from './events/identity.ts';
