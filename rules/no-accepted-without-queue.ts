/**
 * `no-accepted-without-queue`: a handler that answers 202 Accepted but hands no work to the
 * background (RFC 9110 §15.3.3: 202 means the processing has not completed).
 */
import type { TSESLint } from '@typescript-eslint/utils';
import { constantTarget, type Node } from '../src/ast.js';
import type { ConstantsSource } from '../src/constants.js';
import { createRule } from '../src/create-rule.js';
import { bodySentWith } from '../src/body.js';
import { MONITOR_HEADERS, bodyNamesMonitor, sendsResponse, trackDeferrals, trackStatusMonitors, type DeferralTracker, type StatusMonitorTracker } from '../src/deferral.js';
import { ADAPTERS } from '../src/frameworks/index.js';
import { callersOf, handlerOf, isResponseHelper, type Handler } from '../src/handlers.js';
import { headerFacts } from '../src/headers.js';
import { autoSource, constantEdit } from '../src/import-fixer.js';
import { isResponseSite, visitStatusSites, type StatusSite } from '../src/sites.js';
import { replay } from '../src/walk.js';
import { isInsideTestDouble } from '../src/test-doubles.js';
import { fromOptions } from '../src/options.js';
import type { StatusValue } from '../src/status-value.js';

export type Options = [
  {
    queueCalls?: string[];
    ignoreHandlers?: string[];
    requireStatusMonitor?: boolean;
    assumeOpaqueCallsFinish?: boolean;
  },
];

export type MessageIds = 'acceptedWithoutQueue' | 'acceptedWithoutMonitor' | 'suggestOk' | 'suggestCreated';

const ACCEPTED = 202;
/** How far a response helper's callers are followed: `accepted()` called by `respond()` called by a handler. */
const MAX_HELPER_DEPTH = 3;

/** `*` matches any run of characters; the rest is literal. */
function globToRegExp(glob: string): RegExp {
  return new RegExp(`^${glob.replaceAll(/[\\^$+?.()[\]{}|]/g, '\\$&').replaceAll('*', '.*')}$`);
}

const ignoredPatterns = fromOptions((options: Options[0]) => (options.ignoreHandlers ?? []).map(globToRegExp));

/** Runs every listener's handler for a selector, in order. */
function mergeListeners(...listeners: TSESLint.RuleListener[]): TSESLint.RuleListener {
  const merged: Record<string, ((node: never) => void)[]> = {};
  for (const listener of listeners) {
    for (const [selector, handler] of Object.entries(listener)) {
      if (typeof handler !== 'function') continue;
      (merged[selector] ??= []).push(handler as (node: never) => void);
    }
  }
  const result: Record<string, (node: never) => void> = {};
  for (const [selector, handlers] of Object.entries(merged)) {
    const [only] = handlers;
    result[selector] =
      handlers.length === 1 && only
        ? only
        : (node) => {
            for (const handler of handlers) handler(node);
          };
  }
  return result as TSESLint.RuleListener;
}

export default createRule<Options, MessageIds>({
  name: 'no-accepted-without-queue',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow 202 Accepted from a handler that hands no work to a queue or the background',
      recommended: true,
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          queueCalls: {
            type: 'array',
            description:
              "A project's own calls that hand work off, as dot-separated globs matched against the end of the callee: `jobs.submit`, `*.sendWhenIdle`, `startExport`, `Start*Command` (a constructor).",
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
          },
          ignoreHandlers: {
            type: 'array',
            description:
              'Handlers never reported, as globs matched against the route path (`/webhooks/*`), the exported or method name (`POST`, `create`) or the function name.',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
          },
          requireStatusMonitor: {
            type: 'boolean',
            description:
              'Also require a way to follow the work: a `Location`, `Content-Location` or `Operation-Location` header, or a body property that names a URL or an id.',
          },
          assumeOpaqueCallsFinish: {
            type: 'boolean',
            description:
              'Also report a handler whose work goes through calls the rule cannot see into (a function of another module, a method of an injected service, a DI container, a workflow or job API), taking them to finish their work before the answer.',
          },
        },
      },
    ],
    defaultOptions: [{ queueCalls: [], ignoreHandlers: [], requireStatusMonitor: false, assumeOpaqueCallsFinish: false }],
    messages: {
      acceptedWithoutQueue: 'This handler answers 202 Accepted but queues no work: use 200/201/204, or hand the work to a queue.',
      acceptedWithoutMonitor:
        'This handler answers 202 Accepted but does not point to a status monitor: set a `Location` header or send the URL or id of the job.',
      suggestOk: 'Answer `{{status}}` (OK) instead: the work is done when the handler answers.',
      suggestCreated: 'Answer `{{status}}` (Created) instead: the handler has made the resource.',
    },
  },
  defaultOptions: [{}],
  create(context, [options]) {
    const ignored = ignoredPatterns(options);
    const requireMonitor = options.requireStatusMonitor === true;
    const assumeFinish = options.assumeOpaqueCallsFinish === true;
    // Collected by `replay` at the end, and only in a file that answers 202.
    let deferrals: DeferralTracker | undefined;
    let monitors: StatusMonitorTracker | undefined;
    const accepted: { site: StatusSite; value: StatusValue }[] = [];

    let chosen: ConstantsSource | null | undefined;
    /** The constants source of `no-magic-status`'s 'auto': the library the file imports, else none. */
    const fileSource = (): ConstantsSource | undefined => {
      if (chosen === undefined) chosen = autoSource(context) ?? null;
      return chosen ?? undefined;
    };

    /** `200` / `StatusCodes.OK` written where the 202 is, as the file writes statuses. */
    const replacement = (site: StatusSite, value: StatusValue, code: number): { status: string; fix: TSESLint.ReportFixFunction } => {
      if (value.kind === 'string') {
        const quote = value.node.raw.startsWith('"') ? '"' : "'";
        const status = `${quote}${code}${quote}`;
        return { status, fix: (fixer) => fixer.replaceText(value.node, status) };
      }
      const source = value.kind === 'constant' && value.source ? value.source : fileSource();
      const usable = source && !(source.typedAsNumber && site.literalTypes === true) ? source : undefined;
      const edit = usable && constantEdit(context, usable, code, constantTarget(site.status, value.node));
      if (edit) return { status: edit.text, fix: edit.fix };
      const status = String(code);
      return { status, fix: (fixer) => fixer.replaceText(value.node, status) };
    };

    /** The response points to a status monitor: a `Location`-like header, a URL or id in the body, or facts out of sight. */
    const pointsToMonitor = (site: StatusSite, handler: Handler): boolean => {
      const facts = headerFacts(context, site);
      if (facts && MONITOR_HEADERS.some((header) => facts.headers.has(header))) return true;
      const body = bodySentWith(context, site, ACCEPTED);
      if (body && bodyNamesMonitor(body.node)) return true;
      return monitors ? monitors.points(handler.node) : true;
    };

    const isIgnored = (handler: Handler): boolean => {
      const name = handler.name;
      return name !== undefined && ignored.some((pattern) => pattern.test(name));
    };

    /**
     * Hands work off, or may: a deferral in the handler, (when `sent` sends the response) a call after `sent`, or,
     * unless `assumeOpaqueCallsFinish`, a call the rule cannot see into.
     */
    const handsOff = (handler: Handler, sent: Node | undefined): boolean =>
      deferrals !== undefined &&
      (deferrals.defers(handler.node) || (sent !== undefined && deferrals.worksAfter(handler.node, sent)) || (!assumeFinish && deferrals.opaque(handler.node)));

    /** A helper that sends the 202 for its callers: true when the handler of some call hands work off (or is ignored). */
    const someCallerHandsOff = (helper: Handler, sends: boolean, depth: number): boolean =>
      callersOf(context, helper.node).some((call) => {
        const owner = handlerOf(call);
        if (!owner) return false;
        if (isIgnored(owner) || handsOff(owner, sends ? call : undefined)) return true;
        return owner.kind === 'function' && depth < MAX_HELPER_DEPTH && someCallerHandsOff(owner, sends, depth + 1);
      });

    const check = (site: StatusSite, value: StatusValue): void => {
      const handler = handlerOf(site.node);
      if (!handler || isIgnored(handler)) return;
      const sends = sendsResponse(site);
      let deferred = handsOff(handler, sends ? site.node : undefined);
      if (!deferred && handler.kind === 'function') {
        // A plain function called in this file answers for its callers; one that takes the response first is a helper.
        if (callersOf(context, handler.node).length > 0) deferred = someCallerHandsOff(handler, sends, 0);
        else if (isResponseHelper(handler, site.framework, site.response)) return;
      }
      if (deferred) {
        if (requireMonitor && !pointsToMonitor(site, handler)) context.report({ node: site.status, messageId: 'acceptedWithoutMonitor' });
        return;
      }
      const ok = replacement(site, value, 200);
      const created = replacement(site, value, 201);
      context.report({
        node: site.status,
        messageId: 'acceptedWithoutQueue',
        suggest: [
          { messageId: 'suggestOk', data: { status: ok.status }, fix: ok.fix },
          { messageId: 'suggestCreated', data: { status: created.status }, fix: created.fix },
        ],
      });
    };

    const sites = visitStatusSites(
      context,
      ADAPTERS,
      { comparisons: false, assertions: false, accepts: (code) => code === ACCEPTED },
      (site, value) => {
        if (!isResponseSite(site) || site.redirect || value?.value !== ACCEPTED) return;
        if (isInsideTestDouble(context, site.node)) return;
        accepted.push({ site, value });
      },
    );

    return {
      ...sites,
      'Program:exit'(program) {
        if (accepted.length === 0) return;
        deferrals = trackDeferrals(context, { queueCalls: options.queueCalls ?? [] });
        monitors = requireMonitor ? trackStatusMonitors() : undefined;
        replay(context.sourceCode, program, mergeListeners(deferrals.listener, monitors?.listener ?? {}));
        for (const { site, value } of accepted) check(site, value);
      },
    };
  },
});
