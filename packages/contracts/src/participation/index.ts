// Participation's published language (issue #4): integration events and HTTP DTOs.
export * from './events.js';
export * from './http.js';
export * from './money.js';
