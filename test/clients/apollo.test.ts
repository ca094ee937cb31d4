import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { loadDevMessages, loadErrorMessages } from '@apollo/client/dev';
import { describe, expect, it } from 'vitest';
import fragmentMatcher from '../../schema/possible-types.json' with { type: 'json' };
import { useGateways } from '../kit/gateway-kit.js';
import { driveLifecycle, warningsDuring, type ClientUnderTest } from './lifecycle.js';

// Apollo prints its warnings as codes unless its messages are loaded: load them, so a warning reads in full.
loadDevMessages();
loadErrorMessages();

const gateways = useGateways();

/**
 * Apollo Client 4 as a frontend team starts it: an HttpLink and an InMemoryCache with the one
 * option Apollo requires of a schema with unions and interfaces, `possibleTypes` (without it,
 * Apollo warns on every union answer: "Cannot match ... missing possibleTypes").
 */
function apolloClient(url: string, userId: string, cache = new InMemoryCache({ possibleTypes: fragmentMatcher.possibleTypes })): ClientUnderTest {
  const client = new ApolloClient({ link: new HttpLink({ uri: `${url}/graphql`, headers: { 'x-user-id': userId } }), cache });
  return {
    async mutate(mutation, variables) {
      const { data, error } = await client.mutate({ mutation, variables: variables as never });
      expect(error).toBeUndefined();
      return data as never;
    },
    async cached(query, variables) {
      const { data } = await client.query({ query, variables: variables as never, fetchPolicy: 'cache-only' });
      return data as never;
    },
    async network(query, variables) {
      const { data, error } = await client.query({ query, variables: variables as never, fetchPolicy: 'network-only' });
      expect(error).toBeUndefined();
      return data as never;
    },
  };
}

describe('Apollo Client 4 with InMemoryCache (defaults, and the possibleTypes npm run codegen writes)', () => {
  it('follows the whole lifecycle from the answers alone: cached reads equal the network, no warning printed', async () => {
    const gateway = await gateways();

    const warnings = await warningsDuring(() => driveLifecycle((userId) => apolloClient(gateway.url, userId)));

    expect(warnings).toEqual([]);
  });

  it('with no configuration at all, never warns of cache data lost (every object it normalizes has an id); only union matching is left', async () => {
    const gateway = await gateways();

    const warnings = await warningsDuring(() => driveLifecycle((userId) => apolloClient(gateway.url, userId, new InMemoryCache())));

    // What the issue saw ("Cache data may be lost when replacing the owner field") is gone; what
    // remains is Apollo asking for possibleTypes on each union answer, which the test above gives.
    expect(warnings.filter((warning) => /may be lost/i.test(warning))).toEqual([]);
    expect(warnings.filter((warning) => !/missing `possibleTypes`/.test(warning))).toEqual([]);
  });
});
