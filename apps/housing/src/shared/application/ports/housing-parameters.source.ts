import type { HousingParameters } from '../../domain/housing-parameters.js';

/** Port: every version of the housing parameters (data/housing-rules.json). */
export abstract class HousingParametersSource {
  abstract versions(): readonly HousingParameters[];
}
