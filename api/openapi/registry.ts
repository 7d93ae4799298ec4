import type { Operation } from './operation.ts';
import { agreementsOperations } from '../agreements/openapi.ts';
import { coursesOperations } from '../courses/openapi.ts';
import { meetingsOperations } from '../meetings/openapi.ts';
import { documentationOperations } from './documentation.ts';
import { evaluationsOperations } from '../evaluation/openapi.ts';
import { hoursOperations } from '../hours/openapi.ts';
import { organisationsOperations } from '../agreements/organisation-openapi.ts';
import { privacyOperations } from '../privacy/openapi.ts';
import { staffOperations } from '../staff/openapi.ts';
import { volunteersOperations } from '../volunteers/openapi.ts';
import { bulkOperations } from '../bulk/openapi.ts';
import { applicationsOperations } from '../recruitment/openapi.ts';

/** Every /api endpoint; the access tests check that the app serves exactly these. */
export const operations: readonly Operation[] = [
  ...bulkOperations,
  ...volunteersOperations,
  ...coursesOperations,
  ...meetingsOperations,
  ...applicationsOperations,
  ...hoursOperations,
  ...organisationsOperations,
  ...agreementsOperations,
  ...evaluationsOperations,
  ...privacyOperations,
  ...staffOperations,
  ...documentationOperations,
];
