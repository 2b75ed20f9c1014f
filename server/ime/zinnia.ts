// Zinnia (Debian `zinnia-utils`) with the Tegaki Simplified Chinese model
// (`tegaki-zinnia-simplified-chinese`), run as one long-lived child process: the model (26 MB) is
// loaded once, each recognition is one line on its stdin and a few lines on its stdout, so the
// event loop never waits on it. Recognitions are serialised (one in flight; the CLI answers in
// order); one that takes too long kills the process. A process that dies is started again on the
// next request, no sooner than the back-off allows; meanwhile requests are refused at once.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { INK_BOX } from '../../common/ink.ts';
import { RecognizerUnavailable, type HandwritingRecognizer, type Stroke } from './recognizer.ts';

export interface ZinniaOptions {
  /** The `zinnia` executable (Debian: /usr/bin/zinnia from zinnia-utils). */
  command: string;
  /** The model file (Debian: /usr/share/tegaki/models/zinnia/handwriting-zh_CN.model). */
  model: string;
  /** Candidates per recognition. */
  candidates?: number;
  /** A recognition not answered within this is abandoned and the process restarted. */
  timeoutMs?: number;
  /** Recognitions waiting beyond this many are refused (the hall's kiosks are few). */
  maxWaiting?: number;
  /** First delay before starting a process again after it died; doubles up to 30 s. */
  restartDelayMs?: number;
  log?: { warn: (obj: object, msg: string) => void };
}

/** One character as the zinnia CLI reads it: an S-expression on one line, tagged to match its answer. */
export function zinniaLine(tag: string, strokes: readonly Stroke[]): string {
  const body = strokes.map((stroke) => `(${stroke.map(([x, y]) => `(${Math.round(x)} ${Math.round(y)})`).join('')})`).join('');
  return `(character (value ${tag})(width ${INK_BOX})(height ${INK_BOX})(strokes ${body}))\n`;
}

interface Job {
  tag: string;
  line: string;
  resolve: (candidates: string[]) => void;
  reject: (err: Error) => void;
}

const MAX_RESTART_DELAY_MS = 30_000;

export function createZinniaRecognizer(options: ZinniaOptions): HandwritingRecognizer {
  const candidates = options.candidates ?? 10;
  const timeoutMs = options.timeoutMs ?? 3_000;
  const maxWaiting = options.maxWaiting ?? 32;
  const firstDelay = options.restartDelayMs ?? 1_000;

  let child: ChildProcessWithoutNullStreams | null = null;
  let restartDelay = firstDelay;
  let notBefore = 0;
  let closed = false;
  let serial = 0;
  const waiting: Job[] = [];
  let current: { job: Job; answered: boolean; results: string[]; timer: NodeJS.Timeout } | null = null;

  const finish = (outcome: string[] | Error) => {
    if (!current) return;
    const { job, timer } = current;
    clearTimeout(timer);
    current = null;
    if (outcome instanceof Error) job.reject(outcome);
    else job.resolve(outcome);
    pump();
  };

  const start = (): ChildProcessWithoutNullStreams | null => {
    if (child) return child;
    if (Date.now() < notBefore) return null;
    let proc: ChildProcessWithoutNullStreams;
    try {
      proc = spawn(options.command, ['-m', options.model, '-n', String(candidates)], { stdio: ['pipe', 'pipe', 'pipe'] });
    } catch (err) {
      // Refused before it ran (e.g. an invalid command): the same back-off as a crash.
      notBefore = Date.now() + restartDelay;
      options.log?.warn({ err }, 'handwriting recogniser cannot be started');
      return null;
    }
    child = proc;
    proc.stdin.on('error', () => {}); // a dead process: 'exit' below says so
    createInterface({ input: proc.stdout }).on('line', (line) => {
      if (child !== proc || !current) return;
      if (line.startsWith('Answer: ')) {
        current.answered = line.slice(8).trim() === current.job.tag;
        return;
      }
      if (!current.answered) return;
      const character = line.slice(0, line.lastIndexOf(' '));
      if (character) current.results.push(character);
      if (current.results.length >= candidates) finish(current.results);
    });
    let stderr = '';
    proc.stderr.setEncoding('utf8');
    proc.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-500);
      // `failed: <tag> …`: zinnia could not classify these strokes; it goes on with the next line.
      if (child === proc && current && stderr.includes(`failed: ${current.job.tag}`)) finish(current.results);
    });
    const died = (reason: string) => {
      if (child !== proc) return;
      child = null;
      notBefore = Date.now() + restartDelay;
      restartDelay = Math.min(restartDelay * 2, MAX_RESTART_DELAY_MS);
      if (!closed) options.log?.warn({ reason, stderr: stderr.trim().slice(-200) }, 'handwriting recogniser stopped; it starts again on the next request');
      const refusal = new RecognizerUnavailable(reason);
      finish(refusal);
      for (const job of waiting.splice(0)) job.reject(refusal);
    };
    proc.on('error', (err) => died(`cannot run ${options.command}: ${err.message}`));
    proc.on('exit', (code, signal) => died(`exited (${signal ?? code})`));
    return proc;
  };

  const pump = () => {
    if (current || waiting.length === 0) return;
    const proc = start();
    if (!proc) {
      const refusal = new RecognizerUnavailable('restarting');
      for (const job of waiting.splice(0)) job.reject(refusal);
      return;
    }
    const job = waiting.shift()!;
    const timer = setTimeout(() => {
      options.log?.warn({ timeoutMs }, 'handwriting recognition too slow; restarting the recogniser');
      proc.kill('SIGKILL');
      // 'exit' refuses this job and the waiting ones
    }, timeoutMs);
    current = { job, answered: false, results: [], timer };
    proc.stdin.write(job.line);
  };

  return {
    recognize(strokes) {
      if (closed) return Promise.reject(new RecognizerUnavailable('closed'));
      if (waiting.length >= maxWaiting) return Promise.reject(new RecognizerUnavailable('busy'));
      return new Promise<string[]>((resolve, reject) => {
        const tag = `r${(serial = (serial + 1) % 1e9)}`;
        waiting.push({
          tag,
          line: zinniaLine(tag, strokes),
          resolve: (found) => {
            restartDelay = firstDelay; // it answers: a later crash starts the back-off afresh
            resolve(found);
          },
          reject,
        });
        pump();
      });
    },
    async close() {
      closed = true;
      const proc = child;
      const refusal = new RecognizerUnavailable('closed');
      for (const job of waiting.splice(0)) job.reject(refusal);
      if (proc) {
        const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
        proc.stdin.end();
        proc.kill();
        await exited;
      }
      finish(refusal);
    },
  };
}
