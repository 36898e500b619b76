import type { Clock } from '@hub/kernel';
import { almatyDate, type IsoDate } from '../domain/calendar.js';

/** Today's civil date in Almaty, where every deadline of the context is counted. */
export const today = (clock: Clock): IsoDate => almatyDate(clock.now());
