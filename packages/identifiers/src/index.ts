export { checkDigit } from './check-digit.js';
export { BIN_CENTURY_PIVOT, makeBin, parseBin, requireHeadOfficeLegalEntity, validateBin, type Bin, type EntityKind, type OfficeKind } from './bin.js';
export { makeIin, parseIin, validateIin, type Iin } from './iin.js';
