/** TEMPORARY instrumentation (IM_SLOT_TRACE=1): one stderr line per slot event, read by bench:cluster. */
const on = process.env.IM_SLOT_TRACE === '1';
export const slotTrace = {
  on,
  currentLease: '',
  emit(ev: string, fields: Record<string, unknown>): void {
    if (!on) return;
    process.stderr.write(`SLOTTRACE ${JSON.stringify({ ev, pid: process.pid, t: performance.timeOrigin + performance.now(), ...fields })}\n`);
  },
};
