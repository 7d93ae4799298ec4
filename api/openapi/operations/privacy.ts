import type { Operation } from '../operation.ts';

export const privacyOperations: Operation[] = [];
