import { describe, expect, it } from '@jest/globals';
import { ConnectionException, DriverException, UniqueConstraintViolationException } from '@mikro-orm/core';
import express from 'express';
import supertest from 'supertest';
import { errorHandler, type ErrorPage } from '../api/http/errors.ts';

/** What the `pg` driver and MikroORM raise, built the way MikroORM wraps them. */
const driverError = (message: string, code?: string) => new DriverException(Object.assign(new Error(message), code ? { code } : {}));

/** An app whose only route throws `error`, behind the API's error handler. */
function appThrowing(error: Error) {
  const logged: string[] = [];
  const pages: { status: number; message: string }[] = [];
  const errorPage: ErrorPage = (_req, res, page) => {
    pages.push(page);
    res.status(page.status).send('page');
  };
  const app = express();
  app.get(['/api/thing', '/thing'], () => {
    throw error;
  });
  app.use(errorHandler((line) => logged.push(line), errorPage));
  return { api: supertest(app), logged, pages };
}

describe('a database that cannot be reached', () => {
  it.each([
    ['the connection is refused', driverError('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['pg drops the connection without a code', driverError('Connection terminated unexpectedly')],
    ['an administrator shuts the server down (57P01)', driverError('terminating connection due to administrator command', '57P01')],
    ['the server is starting up (57P03)', driverError('the database system is starting up', '57P03')],
    ['the connection fails (08006)', driverError('connection failure', '08006')],
    ['the SQLite file cannot be opened', new ConnectionException(new Error('unable to open database file'))],
  ])('answers 503 DatabaseUnavailable when %s, without logging it as a bug', async (_case, error) => {
    const { api, logged } = appThrowing(error);
    const response = await api.get('/api/thing').expect(503);
    expect(response.body.error).toMatchObject({ status: 503, code: 'DatabaseUnavailable' });
    expect(response.body.error.message).toMatch(/database is not answering right now\. Try again in a minute.*\/ready/);
    expect(logged).toEqual([]);
  });

  it('shows a dashboard page with the same message to a browser', async () => {
    const { api, pages } = appThrowing(driverError('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'));
    await api.get('/thing').set('Accept', 'text/html').expect(503);
    expect(pages).toEqual([{ status: 503, message: expect.stringMatching(/database is not answering/) }]);
  });

  it('leaves a query the database refused a 500, logged', async () => {
    const { api, logged } = appThrowing(new UniqueConstraintViolationException(Object.assign(new Error('duplicate key value'), { code: '23505' })));
    const response = await api.get('/api/thing').expect(500);
    expect(response.body.error.code).toBe('InternalError');
    expect(logged).toEqual([expect.stringContaining('duplicate key value')]);
  });
});
