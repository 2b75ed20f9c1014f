// The agent's local log: one JSON line per event, also echoed to the console (journald keeps it
// under systemd), in a file rotated by size: agent.log → agent.log.1 → … → agent.log.<files>.
// Never a name or an ID number: card reads are logged as "a card was read" only.
import { appendFileSync, existsSync, renameSync, rmSync, statSync } from 'node:fs';

export interface AgentLog {
  info(msg: string, fields?: object): void;
  warn(msg: string, fields?: object): void;
}

export interface RotatingLogOptions {
  /** Rotate when the file reaches this size. */
  maxBytes?: number;
  /** Rotated files kept. */
  files?: number;
  /** Also print each line (default true). */
  echo?: boolean;
}

export function rotatingLog(file: string, { maxBytes = 1_000_000, files = 5, echo = true }: RotatingLogOptions = {}): AgentLog {
  const rotate = () => {
    rmSync(`${file}.${files}`, { force: true });
    for (let i = files - 1; i >= 1; i--) if (existsSync(`${file}.${i}`)) renameSync(`${file}.${i}`, `${file}.${i + 1}`);
    renameSync(file, `${file}.1`);
  };
  const write = (level: 'info' | 'warn', msg: string, fields: object = {}) => {
    const line = JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields });
    try {
      if (existsSync(file) && statSync(file).size + line.length > maxBytes) rotate();
      appendFileSync(file, `${line}\n`, { mode: 0o600 });
    } catch {
      // A full or read-only disk must not stop the printer and the reader.
    }
    if (echo) (level === 'warn' ? console.error : console.log)(`${level === 'warn' ? '警告' : '信息'} ${msg}`);
  };
  return { info: (msg, fields) => write('info', msg, fields), warn: (msg, fields) => write('warn', msg, fields) };
}
