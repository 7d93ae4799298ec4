import type { Operation } from '../operation.ts';

export const agreementsOperations: Operation[] = [];
