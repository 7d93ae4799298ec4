import type { Operation } from '../operation.ts';

export const hoursOperations: Operation[] = [];
