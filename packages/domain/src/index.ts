export * from './shared/index.js';
export * from './supportCase/index.js';
export * from './paymentProfile/index.js';
export * from './invitation/index.js';
export * from './sagas/index.js';
