import { baseConfigSchema } from '@hub/nest-commons';

/** Registration's configuration: the platform's base variables (nest-commons) plus its own. */
export const registrationConfigSchema = baseConfigSchema.extend({});
