import { hubVitestConfig } from '../../vitest.shared.js';

export default hubVitestConfig();
