export type FaultKind = 'error500' | 'timeout504' | 'hang' | 'drop' | 'rateLimited' | 'code1000';

export interface Faults {
  latencyMs: number;
  error500Rate: number;
  timeout504Rate: number;
  hangRate: number;
  dropRate: number;
  rateLimitedRate: number;
  /** Calls answered code 1000 with `code1000Status` (the service's "internal or parameter error": maybe permanent). */
  code1000Rate: number;
  /** The HTTP status a code 1000 fault travels with: the service is documented with 500, but any may be tried. */
  code1000Status: number;
  /** Every call naming one of these groups (`groupId`, `toGroupId`) answers code 1000: a storm on some groups only. */
  code1000Groups: string[];
  failNext: FaultKind[];
}

export const FAULT_KINDS: readonly FaultKind[] = ['error500', 'timeout504', 'hang', 'drop', 'rateLimited', 'code1000'];

/** Rate fields in the order a single draw is matched against them. */
const RATE_FIELDS = [
  ['error500Rate', 'error500'],
  ['timeout504Rate', 'timeout504'],
  ['hangRate', 'hang'],
  ['dropRate', 'drop'],
  ['rateLimitedRate', 'rateLimited'],
  // Last, so that seeds recorded before it existed replay the same draws.
  ['code1000Rate', 'code1000'],
] as const satisfies readonly (readonly [keyof Faults, FaultKind])[];

export function noFaults(): Faults {
  return {
    latencyMs: 0,
    error500Rate: 0,
    timeout504Rate: 0,
    hangRate: 0,
    dropRate: 0,
    rateLimitedRate: 0,
    code1000Rate: 0,
    code1000Status: 500,
    code1000Groups: [],
    failNext: [],
  };
}

/** mulberry32: tiny, fast and good enough to make fault runs reproducible from a seed. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Checks an untrusted partial (from the HTTP route or a caller) and returns it typed.
 * Unknown keys are rejected so that a typo does not silently leave faults off.
 */
export function parseFaultsPatch(input: unknown): Partial<Faults> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new TypeError('faults must be a JSON object');
  }
  const patch: Partial<Faults> = {};
  for (const [key, value] of Object.entries(input)) {
    if (key === 'latencyMs') {
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
        throw new TypeError('latencyMs must be a finite number >= 0');
      }
      patch.latencyMs = value;
    } else if (key === 'failNext') {
      if (!Array.isArray(value) || !value.every((kind) => FAULT_KINDS.includes(kind as FaultKind))) {
        throw new TypeError(`failNext must be an array of ${FAULT_KINDS.join(', ')}`);
      }
      patch.failNext = [...(value as FaultKind[])];
    } else if (key === 'code1000Status') {
      if (!Number.isInteger(value) || (value as number) < 100 || (value as number) > 599) {
        throw new TypeError('code1000Status must be an HTTP status from 100 to 599');
      }
      patch.code1000Status = value as number;
    } else if (key === 'code1000Groups') {
      if (!Array.isArray(value) || value.length > 1000 || !value.every((id) => typeof id === 'string')) {
        throw new TypeError('code1000Groups must be an array of at most 1000 group ids');
      }
      patch.code1000Groups = [...(value as string[])];
    } else if (RATE_FIELDS.some(([field]) => field === key)) {
      if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
        throw new TypeError(`${key} must be a number between 0 and 1`);
      }
      patch[key as (typeof RATE_FIELDS)[number][0]] = value;
    } else {
      throw new TypeError(`unknown fault field: ${key}`);
    }
  }
  return patch;
}

/** The faults in force, plus the seeded RNG that decides which call gets one. */
export class FaultState {
  private current: Faults = noFaults();
  private random: () => number;

  constructor(private readonly seed: number) {
    this.random = mulberry32(seed);
  }

  get latencyMs(): number {
    return this.current.latencyMs;
  }

  snapshot(): Faults {
    return { ...this.current, failNext: [...this.current.failNext], code1000Groups: [...this.current.code1000Groups] };
  }

  /** The HTTP status of a code 1000 answer. */
  get code1000Status(): number {
    return this.current.code1000Status;
  }

  /** True when the call names a group under a code 1000 storm. */
  targetsStormedGroup(params: URLSearchParams): boolean {
    const stormed = this.current.code1000Groups;
    if (stormed.length === 0) return false;
    return [...params.getAll('groupId'), ...params.getAll('toGroupId')].some((groupId) => stormed.includes(groupId));
  }

  /**
   * Merges a partial; `failNext`, when given, replaces the queue. Takes `unknown` because
   * patches arrive from HTTP too; throws a TypeError on bad values and changes nothing then.
   */
  update(patch: unknown): Faults {
    this.current = { ...this.current, ...parseFaultsPatch(patch) };
    return this.snapshot();
  }

  /** No faults, and the RNG back at its seed so a reset run replays the same draws. */
  reset(): void {
    this.current = noFaults();
    this.random = mulberry32(this.seed);
  }

  /**
   * The fault for the next API call, or null. The queue wins; otherwise exactly one draw
   * per call, so a given seed yields the same fault sequence whatever the rates are.
   */
  next(): FaultKind | null {
    const draw = this.random();
    const queued = this.current.failNext.shift();
    if (queued !== undefined) return queued;
    let threshold = 0;
    for (const [field, kind] of RATE_FIELDS) {
      threshold += this.current[field];
      if (draw < threshold) return kind;
    }
    return null;
  }
}
