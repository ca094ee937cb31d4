import { InvalidInputError } from '../errors.js';

/**
 * What group search compares, decided here once, in TypeScript, for both stores: the text a
 * group is found by is normalized before it is stored, and a query the same way, so SQLite and
 * PostgreSQL match the same characters whatever their collations, case folding or accent rules.
 */

/** The longest query taken, in characters (code points): longer is refused, not cut. */
export const MAX_QUERY_LENGTH = 100;
/** The most words a query may hold (each adds its terms to the statement). */
export const MAX_QUERY_WORDS = 8;
/** Words this long or longer are looked up in the trigram index; shorter ones only narrow what it found. */
export const MIN_INDEXED_WORD = 3;
/** Words this long or longer also match with a typo: two thirds of their trigrams present. */
export const MIN_TYPO_WORD = 5;

/**
 * Lower case, compatibility-decomposed (NFKD: "ﬁ" is "fi", "é" is "e" plus an accent), accents
 * and other marks dropped, and every run of anything but letters and digits one space. So "Café
 * Noir!" and "cafe noir" are the same text, and a query holds nothing any store could read as
 * syntax: no quote, star, hyphen, parenthesis, percent or underscore survives.
 */
export function searchableText(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * What search finds a group by: its name, and the text it matches in. Adding a field (the
 * description) is one more entry in `text`; the index is rebuilt from this on every change.
 */
export function searchDocument(group: { name: string }): { nameText: string; text: string } {
  const nameText = searchableText(group.name);
  return { nameText, text: [nameText].filter(Boolean).join(' ') };
}

/** One word of a query, with the trigrams its typo-tolerant match counts. */
export interface SearchWord {
  word: string;
  /** Distinct three-character substrings; empty for words shorter than MIN_TYPO_WORD (no typo match). */
  trigrams: string[];
  /** How many of `trigrams` a text must hold to match with a typo. */
  trigramsNeeded: number;
}

/** A query as the stores run it: its distinct words, in order. */
export interface SearchTerms {
  words: SearchWord[];
  /** The words joined: what a cursor is bound to, so it is refused with another query. */
  key: string;
}

/**
 * The query's words, or a refusal (BAD_USER_INPUT) saying what to change: a query over
 * MAX_QUERY_LENGTH characters or MAX_QUERY_WORDS words, or one with no word of MIN_INDEXED_WORD
 * letters or digits (nothing the index can look up: it would read every public group).
 */
export function searchTerms(query: string): SearchTerms {
  if ([...query].length > MAX_QUERY_LENGTH) refuse(`Use at most ${MAX_QUERY_LENGTH} characters`);
  const words = [...new Set(searchableText(query).split(' ').filter(Boolean))];
  if (words.length > MAX_QUERY_WORDS) refuse(`Use at most ${MAX_QUERY_WORDS} words`);
  if (!words.some((word) => [...word].length >= MIN_INDEXED_WORD)) {
    refuse(`Give at least one word of ${MIN_INDEXED_WORD} or more letters or digits`);
  }
  return { words: words.map(searchWord), key: words.join(' ') };
}

function searchWord(word: string): SearchWord {
  const characters = [...word];
  if (characters.length < MIN_TYPO_WORD) return { word, trigrams: [], trigramsNeeded: 0 };
  const trigrams = [...new Set(characters.slice(0, -2).map((_, i) => characters.slice(i, i + 3).join('')))];
  return { word, trigrams, trigramsNeeded: Math.ceil((trigrams.length * 2) / 3) };
}

function refuse(message: string): never {
  throw new InvalidInputError([{ path: ['input', 'query'], message }]);
}
