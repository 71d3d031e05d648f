/**
 * What the tests expect of each constants library, written out by hand (never
 * read from the engine's tables): how a fix imports it, the name it is
 * reached by, and the member name per code for a spread of codes that covers
 * every class and every naming quirk.
 */
import type { LibraryId } from '../../../src/status-table.js';

export interface Library {
  readonly id: LibraryId;
  readonly module: string;
  /** The local name a new import gives the constants object. */
  readonly local: string;
  /** The ESM import a fix adds. */
  readonly esm: string;
  /** The `require` a fix adds in a CommonJS file. */
  readonly cjs: string;
  /** The named export, when the ESM import is `import { X } from 'm'` (so it can merge into an existing import). */
  readonly named?: string;
  /** The members are typed `number`: at a literal-typed API a fix is only a suggestion. */
  readonly typedAsNumber?: boolean;
}

export const LIBRARIES: readonly Library[] = [
  {
    id: 'http-status-codes',
    module: 'http-status-codes',
    local: 'StatusCodes',
    esm: "import { StatusCodes } from 'http-status-codes';",
    cjs: "const { StatusCodes } = require('http-status-codes');",
    named: 'StatusCodes',
  },
  {
    id: 'http-status',
    module: 'http-status',
    local: 'httpStatus',
    esm: "import httpStatus from 'http-status';",
    cjs: "const { status: httpStatus } = require('http-status');",
  },
  {
    id: '@nestjs/common',
    module: '@nestjs/common',
    local: 'HttpStatus',
    esm: "import { HttpStatus } from '@nestjs/common';",
    cjs: "const { HttpStatus } = require('@nestjs/common');",
    named: 'HttpStatus',
  },
  {
    id: 'node:http2',
    module: 'node:http2',
    local: 'constants',
    esm: "import { constants } from 'node:http2';",
    cjs: "const { constants } = require('node:http2');",
    named: 'constants',
    typedAsNumber: true,
  },
  {
    id: 'status-code-enum',
    module: 'status-code-enum',
    local: 'StatusCode',
    esm: "import { StatusCode } from 'status-code-enum';",
    cjs: "const { StatusCode } = require('status-code-enum');",
    named: 'StatusCode',
  },
];

export const library = (id: LibraryId): Library => LIBRARIES.find((candidate) => candidate.id === id) as Library;

/** Reason phrase, then the member per library in LIBRARIES order (`-` where the library has none). */
type Row = readonly [phrase: string, hsc: string, hs: string, nest: string, http2: string, sce: string];

const ROWS: Readonly<Record<number, Row>> = {
  100: ['Continue', 'CONTINUE', 'CONTINUE', 'CONTINUE', 'HTTP_STATUS_CONTINUE', 'InfoContinue'],
  101: ['Switching Protocols', 'SWITCHING_PROTOCOLS', 'SWITCHING_PROTOCOLS', 'SWITCHING_PROTOCOLS', 'HTTP_STATUS_SWITCHING_PROTOCOLS', 'InfoSwitchingProtocols'],
  103: ['Early Hints', 'EARLY_HINTS', 'EARLY_HINTS', 'EARLYHINTS', 'HTTP_STATUS_EARLY_HINTS', '-'],
  200: ['OK', 'OK', 'OK', 'OK', 'HTTP_STATUS_OK', 'SuccessOK'],
  201: ['Created', 'CREATED', 'CREATED', 'CREATED', 'HTTP_STATUS_CREATED', 'SuccessCreated'],
  202: ['Accepted', 'ACCEPTED', 'ACCEPTED', 'ACCEPTED', 'HTTP_STATUS_ACCEPTED', 'SuccessAccepted'],
  203: [
    'Non-Authoritative Information',
    'NON_AUTHORITATIVE_INFORMATION',
    'NON_AUTHORITATIVE_INFORMATION',
    'NON_AUTHORITATIVE_INFORMATION',
    'HTTP_STATUS_NON_AUTHORITATIVE_INFORMATION',
    'SuccessNonAuthoritativeInfo',
  ],
  204: ['No Content', 'NO_CONTENT', 'NO_CONTENT', 'NO_CONTENT', 'HTTP_STATUS_NO_CONTENT', 'SuccessNoContent'],
  206: ['Partial Content', 'PARTIAL_CONTENT', 'PARTIAL_CONTENT', 'PARTIAL_CONTENT', 'HTTP_STATUS_PARTIAL_CONTENT', 'SuccessPartialContent'],
  208: ['Already Reported', '-', 'ALREADY_REPORTED', 'ALREADY_REPORTED', 'HTTP_STATUS_ALREADY_REPORTED', 'SuccessAlreadyReported'],
  226: ['IM Used', '-', 'IM_USED', '-', 'HTTP_STATUS_IM_USED', '-'],
  300: ['Multiple Choices', 'MULTIPLE_CHOICES', 'MULTIPLE_CHOICES', 'AMBIGUOUS', 'HTTP_STATUS_MULTIPLE_CHOICES', 'RedirectMultipleChoices'],
  301: ['Moved Permanently', 'MOVED_PERMANENTLY', 'MOVED_PERMANENTLY', 'MOVED_PERMANENTLY', 'HTTP_STATUS_MOVED_PERMANENTLY', 'RedirectMovedPermanently'],
  302: ['Found', 'MOVED_TEMPORARILY', 'FOUND', 'FOUND', 'HTTP_STATUS_FOUND', 'RedirectFound'],
  303: ['See Other', 'SEE_OTHER', 'SEE_OTHER', 'SEE_OTHER', 'HTTP_STATUS_SEE_OTHER', 'RedirectSeeOther'],
  304: ['Not Modified', 'NOT_MODIFIED', 'NOT_MODIFIED', 'NOT_MODIFIED', 'HTTP_STATUS_NOT_MODIFIED', 'RedirectNotModified'],
  306: ['Switch Proxy', '-', 'SWITCH_PROXY', '-', '-', 'RedirectSwitchProxy'],
  307: ['Temporary Redirect', 'TEMPORARY_REDIRECT', 'TEMPORARY_REDIRECT', 'TEMPORARY_REDIRECT', 'HTTP_STATUS_TEMPORARY_REDIRECT', 'RedirectTemp'],
  308: ['Permanent Redirect', 'PERMANENT_REDIRECT', 'PERMANENT_REDIRECT', 'PERMANENT_REDIRECT', 'HTTP_STATUS_PERMANENT_REDIRECT', 'RedirectPermanent'],
  400: ['Bad Request', 'BAD_REQUEST', 'BAD_REQUEST', 'BAD_REQUEST', 'HTTP_STATUS_BAD_REQUEST', 'ClientErrorBadRequest'],
  401: ['Unauthorized', 'UNAUTHORIZED', 'UNAUTHORIZED', 'UNAUTHORIZED', 'HTTP_STATUS_UNAUTHORIZED', 'ClientErrorUnauthorized'],
  403: ['Forbidden', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'HTTP_STATUS_FORBIDDEN', 'ClientErrorForbidden'],
  404: ['Not Found', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'HTTP_STATUS_NOT_FOUND', 'ClientErrorNotFound'],
  405: ['Method Not Allowed', 'METHOD_NOT_ALLOWED', 'METHOD_NOT_ALLOWED', 'METHOD_NOT_ALLOWED', 'HTTP_STATUS_METHOD_NOT_ALLOWED', 'ClientErrorMethodNotAllowed'],
  409: ['Conflict', 'CONFLICT', 'CONFLICT', 'CONFLICT', 'HTTP_STATUS_CONFLICT', 'ClientErrorConflict'],
  410: ['Gone', 'GONE', 'GONE', 'GONE', 'HTTP_STATUS_GONE', 'ClientErrorGone'],
  413: ['Content Too Large', 'REQUEST_TOO_LONG', 'REQUEST_ENTITY_TOO_LARGE', 'PAYLOAD_TOO_LARGE', 'HTTP_STATUS_PAYLOAD_TOO_LARGE', 'ClientErrorPayloadTooLarge'],
  414: ['URI Too Long', 'REQUEST_URI_TOO_LONG', 'REQUEST_URI_TOO_LONG', 'URI_TOO_LONG', 'HTTP_STATUS_URI_TOO_LONG', 'ClientErrorURITooLong'],
  416: [
    'Range Not Satisfiable',
    'REQUESTED_RANGE_NOT_SATISFIABLE',
    'REQUESTED_RANGE_NOT_SATISFIABLE',
    'REQUESTED_RANGE_NOT_SATISFIABLE',
    'HTTP_STATUS_RANGE_NOT_SATISFIABLE',
    'ClientErrorRangeNotSatisfiable',
  ],
  418: ["I'm a Teapot", 'IM_A_TEAPOT', 'IM_A_TEAPOT', 'I_AM_A_TEAPOT', 'HTTP_STATUS_TEAPOT', 'ClientErrorImATeapot'],
  421: ['Misdirected Request', 'MISDIRECTED_REQUEST', 'MISDIRECTED_REQUEST', 'MISDIRECTED', 'HTTP_STATUS_MISDIRECTED_REQUEST', 'ClientErrorMisdirectedRequest'],
  422: ['Unprocessable Content', 'UNPROCESSABLE_ENTITY', 'UNPROCESSABLE_ENTITY', 'UNPROCESSABLE_ENTITY', 'HTTP_STATUS_UNPROCESSABLE_ENTITY', 'ClientErrorUnprocessableEntity'],
  425: ['Too Early', '-', 'TOO_EARLY', '-', 'HTTP_STATUS_TOO_EARLY', '-'],
  429: ['Too Many Requests', 'TOO_MANY_REQUESTS', 'TOO_MANY_REQUESTS', 'TOO_MANY_REQUESTS', 'HTTP_STATUS_TOO_MANY_REQUESTS', 'ClientErrorTooManyRequests'],
  431: [
    'Request Header Fields Too Large',
    'REQUEST_HEADER_FIELDS_TOO_LARGE',
    'REQUEST_HEADER_FIELDS_TOO_LARGE',
    '-',
    'HTTP_STATUS_REQUEST_HEADER_FIELDS_TOO_LARGE',
    'ClientErrorRequestHeaderFieldsTooLarge',
  ],
  451: [
    'Unavailable For Legal Reasons',
    'UNAVAILABLE_FOR_LEGAL_REASONS',
    'UNAVAILABLE_FOR_LEGAL_REASONS',
    '-',
    'HTTP_STATUS_UNAVAILABLE_FOR_LEGAL_REASONS',
    'ClientErrorUnavailableForLegalReasons',
  ],
  500: ['Internal Server Error', 'INTERNAL_SERVER_ERROR', 'INTERNAL_SERVER_ERROR', 'INTERNAL_SERVER_ERROR', 'HTTP_STATUS_INTERNAL_SERVER_ERROR', 'ServerErrorInternal'],
  501: ['Not Implemented', 'NOT_IMPLEMENTED', 'NOT_IMPLEMENTED', 'NOT_IMPLEMENTED', 'HTTP_STATUS_NOT_IMPLEMENTED', 'ServerErrorNotImplemented'],
  502: ['Bad Gateway', 'BAD_GATEWAY', 'BAD_GATEWAY', 'BAD_GATEWAY', 'HTTP_STATUS_BAD_GATEWAY', 'ServerErrorBadGateway'],
  503: ['Service Unavailable', 'SERVICE_UNAVAILABLE', 'SERVICE_UNAVAILABLE', 'SERVICE_UNAVAILABLE', 'HTTP_STATUS_SERVICE_UNAVAILABLE', 'ServerErrorServiceUnavailable'],
  504: ['Gateway Timeout', 'GATEWAY_TIMEOUT', 'GATEWAY_TIMEOUT', 'GATEWAY_TIMEOUT', 'HTTP_STATUS_GATEWAY_TIMEOUT', 'ServerErrorGatewayTimeout'],
  506: ['Variant Also Negotiates', '-', 'VARIANT_ALSO_NEGOTIATES', '-', 'HTTP_STATUS_VARIANT_ALSO_NEGOTIATES', 'ServerErrorVariantAlsoNegotiates'],
  508: ['Loop Detected', '-', 'LOOP_DETECTED', 'LOOP_DETECTED', 'HTTP_STATUS_LOOP_DETECTED', 'ServerErrorLoopDetected'],
  510: ['Not Extended', '-', 'NOT_EXTENDED', '-', 'HTTP_STATUS_NOT_EXTENDED', 'ServerErrorNotExtended'],
  511: [
    'Network Authentication Required',
    'NETWORK_AUTHENTICATION_REQUIRED',
    'NETWORK_AUTHENTICATION_REQUIRED',
    '-',
    'HTTP_STATUS_NETWORK_AUTHENTICATION_REQUIRED',
    'ServerErrorNetworkAuthRequired',
  ],
};

/** The codes the site tables cycle through: every class, and every code some library names differently or lacks. */
export const SPREAD: readonly number[] = Object.keys(ROWS).map(Number);

/** The codes whose names differ between libraries, or that some library lacks. */
export const QUIRKS: readonly number[] = [103, 226, 300, 302, 413, 418, 421, 425, 451, 506];

export function phraseOf(code: number): string {
  const row = ROWS[code];
  if (!row) throw new Error(`no test row for ${code}`);
  return row[0];
}

/** The member for `code` in `lib`, or undefined where the library has none. */
export function memberOf(lib: Library, code: number): string | undefined {
  const row = ROWS[code];
  if (!row) throw new Error(`no test row for ${code}`);
  const member = row[LIBRARIES.indexOf(lib) + 1];
  return member === '-' ? undefined : member;
}

/**
 * Codes in range that the IANA registry does not list: reported as unregistered, never fixed.
 * (419 and 420 are `http-status-codes` legacy members, 499 is nginx's, 509 Apache's.)
 */
export const UNREGISTERED: readonly number[] = [199, 209, 299, 309, 419, 420, 430, 440, 499, 509, 520, 599];

/** A project's own constants module named by UPPER_SNAKE reason phrase (the default for `constants: { module, object, import }`). */
export const CUSTOM_NAMES: Readonly<Record<number, string>> = {
  100: 'CONTINUE',
  203: 'NON_AUTHORITATIVE_INFORMATION',
  226: 'IM_USED',
  302: 'FOUND',
  306: 'SWITCH_PROXY',
  404: 'NOT_FOUND',
  413: 'CONTENT_TOO_LARGE',
  414: 'URI_TOO_LONG',
  418: 'IM_A_TEAPOT',
  422: 'UNPROCESSABLE_CONTENT',
  425: 'TOO_EARLY',
  451: 'UNAVAILABLE_FOR_LEGAL_REASONS',
  505: 'HTTP_VERSION_NOT_SUPPORTED',
  511: 'NETWORK_AUTHENTICATION_REQUIRED',
};
