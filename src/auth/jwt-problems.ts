import { errors } from 'jose';

export interface TokenProblem {
  /** A short reason for the caller; never quotes the token, a key or a signature. */
  problem: string;
  /** True when the fault is the gateway's or the key server's, not the caller's: worth a warning. */
  operational: boolean;
  /** For operators, when `operational`: the error's code or class name, nothing from the token. */
  detail?: string;
}

const CLAIM_NAMES: Record<string, string> = {
  aud: 'audience',
  iss: 'issuer',
  sub: 'subject',
  exp: 'expiry',
  nbf: 'not-before time',
  iat: 'issue time',
};

/** What a jose verification failure means to the caller; `remoteKeys`: keys come from a JWKS URL. */
export function tokenProblemOf(error: unknown, remoteKeys: boolean): TokenProblem {
  const refused = (problem: string): TokenProblem => ({ problem, operational: false });
  if (error instanceof errors.JWTExpired) return refused('the bearer token has expired');
  if (error instanceof errors.JWTClaimValidationFailed) {
    const claim = CLAIM_NAMES[error.claim];
    if (error.claim === 'nbf' && error.reason === 'check_failed') return refused('the bearer token is not valid yet');
    if (!claim) return refused('the bearer token has an invalid claim');
    if (error.reason === 'missing') return refused(`the bearer token has no ${claim} ("${error.claim}" claim)`);
    if (error.reason === 'check_failed') return refused(`the bearer token's ${claim} is not accepted`);
    return refused(`the bearer token's ${claim} is invalid`);
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) return refused("the bearer token's signature is invalid");
  if (error instanceof errors.JOSEAlgNotAllowed) return refused("the bearer token's signing algorithm is not accepted");
  if (error instanceof errors.JWKSNoMatchingKey) return refused("the bearer token's signing key is not known");
  if (error instanceof errors.JWKSMultipleMatchingKeys) return refused("the bearer token's signing key is ambiguous (name it with \"kid\")");
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) return refused('the bearer token is malformed');
  if (error instanceof errors.JOSENotSupported) return refused("the bearer token's signing algorithm is not supported");
  // Left: the key server did not answer (a timeout, a refused connection), answered no key set,
  // or served a key that cannot be used; or something unforeseen.
  return {
    problem: remoteKeys ? 'the signing keys could not be fetched; try again shortly' : 'the bearer token could not be verified',
    operational: true,
    detail: errorKind(error),
  };
}

function errorKind(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const code = (error as { code?: unknown }).code ?? (error.cause as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? `${error.name} ${code}` : error.name;
}
