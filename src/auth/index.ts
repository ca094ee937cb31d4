export { createAuthenticator, type Authentication, type Authenticator } from './authenticator.js';
export { graphiqlHeaders } from './graphiql-headers.js';
