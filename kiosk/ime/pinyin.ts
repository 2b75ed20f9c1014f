// Pinyin to Chinese candidates, pure: the kiosk's on-screen keyboard types letters, this module
// splits them into syllables the way people type (full syllables, initials as abbreviations —
// "bj" → 北京 —, the last syllable still being typed — "zhangw" → 张伟 —, ' to split "xi'an",
// v or ü for ü) and ranks the dictionary's words by frequency. The dictionary is the compact form
// made by scripts/ime-dictionary.mjs (one line per key: `bei'jing 北京63 背景52`).

interface Entry {
  word: string;
  syllables: readonly string[];
  /** round(4·log2(1 + count)): 4 more is twice as frequent. */
  weight: number;
}

export interface Dictionary {
  /** The entries whose syllables start with these letters ("bj"), parsed on first use. */
  entries(letters: string): readonly Entry[];
  /** Every complete syllable of the dictionary (ü as v). */
  syllables: ReadonlySet<string>;
  /** Every prefix of a syllable ("z", "zh", "zha", "zhan", "zhang"). */
  prefixes: ReadonlySet<string>;
  maxSyllables: number;
  size: number;
}

export interface Candidate {
  text: string;
  /** How many characters of the (normalized) pinyin the candidate converts, from its start. */
  consumed: number;
  score: number;
}

/** Initials a person may type alone for a syllable ("bj", "zhg", "zg"). */
const INITIALS = new Set(['b', 'p', 'm', 'f', 'd', 't', 'n', 'l', 'g', 'k', 'h', 'j', 'q', 'x', 'zh', 'ch', 'sh', 'r', 'z', 'c', 's', 'y', 'w']);
/** A score step per syllable more than the fewest the input splits into (a quarter as likely). */
const EXTRA_SYLLABLE = 8;
/** A score step per abbreviated syllable (half as likely). */
const ABBREVIATED = 4;
/** Splits with more syllables than the fewest plus this are not considered. */
const MAX_EXTRA = 2;

/**
 * Reads the compact dictionary. Only the lines are sorted into groups by first letters here; a
 * group's words become entries the first time a lookup needs them, so opening the keyboard does not
 * wait for all 65,000 words to be parsed.
 */
export function parseDictionary(text: string): Dictionary {
  const lines = new Map<string, string[]>();
  const syllables = new Set<string>();
  let maxSyllables = 1;
  let size = 0;
  for (const line of text.split('\n')) {
    const space = line.indexOf(' ');
    if (space <= 0 || line.startsWith('#')) continue;
    const parts = line.slice(0, space).split("'");
    for (const s of parts) syllables.add(s);
    maxSyllables = Math.max(maxSyllables, parts.length);
    const letters = parts.map((s) => s[0]).join('');
    const group = lines.get(letters);
    if (group) group.push(line);
    else lines.set(letters, [line]);
    for (let at = space; at >= 0; at = line.indexOf(' ', at + 1)) size += 1;
  }
  const parsed = new Map<string, Entry[]>();
  const entries = (letters: string): readonly Entry[] => {
    let list = parsed.get(letters);
    if (list) return list;
    list = [];
    for (const line of lines.get(letters) ?? []) {
      const space = line.indexOf(' ');
      const parts = line.slice(0, space).split("'");
      for (const item of line.slice(space + 1).split(' ')) {
        let digits = item.length;
        while (digits > 0 && item.charCodeAt(digits - 1) <= 57) digits -= 1;
        list.push({ word: item.slice(0, digits), syllables: parts, weight: Number(item.slice(digits)) });
      }
    }
    parsed.set(letters, list);
    return list;
  };
  const prefixes = new Set<string>();
  for (const s of syllables) for (let i = 1; i <= s.length; i += 1) prefixes.add(s.slice(0, i));
  return { entries, syllables, prefixes, maxSyllables, size };
}

/** What the letter keys (or a physical keyboard) typed, as the dictionary spells it: ü → v. */
export function normalizePinyin(input: string): string {
  return input
    .toLowerCase()
    .replaceAll('ü', 'v')
    .replaceAll('u:', 'v')
    .replace(/[^a-z']/g, '')
    .replace(/'+/g, "'");
}

/** A syllable with a vowel (the dictionary's m, n, ng, hm are interjections: typed, they are initials). */
const complete = (dict: Dictionary, token: string) => dict.syllables.has(token) && /[aeiouv]/.test(token);

interface Token {
  text: string;
  end: number;
  /** Matches syllables starting with it (an initial, or the last syllable still being typed). */
  open: boolean;
}

/** The tokens that can start at `i`: complete syllables, initials, and at the end any syllable's prefix. */
function tokensAt(dict: Dictionary, input: string, i: number): Token[] {
  const out: Token[] = [];
  let end = i;
  while (end < input.length && input[end] !== "'") end += 1;
  for (let j = i + 1; j <= Math.min(end, i + 6); j += 1) {
    const text = input.slice(i, j);
    if (!dict.prefixes.has(text)) break;
    const last = j === end && input.slice(j).replace(/'/g, '') === '';
    const next = j === end ? skipQuotes(input, j) : j;
    if (INITIALS.has(text)) out.push({ text, end: next, open: true });
    else if (complete(dict, text)) out.push({ text, end: next, open: false });
    else if (last) out.push({ text, end: next, open: true });
  }
  return out;
}

const skipQuotes = (input: string, i: number) => {
  while (input[i] === "'") i += 1;
  return i;
};

/** The fewest tokens the rest of the input from each position splits into (Infinity: it cannot). */
function fewestTokens(dict: Dictionary, input: string): number[] {
  const fewest = new Array<number>(input.length + 1).fill(Infinity);
  fewest[input.length] = 0;
  for (let i = input.length - 1; i >= 0; i -= 1) {
    if (input[i] === "'") {
      fewest[i] = fewest[i + 1]!;
      continue;
    }
    for (const t of tokensAt(dict, input, i)) fewest[i] = Math.min(fewest[i]!, 1 + fewest[t.end]!);
  }
  return fewest;
}

function matches(entry: Entry, tokens: readonly Token[]): boolean {
  for (let k = 0; k < tokens.length; k += 1) {
    const t = tokens[k]!;
    const s = entry.syllables[k]!;
    if (t.open ? !s.startsWith(t.text) : s !== t.text) return false;
  }
  return true;
}

/**
 * Candidates for the typed pinyin, best first: words converting all of it (by frequency, fewer
 * syllables and fewer abbreviations first), then words converting a leading part (longer first).
 */
export function candidates(dict: Dictionary, typed: string, limit = 300): Candidate[] {
  const input = normalizePinyin(typed);
  const start = skipQuotes(input, 0);
  if (start >= input.length) return [];
  const fewest = fewestTokens(dict, input);
  if (fewest[start] === Infinity) return fallbackPrefix(dict, input, start, limit);
  const best = new Map<string, Candidate>();
  const path: Token[] = [];
  const visit = (i: number, abbreviated: number) => {
    for (const t of tokensAt(dict, input, i)) {
      if (fewest[t.end] === Infinity) continue;
      const extra = path.length + 1 + fewest[t.end]! - fewest[start]!;
      if (extra > MAX_EXTRA) continue;
      path.push(t);
      const abbr = abbreviated + (t.open ? 1 : 0);
      const letters = path.map((p) => p.text[0]).join('');
      // A leading part only along the best split ("xian" offers no 西 from xi'an, "zhangwei" offers 张).
      const whole = t.end === input.length;
      for (const entry of whole || extra === 0 ? dict.entries(letters) : []) {
        if (entry.syllables.length !== path.length || !matches(entry, path)) continue;
        const score = entry.weight - EXTRA_SYLLABLE * extra - ABBREVIATED * abbr;
        const key = `${entry.word}@${t.end}`;
        const had = best.get(key);
        if (!had || had.score < score) best.set(key, { text: entry.word, consumed: t.end, score });
      }
      if (path.length < dict.maxSyllables && t.end < input.length) visit(t.end, abbr);
      path.pop();
    }
  };
  visit(start, 0);
  return [...best.values()]
    .sort((a, b) => b.consumed - a.consumed || b.score - a.score)
    .slice(0, limit);
}

/** Input that splits into no syllables ("zhangi"): the words of its longest leading part that does. */
function fallbackPrefix(dict: Dictionary, input: string, start: number, limit: number): Candidate[] {
  for (let end = input.length - 1; end > start; end -= 1) {
    const found = candidates(dict, input.slice(0, end), limit);
    if (found.length > 0) return found;
  }
  return [];
}

/** The typed pinyin as shown: split into syllables by ' (the fewest), ü as ü. */
export function displayPinyin(dict: Dictionary, typed: string): string {
  const input = normalizePinyin(typed);
  const fewest = fewestTokens(dict, input);
  const parts: string[] = [];
  let i = skipQuotes(input, 0);
  while (i < input.length) {
    const options = tokensAt(dict, input, i).filter((t) => fewest[t.end] === fewest[i]! - 1);
    // Of the splits with the fewest syllables: not leaving a syllable that starts with a vowel
    // ("san'ge'yue", not "sang'e'yue"), then the longest syllable first ("zhang'wei").
    const vowelNext = (t: Token) => (/[aeo]/.test(input[t.end] ?? '') ? 1 : 0);
    const t = options.sort((a, b) => vowelNext(a) - vowelNext(b) || b.text.length - a.text.length)[0];
    if (!t) {
      parts.push(input.slice(i).replace(/'/g, ''));
      break;
    }
    parts.push(t.text);
    i = t.end;
  }
  return parts.join("'").replaceAll('v', 'ü');
}

/** The pinyin left after picking a candidate that converts its first `consumed` characters. */
export const restAfter = (typed: string, consumed: number) => normalizePinyin(typed).slice(consumed).replace(/^'+/, '');
