/** Who is asking, and by when they need an answer. */
export interface RequestScope {
  callerId: string | null;
  /** Why no caller could be named (an expired token, say), for the error the client sees. */
  authProblem?: string | null;
  /** A credential was sent and refused: every read is refused too, even one that needs no caller. */
  credentialsRefused?: boolean;
  requestId: string;
  /** Epoch ms; IM work not finished by then continues in the background. */
  deadlineAt: number;
}
