export * from './database.js';
export * from './env.js';
export * from './kafka.js';
export * from './wait.js';
export * from './tokens.js';
export * from './factories.js';
export * from './app/start-test-app.js';
