/**
 * SvelteKit, only for functions imported from `@sveltejs/kit`: `error(n, ...)`, `redirect(n, url)`,
 * `fail(n, data)`, `json(x, { status: n })`, `text(x, { status: n })`, `isHttpError(e, n)`.
 */
import type { Adapter, CallMatcher } from '../sites.js';
import { argumentsOf, calleeIdentifier, initStatus, isImported, isStatusArgument, makeSite, set } from './shared.js';

const KIT = set('@sveltejs/kit');

const statusFirst =
  (redirect: boolean, literalTypes: boolean): CallMatcher =>
  (call, sites) =>
    isImported(sites, calleeIdentifier(call), KIT) ? makeSite('sveltekit', argumentsOf(call)[0], call, { redirect, literalTypes }) : undefined;

const withInit: CallMatcher = (call, sites) =>
  isImported(sites, calleeIdentifier(call), KIT) ? makeSite('sveltekit', initStatus(argumentsOf(call)[1]), call) : undefined;

export const sveltekit: Adapter = {
  framework: 'sveltekit',
  calls: {
    error: statusFirst(false, true),
    redirect: statusFirst(true, true),
    fail: statusFirst(false, false),
    json: withInit,
    text: withInit,
    isHttpError(call, sites) {
      if (!isImported(sites, calleeIdentifier(call), KIT)) return undefined;
      const status = argumentsOf(call)[1];
      return isStatusArgument(status, sites) ? makeSite('sveltekit', status, call, { kind: 'comparison' }) : undefined;
    },
  },
};
