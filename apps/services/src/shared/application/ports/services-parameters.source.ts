import type { ServicesParameters } from '../../../catalogue/domain/services-parameters.js';

/** Port: the effective-dated parameters (data/services-rules.json, ADR 0061). */
export abstract class ServicesParametersSource {
  abstract versions(): readonly ServicesParameters[];
}
