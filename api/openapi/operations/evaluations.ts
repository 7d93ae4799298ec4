import type { Operation } from '../operation.ts';

export const evaluationsOperations: Operation[] = [];
