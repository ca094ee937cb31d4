import { randomUUID } from 'node:crypto';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import type { Logger } from 'pino';
import type { Authenticator } from '../auth/index.js';
import { DomainError } from '../groups/errors.js';
import type { GroupEvent } from '../groups/events/event.js';
import type { EventStreams } from '../groups/events/event-streams.js';
import type { GroupService } from '../groups/service.js';
import { requestBodyLimitPlugin } from '../http/body-limit.js';
import { privateAnswersPlugin } from '../http/cache-control.js';
import { corsFor, varyOnOriginPlugin } from '../http/cors.js';
import { csrfPreventionPlugin } from '../http/csrf-prevention.js';
import { graphiqlPlugin } from '../http/graphiql.js';
import type { Context } from './context.js';
import { jitPlugin } from './jit.js';
import { MAX_REQUEST_BYTES, queryLimitsPlugins } from './limits.js';
import { isBadRequest, maskError } from './error-codes.js';
import { exampleTabs } from './operations.js';
import { schema } from './schema.js';

export interface GraphQLServerOptions {
  service: GroupService;
  /** The subscriptions' use cases. */
  events: EventStreams<GroupEvent>;
  logger: Logger;
  /** How long a request may wait for the IM Service before answering with what it has. */
  requestDeadlineMs: number;
  /** Names the caller of each request (a bearer token, or `X-User-Id` in dev mode). */
  authenticator: Authenticator;
  /** Serve GraphiQL at the endpoint to browsers. */
  graphiql: boolean;
  /** Headers GraphiQL's example tabs start with; null: none. */
  graphiqlHeaders: Record<string, string> | null;
  /** Web origins allowed to call from a browser (`CORS_ORIGINS`); no other origin gets a CORS header. */
  corsOrigins: readonly string[];
  /** "Did you mean …" for a misspelt field: on in embedded dev mode, where callers are developers. */
  fieldSuggestions: boolean;
  /** HTTP-level plugins of the app (metrics, readiness). */
  plugins?: Plugin[];
}

export type GraphQLServer = YogaServerInstance<Record<string, never>, Context>;

/**
 * Yoga over the schema: GraphiQL from local assets (rendered once, compressed and cacheable), unexpected errors masked, `/health` built
 * in, query limits, a body limit, no batching, GET for queries and CSRF prevention.
 */
export function createGraphQLServer(options: GraphQLServerOptions): GraphQLServer {
  return createYoga<Record<string, never>, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    landingPage: false,
    // Domain refusals of a read keep their message and get a code; anything unexpected is masked.
    maskedErrors: { maskError },
    logging: yogaLogger(options.logger),
    // Served by graphiqlPlugin: Yoga would render its 9 MB page anew for every request.
    graphiql: false,
    batching: false,
    cors: corsFor(options.corsOrigins),
    // Limited by requestBodyLimitPlugin, which counts only bodies that declare no length.
    maxRequestBodySize: false,
    plugins: [
      requestBodyLimitPlugin(MAX_REQUEST_BYTES),
      varyOnOriginPlugin(),
      privateAnswersPlugin(),
      ...(options.graphiql ? [graphiqlPlugin('/graphql', () => graphiqlPage(options.graphiqlHeaders))] : []),
      // Before jitPlugin: refuses variables that do not fit, and costly queries, before execution.
      ...queryLimitsPlugins({ fieldSuggestions: options.fieldSuggestions }),
      // GET queries pass; a browser's "simple" POST needs a preflight header (see the plugin).
      csrfPreventionPlugin(),
      operationLogPlugin(options.logger),
      ...(options.plugins ?? []),
      jitPlugin(),
    ],
    context: async ({ request }) => {
      const deadlineAt = Date.now() + options.requestDeadlineMs;
      const { callerId, problem, refused } = await options.authenticator.authenticate(request);
      const scope = { callerId, authProblem: problem, credentialsRefused: refused, requestId: requestIdFrom(request.headers.get('x-request-id')), deadlineAt };
      return { service: options.service, reader: options.service.reader(scope), scope, events: options.events };
    },
  });
}

/** GraphiQL with one tab per example operation, each with its variables and the headers a caller needs here. */
function graphiqlPage(graphiqlHeaders: Record<string, string> | null): string {
  const headers = graphiqlHeaders ? JSON.stringify(graphiqlHeaders, null, 2) : null;
  const tabs = exampleTabs().map(({ query, variables }) => ({ query, headers, ...(variables ? { variables } : {}) }));
  // The headers, and the first tab's variables, go in as GraphiQL's initial editor contents too: on first open it
  // fills the editors from these (empty when unset), not from the first tab. Yoga passes `variables` on as
  // GraphiQL's `initialVariables`, though its option type does not list it.
  const firstVariables = tabs[0]?.variables;
  const options: Parameters<typeof renderGraphiQL>[0] & { variables?: string } = {
    title: 'Group gateway',
    defaultTabs: tabs,
    ...(headers ? { headers } : {}),
    ...(firstVariables ? { variables: firstVariables } : {}),
    shouldPersistHeaders: true,
  };
  return renderGraphiQL(options);
}

/** One log line per GraphQL operation, with the request id every other line of the request carries. */
function operationLogPlugin(logger: Logger): Plugin<Context> {
  const log = logger.child({ component: 'graphql' });
  return {
    onExecute({ args }) {
      const startedAt = performance.now();
      return {
        onExecuteDone({ result }) {
          const errors = 'errors' in result ? (result.errors?.length ?? 0) : 0;
          log.info(
            {
              requestId: args.contextValue.scope.requestId,
              operation: args.operationName ?? 'anonymous',
              callerId: args.contextValue.scope.callerId,
              errors,
              ms: Math.round(performance.now() - startedAt),
            },
            'graphql operation',
          );
        },
      };
    },
  };
}

/** A caller's own request id is kept when it is a plausible one (the IM Service takes at most 36 characters). */
function requestIdFrom(header: string | null): string {
  return header && /^[A-Za-z0-9._-]{1,36}$/.test(header) ? header : randomUUID();
}

function yogaLogger(logger: Logger) {
  const child = logger.child({ component: 'graphql' });
  return {
    debug: (...args: unknown[]) => child.debug(args.map(String).join(' ')),
    info: (...args: unknown[]) => child.info(args.map(String).join(' ')),
    warn: (...args: unknown[]) => child.warn(args.map(String).join(' ')),
    error: (...args: unknown[]) => {
      const err = args.find((arg) => arg instanceof Error);
      const message = args.filter((a) => !(a instanceof Error)).map(String).join(' ') || 'graphql error';
      // Yoga reports every error it translates; a domain refusal of a read (FORBIDDEN, say) is an answer, not a fault.
      if (isDomainRefusal(err)) child.debug({ err }, message);
      // A malformed request is the client's: not the operator's fault, and its details quote the client's body.
      else if (isBadRequest(err)) child.debug({ code: err.extensions.code }, err.message);
      else child.error({ err }, message);
    },
  };
}

function isDomainRefusal(error: Error | undefined): boolean {
  const original = (error as { originalError?: unknown } | undefined)?.originalError ?? error;
  return original instanceof DomainError;
}
