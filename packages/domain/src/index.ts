export * from './shared/index.js';
export * from './supportCase/index.js';
