import type { Operation } from './operation.ts';
import { agreementsOperations } from './operations/agreements.ts';
import { documentationOperations } from './operations/documentation.ts';
import { evaluationsOperations } from './operations/evaluations.ts';
import { hoursOperations } from './operations/hours.ts';
import { organisationsOperations } from './operations/organisations.ts';
import { privacyOperations } from './operations/privacy.ts';
import { staffOperations } from './operations/staff.ts';
import { volunteersOperations } from './operations/volunteers.ts';

/** Every /api endpoint; the access tests check that the app serves exactly these. */
export const operations: readonly Operation[] = [
  ...volunteersOperations,
  ...hoursOperations,
  ...organisationsOperations,
  ...agreementsOperations,
  ...evaluationsOperations,
  ...privacyOperations,
  ...staffOperations,
  ...documentationOperations,
];
