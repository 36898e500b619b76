export * from './bank-statement.js';
