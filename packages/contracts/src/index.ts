export * from './auth.js';
export * from './common.js';
export * from './envelope.js';
export * from './event-definition.js';
export * from './topics.js';
export * from './participation/index.js';
export * from './registration/index.js';
export * from './documents/index.js';
