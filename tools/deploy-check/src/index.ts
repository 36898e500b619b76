export * from './platform.js';
export * from './render.js';
export * from './monitoring.js';
