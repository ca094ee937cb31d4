import { GraphQLClient, type Variables } from 'graphql-request';
import { describe, expect, it } from 'vitest';
import { useGateways } from '../kit/gateway-kit.js';
import { driveLifecycle, warningsDuring, type ClientUnderTest } from './lifecycle.js';

const gateways = useGateways();

/**
 * graphql-request keeps no cache: the lifecycle checks that every answer's group equals what the
 * gateway reads next. Mutations always go as POST; reads as `readMethod`.
 */
function graphqlRequestClient(url: string, userId: string, readMethod: 'GET' | 'POST'): ClientUnderTest {
  const headers = { 'x-user-id': userId };
  const writer = new GraphQLClient(`${url}/graphql`, { headers });
  const reader = new GraphQLClient(`${url}/graphql`, { headers, method: readMethod });
  return {
    mutate: (document, variables) => writer.request({ document, variables: variables as Variables }),
    cached: null,
    network: (document, variables) => reader.request({ document, variables: variables as Variables }),
  };
}

describe('graphql-request', () => {
  it.each(['POST', 'GET'] as const)('follows the whole lifecycle with reads as %s, no warning printed', async (readMethod) => {
    const gateway = await gateways();

    const warnings = await warningsDuring(() => driveLifecycle((userId) => graphqlRequestClient(gateway.url, userId, readMethod)));

    expect(warnings).toEqual([]);
  });
});
