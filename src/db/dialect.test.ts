import { describe, expect, it } from 'vitest';
import { DatabaseUnavailableError, isDatabaseUnavailable } from './dialect.js';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it('knows a lost or refused connection on either database', () => {
    const unavailable = [
      withCode('57P01', 'terminating connection due to administrator command'),
      withCode('57P02'),
      withCode('57P03', 'the database system is starting up'),
      withCode('08006'),
      withCode('08001'),
      withCode('ECONNREFUSED'),
      withCode('ECONNRESET'),
      new Error('Connection terminated unexpectedly'),
      new Error('timeout exceeded when trying to connect'),
      new AggregateError([withCode('ECONNREFUSED')], 'connect failed'),
      withCode('SQLITE_BUSY', 'database is locked'),
      withCode('SQLITE_CANTOPEN'),
      withCode('SQLITE_IOERR_SHORT_READ'),
      new DatabaseUnavailableError('cannot open'),
    ];
    expect(unavailable.filter((error) => !isDatabaseUnavailable(error))).toEqual([]);
  });

  it('leaves the errors about a query itself alone', () => {
    const notAboutTheConnection = [
      withCode('23505', 'duplicate key'),
      withCode('22003', 'numeric value out of range'),
      withCode('42P01', 'relation does not exist'),
      withCode('SQLITE_CONSTRAINT_UNIQUE'),
      new Error('something else'),
      undefined,
      'a string',
    ];
    expect(notAboutTheConnection.filter(isDatabaseUnavailable)).toEqual([]);
  });
});
