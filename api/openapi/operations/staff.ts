import type { Operation } from '../operation.ts';

export const staffOperations: Operation[] = [];
