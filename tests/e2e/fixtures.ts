/**
 * The source files every ESLint fixture lints, and what no-magic-status must make of them
 * under each kind of config: where it reports, and what `--fix` writes.
 */
import type { Files, Problem } from './harness.js';

/** An Express router that already imports `StatusCodes`: fixable under every config. */
const USERS = `import express from 'express';
import { StatusCodes } from 'http-status-codes';

export const router = express.Router();

router.get('/users/:id', (req, res) => {
  res.status(404).json({ error: 'not found' });
});

router.post('/users', (req, res) => {
  res.sendStatus(201);
});

router.get('/health', (req, res) => {
  res.status(StatusCodes.OK).send('ok');
});
`;

/** No constants imported: suggestions only, unless a config names the library. */
const PLAIN = `export function notFound(req, res) {
  res.status(404).end();
}
`;

/** CommonJS and node:http. */
const LEGACY = `const http = require('node:http');

http.createServer((req, res) => {
  res.writeHead(503, { 'Retry-After': '120' });
  res.end();
});
`;

/** A project helper (reported only with the \`sites\` option) and a 200 (silenced by \`allow\`). */
const HELPERS = `import { sendError } from './errors.js';

export function gone(req, res) {
  if (req.query.legacy) return sendError(res, 410);
  res.status(200).send('ok');
}
`;

/** Two statuses and no import: both fixes add the same import, so it takes ESLint two passes (418 is a naming quirk). */
const TEAPOT = `export function brew(req, res) {
  if (req.query.coffee) return res.status(418).end();
  res.status(400).json({ error: 'bad request' });
}
`;

/**
 * The project's package.json: an Express app that is moving from `http-status` to `http-status-codes`, so both are
 * declared and `'auto'` suggests each where a file imports neither (`PACKAGE_ONE_LIBRARY` and `PACKAGE_NO_LIBRARY` below
 * are the other cases).
 */
const packageJson = (dependencies: Readonly<Record<string, string>>): string =>
  `${JSON.stringify({ name: 'e2e-app', private: true, type: 'module', dependencies }, null, 2)}\n`;

export const PACKAGE = packageJson({ express: '^5.1.0', 'http-status': '^2.1.0', 'http-status-codes': '^2.3.0' });

/** The same app once it has moved: only `http-status-codes` declared, so `'auto'` fixes with it everywhere. */
export const PACKAGE_ONE_LIBRARY = packageJson({ express: '^5.1.0', 'http-status-codes': '^2.3.0' });

/** An Express app with no constants library: `'auto'` suggests `node:http2`'s constants (Express runs on Node.js only). */
export const PACKAGE_NO_LIBRARY = packageJson({ express: '^5.1.0' });

export const SOURCES: Files = {
  'package.json': PACKAGE,
  'src/users.js': USERS,
  'src/plain.js': PLAIN,
  'src/legacy.cjs': LEGACY,
  'src/helpers.js': HELPERS,
  'src/teapot.js': TEAPOT,
};

export const SOURCE_NAMES = Object.keys(SOURCES);

const USERS_FIXED = USERS.replace('status(404)', 'status(StatusCodes.NOT_FOUND)').replace('sendStatus(201)', 'sendStatus(StatusCodes.CREATED)');

const PLAIN_FIXED = `import { StatusCodes } from 'http-status-codes';
export function notFound(req, res) {
  res.status(StatusCodes.NOT_FOUND).end();
}
`;

const LEGACY_FIXED = `const http = require('node:http');
const { StatusCodes } = require('http-status-codes');

http.createServer((req, res) => {
  res.writeHead(StatusCodes.SERVICE_UNAVAILABLE, { 'Retry-After': '120' });
  res.end();
});
`;

const TEAPOT_FIXED = `import { StatusCodes } from 'http-status-codes';
${TEAPOT.replace('418', 'StatusCodes.IM_A_TEAPOT').replace('400', 'StatusCodes.BAD_REQUEST')}`;

const WITH_IMPORT = (text: string): string =>
  text.replace("import { sendError } from './errors.js';\n", "import { sendError } from './errors.js';\nimport { StatusCodes } from 'http-status-codes';\n");

function problem(file: string, line: number, column: number, messageId: string, fix: boolean, suggestion?: string): Problem {
  return { file, line, column, endLine: line, endColumn: column + 3, messageId, fix, suggestion };
}

const suggest = (constant: string): string => `Replace with \`StatusCodes.${constant}\` from \`http-status-codes\`.`;
const suggestNode = (name: string): string => `Replace with \`constants.HTTP_STATUS_${name}\` from \`node:http2\`.`;

export interface Expectation {
  readonly problems: readonly Problem[];
  /** The files after `eslint --fix` (no-magic-status alone). */
  readonly fixed: Files;
}

/** `recommended` with its defaults (`constants: 'auto'`): a fix only where the file imports a library already. */
export const AUTO: Expectation = {
  problems: [
    problem('src/helpers.js', 5, 14, 'magicStatus', false, suggest('OK')),
    problem('src/legacy.cjs', 4, 17, 'magicStatus', false, suggest('SERVICE_UNAVAILABLE')),
    problem('src/plain.js', 2, 14, 'magicStatus', false, suggest('NOT_FOUND')),
    problem('src/teapot.js', 2, 43, 'magicStatus', false, suggest('IM_A_TEAPOT')),
    problem('src/teapot.js', 3, 14, 'magicStatus', false, suggest('BAD_REQUEST')),
    problem('src/users.js', 7, 14, 'useConstant', true),
    problem('src/users.js', 11, 18, 'useConstant', true),
  ],
  fixed: { ...SOURCES, 'src/users.js': USERS_FIXED },
};

/** `recommended` in the app with no constants library (`PACKAGE_NO_LIBRARY`): `node:http2`'s constants, suggested. */
export const AUTO_NO_LIBRARY: Expectation = {
  problems: [
    problem('src/helpers.js', 5, 14, 'magicStatus', false, suggestNode('OK')),
    problem('src/legacy.cjs', 4, 17, 'magicStatus', false, suggestNode('SERVICE_UNAVAILABLE')),
    problem('src/plain.js', 2, 14, 'magicStatus', false, suggestNode('NOT_FOUND')),
    problem('src/teapot.js', 2, 43, 'magicStatus', false, suggestNode('TEAPOT')),
    problem('src/teapot.js', 3, 14, 'magicStatus', false, suggestNode('BAD_REQUEST')),
    problem('src/users.js', 7, 14, 'useConstant', true),
    problem('src/users.js', 11, 18, 'useConstant', true),
  ],
  fixed: { ...SOURCES, 'package.json': PACKAGE_NO_LIBRARY, 'src/users.js': USERS_FIXED },
};

/** `constants: 'http-status-codes'`: every report has a fix that adds the import. */
export const CODES: Expectation = {
  problems: [
    problem('src/helpers.js', 5, 14, 'useConstant', true),
    problem('src/legacy.cjs', 4, 17, 'useConstant', true),
    problem('src/plain.js', 2, 14, 'useConstant', true),
    problem('src/teapot.js', 2, 43, 'useConstant', true),
    problem('src/teapot.js', 3, 14, 'useConstant', true),
    problem('src/users.js', 7, 14, 'useConstant', true),
    problem('src/users.js', 11, 18, 'useConstant', true),
  ],
  fixed: {
    'package.json': PACKAGE,
    'src/users.js': USERS_FIXED,
    'src/plain.js': PLAIN_FIXED,
    'src/legacy.cjs': LEGACY_FIXED,
    'src/helpers.js': WITH_IMPORT(HELPERS).replace('status(200)', 'status(StatusCodes.OK)'),
    'src/teapot.js': TEAPOT_FIXED,
  },
};

/** The by-hand options: `constants: 'http-status-codes', allow: [200], sites: [{ callee: 'sendError', argument: 1 }]`. */
export const BY_HAND: Expectation = {
  problems: [
    problem('src/helpers.js', 4, 47, 'useConstant', true),
    problem('src/legacy.cjs', 4, 17, 'useConstant', true),
    problem('src/plain.js', 2, 14, 'useConstant', true),
    problem('src/teapot.js', 2, 43, 'useConstant', true),
    problem('src/teapot.js', 3, 14, 'useConstant', true),
    problem('src/users.js', 7, 14, 'useConstant', true),
    problem('src/users.js', 11, 18, 'useConstant', true),
  ],
  fixed: { ...CODES.fixed, 'src/helpers.js': WITH_IMPORT(HELPERS).replace('sendError(res, 410)', 'sendError(res, StatusCodes.GONE)') },
};

/** Every rule by hand: no-magic-status with options, each other rule with its own `meta.defaultOptions`. */
export const BY_HAND_CONFIG = `import httpStatus from 'eslint-plugin-http-status';

const defaults = Object.fromEntries(
  Object.entries(httpStatus.rules).map(([name, rule]) => [\`http-status/\${name}\`, ['error', ...(rule.meta.defaultOptions ?? [])]]),
);

export default [
  {
    files: ['**/*.{js,cjs}'],
    plugins: { 'http-status': httpStatus },
    rules: {
      ...defaults,
      'http-status/no-magic-status': [
        'error',
        { constants: 'http-status-codes', allow: [200], comparisons: true, assertions: true, sites: [{ callee: 'sendError', argument: 1 }] },
      ],
    },
  },
];
`;

/** The plugin's recommended config spread into a config object of one's own. */
export const SPREAD_CONFIG = `import httpStatus from 'eslint-plugin-http-status';

export default [
  {
    ...httpStatus.configs.recommended,
    files: ['**/*.{js,cjs}'],
  },
];
`;

/** A CommonJS config: Node.js ^20.19 loads the ESM package through \`require\`. */
export const COMMONJS_CONFIG = `const httpStatus = require('eslint-plugin-http-status');

module.exports = [
  httpStatus.configs.recommended,
  {
    rules: {
      'http-status/no-magic-status': ['error', { constants: 'http-status-codes' }],
    },
  },
];
`;

/** Which expectation a README flat config snippet has: the library it names, or the defaults. */
export function expectationOf(config: string): Expectation {
  return config.includes("constants: 'http-status-codes'") ? CODES : AUTO;
}
