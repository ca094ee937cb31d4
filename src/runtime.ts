/**
 * The Node.js lines the gateway supports, checked before anything else is loaded.
 *
 * Node 24 is the active LTS and what `npm install` brings (the npm `node` package puts its binary
 * at node_modules/.bin/node, which npm scripts find first). Node 22 is the maintenance LTS, tested
 * in CI. Node 20 reached its end of life in April 2026, and better-sqlite3 13 and undici 8 need 22:
 * undici 8 sets the floor, 22.19.0. Newer lines are allowed, as `engines` in package.json says.
 */
const OLDEST_SUPPORTED = { major: 22, minor: 19 } as const;
const ACTIVE_LTS = 24;

/** Why this Node cannot run the gateway, or null when it can. */
export function unsupportedRuntime(version: string = process.versions.node): string | null {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  if (major >= ACTIVE_LTS) return null;
  if (major === OLDEST_SUPPORTED.major && minor >= OLDEST_SUPPORTED.minor) return null;
  return (
    `Node ${version} cannot run the gateway: it supports Node 24 LTS and Node 22 LTS (22.19 or later). ` +
    'Start it with `npm start`, which runs the Node 24 that `npm install` brought (node_modules/.bin/node), ' +
    'or install Node 24 LTS.'
  );
}
