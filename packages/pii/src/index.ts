export { PiiCipher } from './pii-cipher.js';
export { AesGcmPiiCipher } from './aes-gcm-pii-cipher.js';
export { piiKeyRingSchema, piiConfigShape, checkPiiConfig, piiCipherFrom, type PiiConfig } from './pii-config.js';
