// Makes the kiosk's pinyin dictionary (kiosk/ime/pinyin-simp.txt) from the Rime project's
// `pinyin_simp` dictionary (Debian package `rime-data-pinyin-simp`, Apache-2.0, derived from the
// Android Pinyin IME's word list with its frequencies). The output is committed; run again after a
// new release of the package: `apt-get install rime-data-pinyin-simp && npm run ime:dictionary`
// (or `npm run ime:dictionary -- path/to/pinyin_simp.dict.yaml`).
//
// Compact form, one line per pinyin key, keys sorted, words by frequency (highest first):
//   bei'jing 北京63 背景52 …
// Syllables are separated by ' and ü is written v (lv, nve), as in the source. A frequency is kept
// as round(4·log2(1 + count)) (0–68): steps of 19 %, plenty to rank candidates, a third smaller.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SOURCE = process.argv[2] ?? '/usr/share/rime-data/pinyin_simp.dict.yaml';
const OUT = fileURLToPath(new URL('../kiosk/ime/pinyin-simp.txt', import.meta.url));

const text = readFileSync(SOURCE, 'utf8');
const body = text.slice(text.indexOf('\n...') + 4);
/** @type {Map<string, Array<[string, number]>>} */
const byKey = new Map();
let entries = 0;
for (const line of body.split('\n')) {
  const [word, code, weight] = line.split('\t');
  if (!word || !code || weight === undefined || line.startsWith('#')) continue;
  // Words only of Han characters: the compact form separates words from weights by digits.
  if (!/^\p{Script=Han}+$/u.test(word) || !/^[a-z]+( [a-z]+)*$/.test(code)) continue;
  const key = code.replaceAll(' ', "'");
  const list = byKey.get(key) ?? [];
  if (list.some(([w]) => w === word)) continue;
  list.push([word, Number(weight) || 0]);
  byKey.set(key, list);
  entries += 1;
}
const lines = [...byKey.keys()].sort().map((key) => {
  const words = byKey.get(key).sort((a, b) => b[1] - a[1]);
  return `${key} ${words.map(([w, n]) => `${w}${Math.round(4 * Math.log2(1 + n))}`).join(' ')}`;
});
const version = /^version: "?([^"\n]+)"?$/m.exec(text)?.[1] ?? '?';
const header = [
  `# Rime pinyin_simp dictionary, version ${version} (Debian package rime-data-pinyin-simp), derived from the`,
  '# Android Pinyin IME word list. Apache License 2.0. Made by scripts/ime-dictionary.mjs: key, then word+frequency.',
];
writeFileSync(OUT, `${[...header, ...lines].join('\n')}\n`);
console.log(`${entries} words under ${lines.length} keys → ${OUT}`);
