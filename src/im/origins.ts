/** A change of origin, for the one log line each switch deserves. */
export interface OriginSwitch {
  from: string;
  to: string;
  reason: 'failover' | 'failback';
}

/**
 * Which data-center domain to call. The IM Service asks clients to switch to the backup on a
 * timeout or a 5xx and to come back later. With hysteresis: an origin that was left is not
 * used again for `failbackAfterMs`, whatever happens meanwhile (the backup failing too, or the
 * late failures of calls that started before the switch), so each switch happens (and is logged)
 * once.
 *
 * Coming back is probed: once the rest is over, one call (the probe) goes to the preferred origin
 * while every other call stays where it is. Calls move back only when the probe succeeded; a
 * failed probe rests the origin again. So a primary that hangs costs one call per period (that
 * call's attempt timeout), not every call sent meanwhile. Success is known from `reportSuccess`,
 * or, failing that, from hearing no failure of the probe for `probeWindowMs` (longer than an
 * attempt's timeout, so a hanging probe has failed by then).
 */
export class OriginSelector {
  private active = 0;
  /** When each origin was last left (or last failed a probe); it is not used again before `failbackAfterMs` has passed. */
  private readonly leftAt: number[];
  /** The one call in flight to a rested preferred origin, if any. */
  private probe: { index: number; sentAt: number } | null = null;
  private readonly probeWindowMs: number;

  constructor(
    readonly baseUrls: readonly string[],
    private readonly failbackAfterMs: number,
    private readonly now: () => number = Date.now,
    private readonly onSwitch: (change: OriginSwitch) => void = () => {},
    probeWindowMs?: number,
  ) {
    if (baseUrls.length === 0) throw new Error('at least one IM base URL is required');
    this.leftAt = baseUrls.map(() => -Infinity);
    this.probeWindowMs = probeWindowMs ?? failbackAfterMs;
  }

  /** The origin to call now: the active one; or, once per rest, a preferred one as the probe. */
  current(): string {
    if (this.probe) {
      if (this.now() - this.probe.sentAt < this.probeWindowMs) return this.baseUrls[this.active]!;
      // No failure heard for the whole window: the probe got through.
      this.probeSucceeded();
      return this.baseUrls[this.active]!;
    }
    const preferred = this.leftAt.findIndex((left, index) => index < this.active && this.rested(left));
    if (preferred < 0) return this.baseUrls[this.active]!;
    this.probe = { index: preferred, sentAt: this.now() };
    return this.baseUrls[preferred]!;
  }

  /** `baseUrl` answered a call: if it was the probe, calls move back to it. */
  reportSuccess(baseUrl: string): void {
    if (this.probe && this.baseUrls[this.probe.index] === baseUrl) this.probeSucceeded();
  }

  /**
   * `baseUrl` failed a call. A failed probe rests its origin again, calls staying where they are.
   * Otherwise only a failure of the active origin moves calls, to the next origin not left within
   * the failback period (nor being probed); when there is none, calls stay where they are.
   */
  reportFailure(baseUrl: string): void {
    const failed = this.baseUrls.indexOf(baseUrl);
    if (this.probe && failed === this.probe.index) {
      this.leftAt[failed] = this.now();
      this.probe = null;
      return;
    }
    if (failed !== this.active) return;
    for (let step = 1; step < this.baseUrls.length; step++) {
      const candidate = (failed + step) % this.baseUrls.length;
      if (candidate !== this.probe?.index && this.rested(this.leftAt[candidate]!)) return this.switchTo(candidate, 'failover');
    }
  }

  private probeSucceeded(): void {
    const { index } = this.probe!;
    this.probe = null;
    if (index !== this.active) this.switchTo(index, 'failback');
  }

  private rested(leftAt: number): boolean {
    return this.now() - leftAt >= this.failbackAfterMs;
  }

  private switchTo(index: number, reason: OriginSwitch['reason']): void {
    const from = this.baseUrls[this.active]!;
    // Only a failed origin rests; the backup left on failback may be needed again at once.
    if (reason === 'failover') this.leftAt[this.active] = this.now();
    this.active = index;
    this.onSwitch({ from, to: this.baseUrls[index]!, reason });
  }
}
