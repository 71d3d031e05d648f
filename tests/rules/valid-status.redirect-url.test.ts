/**
 * `res.redirect(404)`: with one argument Express takes it as the URL (the number becomes the path "404") and
 * answers 302. valid-status reports it; it is no response's status, so the rules about responses and
 * no-magic-status say nothing of it.
 */
import noMagicStatus from '../../rules/no-magic-status.js';
import requireRetryAfter from '../../rules/require-retry-after.js';
import validStatus from '../../rules/valid-status.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

ruleTester.run('valid-status, a status given to redirect() as its URL', validStatus, {
  valid: [
    { name: 'a URL', code: `app.get('/old', (req, res) => res.redirect('/login'));` },
    { name: 'a URL from a variable', code: `app.get('/old', (req, res) => res.redirect(target));` },
    { name: 'the status and the URL', code: `app.post('/login', (req, res) => res.redirect(303, '/home'));` },
    { name: 'not a response: a router redirect', code: `router.redirect(301);` },
  ],
  invalid: [
    {
      name: 'a 404 meant as the answer',
      code: `app.get('/gone', (req, res) => {
  res.redirect(404);
});`,
      output: null,
      errors: [{ messageId: 'statusAsUrl', data: { text: '404' }, line: 2, column: 16, suggestions: [] }],
    },
    {
      name: 'a redirect status with no URL',
      code: `app.get('/old', (req, res) => res.redirect(301));`,
      output: null,
      errors: [{ messageId: 'statusAsUrl', data: { text: '301' }, line: 1, column: 44, suggestions: [] }],
    },
    {
      name: 'a library constant',
      code: `import { StatusCodes } from 'http-status-codes';
app.get('/old', (req, res) => res.redirect(StatusCodes.MOVED_PERMANENTLY));`,
      output: null,
      errors: [{ messageId: 'statusAsUrl', data: { text: '`StatusCodes.MOVED_PERMANENTLY` (301)' }, line: 2, column: 44, suggestions: [] }],
    },
  ],
});

ruleTester.run('no-magic-status, a status given to redirect() as its URL', noMagicStatus, {
  valid: [{ code: `import { StatusCodes } from 'http-status-codes';
app.get('/gone', (req, res) => res.redirect(404));` }],
  invalid: [],
});

ruleTester.run('require-retry-after, a status given to redirect() as its URL', requireRetryAfter, {
  valid: [{ code: `app.get('/busy', (req, res) => res.redirect(429));` }],
  invalid: [],
});
