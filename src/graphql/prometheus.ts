import { createCounter, createHistogram, usePrometheus, type FillLabelsFnParams } from '@graphql-yoga/plugin-prometheus';
import type { Plugin } from 'graphql-yoga';
import type { Registry } from 'prom-client';
import { OperationLabels } from './operation-labels.js';

/** The GraphQL phases an error can be counted in: a fixed set, unlike the error's path (aliases are the client's). */
const PHASES = new Set(['parse', 'validate', 'context', 'execute', 'subscribe']);
const OPERATION_TYPES = new Set(['query', 'mutation', 'subscription']);

/**
 * Yoga's Prometheus metrics, every label drawn from a bounded set: the operation name through
 * {@link OperationLabels}, the type and phase from fixed lists, no URL and no error path. The
 * per-phase histograms and the summary are off: they cost more per request than they tell an
 * operator here. `/metrics` itself is served by `metricsEndpointPlugin`.
 */
export function graphqlMetricsPlugin(registry: Registry, labels = new OperationLabels()): Plugin {
  const operation = (params: FillLabelsFnParams) => ({
    operationName: labels.label(params.operationName),
    operationType: params.operationType && OPERATION_TYPES.has(params.operationType) ? params.operationType : 'unknown',
  });
  return usePrometheus({
    registry,
    endpoint: false,
    metrics: {
      graphql_envelop_request: createCounter({
        registry,
        counter: { name: 'graphql_envelop_request', help: 'GraphQL operations executed, by operation.', labelNames: ['operationName', 'operationType'] },
        fillLabelsFn: operation,
      }),
      graphql_envelop_request_duration: createHistogram({
        registry,
        histogram: {
          name: 'graphql_envelop_request_duration',
          help: 'Time spent running a GraphQL operation, from parse to execute.',
          labelNames: ['operationName', 'operationType'],
        },
        fillLabelsFn: operation,
      }),
      graphql_envelop_error_result: createCounter({
        registry,
        counter: {
          name: 'graphql_envelop_error_result',
          help: 'GraphQL errors, by operation and by the phase they arose in.',
          labelNames: ['operationName', 'operationType', 'phase'],
        },
        fillLabelsFn: (params) => ({ ...operation(params), phase: params.errorPhase && PHASES.has(params.errorPhase) ? params.errorPhase : 'unknown' }),
      }),
      graphql_yoga_http_duration: createHistogram({
        registry,
        histogram: {
          name: 'graphql_yoga_http_duration',
          help: 'Time spent answering a GraphQL HTTP request, by operation, method and status.',
          labelNames: ['operationName', 'operationType', 'method', 'statusCode'],
        },
        // Node's HTTP parser accepts only the methods it knows, and statuses are ours: both bounded.
        fillLabelsFn: (params: FillLabelsFnParams & { request: Request; response: Response }) => ({
          ...operation(params),
          method: params.request.method,
          statusCode: params.response.status,
        }),
      }),
      graphql_envelop_deprecated_field: false,
      graphql_envelop_request_time_summary: false,
      graphql_envelop_phase_parse: false,
      graphql_envelop_phase_validate: false,
      graphql_envelop_phase_context: false,
      graphql_envelop_phase_execute: false,
      graphql_envelop_phase_subscribe: false,
      graphql_envelop_schema_change: false,
      graphql_envelop_execute_resolver: false,
    },
  });
}
