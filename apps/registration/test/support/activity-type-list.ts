import { readFileSync } from 'node:fs';
import { ActivityTypeList, type ActivityTypeListData } from '../../src/registration/domain/activity-type-catalogue.js';

/** For domain unit tests: the shipped placeholder list, read without the infrastructure adapter. */
export const shippedActivityTypeList = (): ActivityTypeList =>
  new ActivityTypeList(
    JSON.parse(readFileSync(new URL('../../data/priority-activity-types.placeholder.json', import.meta.url), 'utf8')) as ActivityTypeListData,
  );
