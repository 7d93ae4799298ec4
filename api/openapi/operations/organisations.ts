import type { Operation } from '../operation.ts';

export const organisationsOperations: Operation[] = [];
