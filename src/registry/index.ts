export * from './settings';
export * from './registry';
export * from './resolve';
