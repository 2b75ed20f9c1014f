// What the agent keeps between runs, in <dir>/agent.json (mode 0600: it holds the kiosk's device
// token): the server's address, the token from pairing, and the local ports (none: simulated).
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SerialSettings } from '../serial.ts';

export interface AgentState {
  server: string;
  token: string;
  deviceId?: string;
  /** The kiosk's printer on this PC; absent: none; `{ simulated: true }`: the simulator. */
  printer?: { port?: SerialSettings; simulated?: boolean };
  reader?: { port?: SerialSettings; simulated?: boolean };
}

export const stateFile = (dir: string) => join(dir, 'agent.json');

export function loadState(dir: string): AgentState | null {
  const file = stateFile(dir);
  if (!existsSync(file)) return null;
  return JSON.parse(readFileSync(file, 'utf8')) as AgentState;
}

/** Writes the state readable by the agent's user only (written whole, then renamed into place). */
export function saveState(dir: string, state: AgentState): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = stateFile(dir);
  const temp = `${file}.new`;
  writeFileSync(temp, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
  chmodSync(temp, 0o600);
  renameSync(temp, file);
}
