export * from './aggregate-root.js';
export * from './clock.js';
export * from './errors.js';
export * from './ids.js';
export * from './result.js';
export * from './state-machine.js';
export * from './money.js';
