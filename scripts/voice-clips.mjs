// Makes the voice-calling clips in public/voice/ from espeak-ng's Mandarin voice (Debian package
// `espeak-ng`), so a display with no Chinese speech voice and no internet can still call numbers.
// Reproducible: `npm run voice:clips` (the clips are committed; run again after changing words);
// `npm run voice:clips -- zuohao-zhunbei` makes only the named clips and leaves the others as they are.
// A hall may replace any clip with a recording of the same name (16-bit mono WAV).
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CLIP_TEXTS } from '../common/voice.ts';

const OUT = fileURLToPath(new URL('../public/voice/', import.meta.url));
const RATE = 11025; // telephone-like quality is plenty for a hall PA, at half the size
const SPEED = 140; // words per minute: slower than espeak's default, for elderly listeners

/** 16-bit mono PCM samples → WAV file bytes. */
function wav(samples, rate) {
  const data = Buffer.alloc(samples.length * 2);
  samples.forEach((s, i) => data.writeInt16LE(Math.max(-32768, Math.min(32767, Math.round(s))), i * 2));
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

/**
 * espeak-ng's Mandarin voice for `text`. Chinese goes through `cmn-latn-pinyin`: the plain `cmn` voice of
 * espeak-ng 1.51 (Debian 12) reads the pinyin tone numbers of its dictionary as English words
 * (号 → "hao four"); letters keep `cmn`, which names them as a Chinese hall does (A → ei).
 */
const voiceFor = (text) => (/^[A-Z]$/.test(text) ? 'cmn' : 'cmn-latn-pinyin');

/** espeak-ng's WAV (22050 Hz mono 16-bit) → samples, silence trimmed, halved in rate. */
function speak(text) {
  const run = spawnSync('espeak-ng', ['-v', voiceFor(text), '-s', String(SPEED), '--stdout', text]);
  if (run.error || run.status !== 0) throw new Error(`espeak-ng failed for "${text}": ${run.error?.message ?? run.stderr}`);
  const bytes = run.stdout;
  const dataAt = bytes.indexOf('data') + 8;
  const samples = [];
  for (let i = dataAt; i + 1 < bytes.length; i += 2) samples.push(bytes.readInt16LE(i));
  const loud = (s) => Math.abs(s) > 300;
  const start = Math.max(0, samples.findIndex(loud) - 200);
  const end = Math.min(samples.length, samples.length - [...samples].reverse().findIndex(loud) + 400);
  const trimmed = samples.slice(start, end);
  const half = [];
  for (let i = 0; i + 1 < trimmed.length; i += 2) half.push((trimmed[i] + trimmed[i + 1]) / 2);
  return half;
}

/** Two soft descending tones, before each announcement. */
function chime() {
  const tone = (freq, seconds) =>
    Array.from({ length: Math.round(RATE * seconds) }, (_, i) => {
      const t = i / RATE;
      return 9000 * Math.sin(2 * Math.PI * freq * t) * Math.exp(-3 * t) * Math.min(1, t * 200);
    });
  return [...tone(659.25, 0.45), ...tone(523.25, 0.7)];
}

mkdirSync(OUT, { recursive: true });
const only = process.argv.slice(2);
for (const name of only) if (!(name in CLIP_TEXTS)) throw new Error(`no clip named ${name} in CLIP_TEXTS`);
const chosen = Object.entries(CLIP_TEXTS).filter(([name]) => only.length === 0 || only.includes(name));
let total = 0;
for (const [name, text] of chosen) {
  const bytes = wav(name === 'chime' ? chime() : speak(text), RATE);
  writeFileSync(`${OUT}${name}.wav`, bytes);
  total += bytes.length;
}
console.log(`${chosen.length} clips, ${Math.round(total / 1024)} KiB in public/voice/`);
