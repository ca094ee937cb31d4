/** TEMPORARY: where a slot's cycle goes, per taking instance, from the gateways' SLOTTRACE lines. */
interface Ev { ev: string; pid: number; t: number; lease?: string; r?: number; free?: number; from?: string | null; startInMs?: number }
interface Lease { take?: Ev; start?: Ev; answer?: Ev; end?: Ev; rel?: Ev }

export function slotTraceReport(outputs: string[]): Record<string, Record<string, number>> {
  const leases = new Map<string, Lease>();
  const full = new Map<number, number>();
  for (const text of outputs) {
    for (const line of text.split('\n')) {
      const at = line.indexOf('SLOTTRACE ');
      if (at < 0) continue;
      const e = JSON.parse(line.slice(at + 10)) as Ev;
      if (e.ev === 'full') { full.set(e.pid, (full.get(e.pid) ?? 0) + 1); continue; }
      const l = leases.get(e.lease!) ?? {};
      (l as Record<string, Ev>)[e.ev] = e;
      leases.set(e.lease!, l);
    }
  }
  // Only the measured backlog: takes after the warm-up's pause (the longest gap between two takes).
  const takeTimes = [...leases.values()].flatMap((l) => (l.take ? [l.take.t] : [])).sort((a, b) => a - b);
  let backlogFrom = 0;
  for (let i = 1, gap = 0; i < takeTimes.length; i++) if (takeTimes[i]! - takeTimes[i - 1]! > gap) [gap, backlogFrom] = [takeTimes[i]! - takeTimes[i - 1]!, takeTimes[i]!];
  const rows: Record<string, Record<string, number[]>> = {};
  const cold: Record<string, number> = {};
  for (const y of leases.values()) {
    if (!y.take || !y.start || y.take.t < backlogFrom) continue;
    const key = `pid ${y.take.pid}`;
    if (!y.take.from) { cold[key] = (cold[key] ?? 0) + 1; continue; }
    const x = leases.get(y.take.from);
    if (!x?.start || !x.answer || !x.rel) continue;
    const row = (rows[key] ??= {});
    const add = (name: string, v: number) => (row[name] ??= []).push(v);
    add('callMs', x.answer.t - x.start.t);
    const freeAt = x.rel.free ?? x.rel.r!;
    add('answerToFreeMs', freeAt - x.answer.t - 1002);
    add('freeToTakeMs', y.take.r! - freeAt);
    add('takeToStartMs', y.start.t - y.take.r!);
    add('cycleMs', y.start.t - x.start.t);
    add('windowEndToStartMs', y.start.t - x.answer.t - 1002);
    add('sameInstance', x.take!.pid === y.take.pid ? 1 : 0);
  }
  const out: Record<string, Record<string, number>> = {};
  for (const [key, row] of Object.entries(rows)) {
    const r: Record<string, number> = { handoffs: row.cycleMs!.length, cold: cold[key] ?? 0, full: full.get(Number(key.slice(4))) ?? 0 };
    for (const [name, values] of Object.entries(row)) {
      const sorted = [...values].sort((a, b) => a - b);
      const mean = values.reduce((s, v) => s + v, 0) / values.length;
      r[`${name}`] = Math.round(mean * 10) / 10;
      if (name !== 'sameInstance') {
        r[`${name}P50`] = Math.round(sorted[Math.floor(sorted.length * 0.5)]! * 10) / 10;
        r[`${name}P90`] = Math.round(sorted[Math.floor(sorted.length * 0.9)]! * 10) / 10;
      }
    }
    out[key] = r;
  }
  return out;
}

/** Transposed for a narrow table: one row per figure, one column per instance. */
export function transposed(report: Record<string, Record<string, number>>): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const [instance, row] of Object.entries(report)) for (const [name, v] of Object.entries(row)) (out[name] ??= {})[instance] = v;
  return out;
}
