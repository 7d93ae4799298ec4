import type { Operation } from '../operation.ts';

export const volunteersOperations: Operation[] = [];
