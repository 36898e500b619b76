export * from './analytics-pdf.js';
export * from './certificate-pdf.js';
export * from './protocol-pdf.js';
export * from './service-invoice-pdf.js';
export * from './tenge.js';
