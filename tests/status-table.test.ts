/** Every member name in the constants tables exists in the installed library with exactly that value. */
import { HttpStatus } from '@nestjs/common';
import httpStatus, { status as httpStatusNamed } from 'http-status';
import * as httpStatusCodes from 'http-status-codes';
import { constants as http2Constants } from 'node:http2';
import { StatusCode } from 'status-code-enum';
import { describe, expect, it } from 'vitest';
import { LIBRARY_IDS, customSource, upperSnakeName } from '../src/constants.js';
import { LIBRARY_MEMBERS, STATUS_CODES, isRegisteredStatus, isStatusInRange } from '../src/status-table.js';
import type { LibraryId } from '../src/status-table.js';

const EXPORTS: Record<LibraryId, Record<string, unknown>> = {
  'http-status-codes': httpStatusCodes.StatusCodes as unknown as Record<string, unknown>,
  'http-status': httpStatus as unknown as Record<string, unknown>,
  '@nestjs/common': HttpStatus as unknown as Record<string, unknown>,
  'node:http2': http2Constants as unknown as Record<string, unknown>,
  'status-code-enum': StatusCode as unknown as Record<string, unknown>,
};

describe('status table', () => {
  it('has the IANA registry: 63 codes, 1xx to 5xx', () => {
    expect(STATUS_CODES.size).toBe(63);
    for (const code of STATUS_CODES.keys()) expect(isStatusInRange(code)).toBe(true);
    expect(isRegisteredStatus(425)).toBe(true);
    expect(isRegisteredStatus(451)).toBe(true);
    expect(isRegisteredStatus(103)).toBe(true);
    expect(isRegisteredStatus(499)).toBe(false);
    expect(isRegisteredStatus(209)).toBe(false);
  });

  for (const id of LIBRARY_IDS) {
    describe(id, () => {
      const members = LIBRARY_MEMBERS[id];
      const exported = EXPORTS[id];
      for (const [code, name] of Object.entries(members)) {
        it(`${code} is ${name}`, () => {
          expect(exported[name as string]).toBe(Number(code));
          expect(isRegisteredStatus(Number(code))).toBe(true);
        });
      }
      it('lists every registered code the library has, under the first name it gives it', () => {
        const expected: Record<string, string> = {};
        for (const [name, value] of Object.entries(exported)) {
          if (typeof value !== 'number' || !isRegisteredStatus(value) || String(value) in expected) continue;
          if (id === 'node:http2' && !name.startsWith('HTTP_STATUS_')) continue;
          expected[String(value)] = name;
        }
        expect(members).toEqual(expected);
      });
    });
  }

  it('knows the naming quirks', () => {
    expect(LIBRARY_MEMBERS['http-status-codes'][302]).toBe('MOVED_TEMPORARILY');
    expect(LIBRARY_MEMBERS['http-status-codes'][413]).toBe('REQUEST_TOO_LONG');
    expect(LIBRARY_MEMBERS['http-status'][302]).toBe('FOUND');
    expect(LIBRARY_MEMBERS['http-status'][413]).toBe('REQUEST_ENTITY_TOO_LARGE');
    expect(LIBRARY_MEMBERS['@nestjs/common'][418]).toBe('I_AM_A_TEAPOT');
    expect(LIBRARY_MEMBERS['@nestjs/common'][425]).toBeUndefined();
    expect(LIBRARY_MEMBERS['@nestjs/common'][451]).toBeUndefined();
    // status-code-enum gives IM Used the wrong value (229): no constant for 226 there.
    expect(LIBRARY_MEMBERS['status-code-enum'][226]).toBeUndefined();
  });

  it('http-status has the same object as its default and its named export', () => {
    expect(httpStatusNamed).toBe(httpStatus);
  });

  it('names a custom module by the UPPER_SNAKE reason phrase unless told otherwise', () => {
    expect(upperSnakeName(404)).toBe('NOT_FOUND');
    expect(upperSnakeName(418)).toBe('IM_A_TEAPOT');
    expect(upperSnakeName(203)).toBe('NON_AUTHORITATIVE_INFORMATION');
    const custom = customSource({ module: '~/status', object: 'Status', import: 'named', members: { 404: 'Missing' } }, STATUS_CODES.keys());
    // The listed code takes its name; every other registered code keeps its default name.
    expect(custom.members).toMatchObject({ 404: 'Missing', 410: 'GONE', 201: 'CREATED', 413: 'CONTENT_TOO_LARGE' });
    expect(Object.values(custom.members)).not.toContain('NOT_FOUND');
    // A name the map gives to another code is not also the default of its own code.
    const moved = customSource({ module: '~/status', object: 'Status', import: 'named', members: { 410: 'NOT_FOUND' } }, STATUS_CODES.keys());
    expect([moved.members[404], moved.members[410]]).toEqual([undefined, 'NOT_FOUND']);
  });
});
