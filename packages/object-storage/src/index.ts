export * from './object-storage.port.js';
export * from './verification.js';
export * from './s3-object-storage.js';
export * from './sample-files.js';
export * from './malware-scanner.js';
