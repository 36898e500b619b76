export * from './certificate-pdf.js';
export * from './protocol-pdf.js';
