/**
 * Text that people typed (group names, nicknames, announcements) or chose (user ids, shown when
 * a member has no nickname), made safe to show inside a notice that every member's client renders as coming from
 * the system: no line breaks or other control characters (a name holding "\n\n[System] …" must
 * not start a line of its own), no bidi overrides or isolates (which reorder what follows), no
 * zero-width characters (which hide text or make two names look alike). Control characters and
 * line or paragraph separators become a space; format characters (Unicode category Cf: bidi
 * controls, zero-width space and joiners, BOM, soft hyphen) are dropped, except a zero-width
 * joiner between two emoji, which is what draws 👩‍💻 as one picture.
 */
const BREAKING = /[\p{Cc}\p{Zl}\p{Zp}]+/gu;
const FORMAT = /\p{Cf}/gu;
const PICTOGRAPH_BEFORE = /\p{Extended_Pictographic}\uFE0F?$/u;
const PICTOGRAPH_AFTER = /^\p{Extended_Pictographic}/u;

export function displayText(text: string, fallback: string): string {
  const shown = text
    .replace(BREAKING, ' ')
    .replace(FORMAT, (match, offset: number, whole: string) =>
      match === '\u200D' && PICTOGRAPH_BEFORE.test(whole.slice(Math.max(0, offset - 3), offset)) && PICTOGRAPH_AFTER.test(whole.slice(offset + 1, offset + 3))
        ? match
        : '',
    )
    .replace(/\s+/gu, ' ')
    .trim();
  return shown.length > 0 ? shown : fallback;
}
