export * from './platform.js';
export * from './render.js';
