import type { Operation } from './operation.ts';

const tag = 'API documentation';

export const documentationOperations: Operation[] = [
  {
    method: 'get',
    path: '/api/openapi.json',
    summary: 'This API described as an OpenAPI 3.1 document',
    tag,
    access: 'public',
    responses: { 200: 'The OpenAPI document (JSON).' },
  },
  {
    method: 'get',
    path: '/api/docs',
    summary: 'This API as a readable page: every operation, who may call it and what it takes',
    tag,
    access: 'public',
    responses: { 200: 'An HTML page.' },
  },
];
