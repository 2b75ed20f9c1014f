import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Value } from 'typebox/value';
import { HallConfigSchema, type HallConfig } from './schema.ts';
import { loadDivisions } from '../reference/divisions.ts';

/** A configuration problem, reported at start with the key that is wrong. */
export class ConfigError extends Error {
  constructor(
    readonly key: string,
    detail: string,
  ) {
    super(`Invalid configuration at "${key}": ${detail}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/** Environment variables that override file values: name → key path and parser. */
const ENV_OVERRIDES: Record<string, { path: string[]; parse: (v: string, name: string) => unknown }> = {
  HOST: { path: ['server', 'host'], parse: (v) => v },
  PORT: { path: ['server', 'port'], parse: parseInteger },
  LOG_LEVEL: { path: ['server', 'logLevel'], parse: (v) => v },
  HALL_DATA_DIR: { path: ['dataDir'], parse: (v) => v },
  HALL_NAME: { path: ['hall', 'name'], parse: (v) => v },
  HALL_TIME_ZONE: { path: ['timeZone'], parse: (v) => v },
  HALL_DEMO: { path: ['demo'], parse: parseBoolean },
  HALL_KIOSK_HOURS: { path: ['hours', 'kioskLimited'], parse: parseBoolean },
  HALL_FORWARDING: { path: ['forwarding', 'adapter'], parse: (v) => v },
  HALL_CASE_SYSTEM_URL: { path: ['forwarding', 'url'], parse: (v) => v },
  // A secret belongs in the environment, not in a config file that gets copied around.
  HALL_CASE_SYSTEM_SECRET: { path: ['forwarding', 'secret'], parse: (v) => v },
  HALL_SMS: { path: ['notify', 'sms', 'enabled'], parse: parseBoolean },
  HALL_SMS_GATEWAY: { path: ['notify', 'sms', 'gateway'], parse: (v) => v },
  HALL_SMS_URL: { path: ['notify', 'sms', 'url'], parse: (v) => v },
  HALL_SMS_SECRET: { path: ['notify', 'sms', 'secret'], parse: (v) => v },
  HALL_METRICS_TOKEN: { path: ['metrics', 'token'], parse: (v) => v },
};

function parseInteger(v: string, name: string): number {
  if (!/^\d+$/.test(v)) throw new ConfigError(name, `expected an integer, got "${v}"`);
  return Number(v);
}

function parseBoolean(v: string, name: string): boolean {
  if (/^(1|true|yes|on)$/i.test(v)) return true;
  if (/^(0|false|no|off)$/i.test(v)) return false;
  throw new ConfigError(name, `expected true or false, got "${v}"`);
}

function readFile(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new ConfigError('HALL_CONFIG', `cannot read ${path} (${(err as NodeJS.ErrnoException).code ?? err})`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new ConfigError('HALL_CONFIG', `${path} is not valid JSON: ${(err as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ConfigError('HALL_CONFIG', `${path} must hold a JSON object`);
  }
  return parsed as Record<string, unknown>;
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (typeof next !== 'object' || next === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[path[path.length - 1]!] = value;
}

/** JSON pointer `/windows/2/services/0` → `windows[2].services[0]`. */
function keyOf(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((part, i) => (/^\d+$/.test(part) ? `[${part}]` : i === 0 ? part : `.${part}`))
    .join('') || '(root)';
}

function checkConsistency(config: HallConfig): void {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: config.timeZone });
  } catch {
    throw new ConfigError('timeZone', `unknown time zone "${config.timeZone}"`);
  }
  const codes = new Set<string>();
  const prefixes = new Map<string, string>([[config.green.prefix, 'green.prefix']]);
  config.services.forEach((service, i) => {
    if (codes.has(service.code)) throw new ConfigError(`services[${i}].code`, `duplicate code "${service.code}"`);
    codes.add(service.code);
    const clash = prefixes.get(service.prefix);
    if (clash) throw new ConfigError(`services[${i}].prefix`, `prefix "${service.prefix}" is already used by ${clash}`);
    prefixes.set(service.prefix, `services[${i}]`);
  });
  const windowNos = new Set<number>();
  config.windows.forEach((window, i) => {
    if (windowNos.has(window.no)) throw new ConfigError(`windows[${i}].no`, `duplicate window number ${window.no}`);
    windowNos.add(window.no);
    window.services.forEach((code, j) => {
      if (!codes.has(code)) throw new ConfigError(`windows[${i}].services[${j}]`, `unknown service "${code}"`);
    });
    if (new Set(window.services).size !== window.services.length) {
      throw new ConfigError(`windows[${i}].services`, 'lists a service twice');
    }
  });
  const printers = new Set<string>();
  config.printers.forEach((printer, i) => {
    if (printers.has(printer.id)) throw new ConfigError(`printers[${i}].id`, `duplicate printer "${printer.id}"`);
    printers.add(printer.id);
  });
  const readerIds = new Set<string>();
  config.readers.forEach((reader, i) => {
    if (readerIds.has(reader.id)) throw new ConfigError(`readers[${i}].id`, `duplicate reader "${reader.id}"`);
    readerIds.add(reader.id);
  });
  if (config.printing.deskPrinter !== undefined && !printers.has(config.printing.deskPrinter)) {
    throw new ConfigError('printing.deskPrinter', `unknown printer "${config.printing.deskPrinter}"`);
  }
  config.leaderReceptions.forEach((entry, i) => {
    if ((entry.date === undefined) === (entry.weekday === undefined)) {
      throw new ConfigError(`leaderReceptions[${i}]`, 'give either "date" or "weekday"');
    }
  });
  config.green.alertReasons.forEach((code, i) => {
    if (!config.green.reasons.some((r) => r.code === code)) throw new ConfigError(`green.alertReasons[${i}]`, `unknown green reason "${code}"`);
  });
  const registration = config.registration;
  if (!codes.has(registration.collectiveService)) {
    throw new ConfigError('registration.collectiveService', `unknown service "${registration.collectiveService}"`);
  }
  if (registration.leaderService !== null && !codes.has(registration.leaderService)) {
    throw new ConfigError('registration.leaderService', `unknown service "${registration.leaderService}"`);
  }
  if (!codes.has(registration.queryService)) {
    throw new ConfigError('registration.queryService', `unknown service "${registration.queryService}"`);
  }
  if (!loadDivisions().isPlace(registration.homeDivision)) {
    throw new ConfigError('registration.homeDivision', `"${registration.homeDivision}" is not a county-level GB/T 2260 code`);
  }
  for (const code of Object.keys(registration.materials)) {
    if (!codes.has(code)) throw new ConfigError(`registration.materials.${code}`, `unknown service "${code}"`);
  }
  for (const [topic, category] of Object.entries(registration.topicCategories)) {
    if (!registration.topics.includes(topic)) throw new ConfigError(`registration.topicCategories.${topic}`, `unknown topic "${topic}"`);
    if (!registration.categories.includes(category)) {
      throw new ConfigError(`registration.topicCategories.${topic}`, `unknown category "${category}"`);
    }
  }
  registration.kioskPurposes.forEach(({ purpose }, i) => {
    if (!registration.purposes.includes(purpose)) throw new ConfigError(`registration.kioskPurposes[${i}].purpose`, `unknown purpose "${purpose}"`);
  });
  for (const category of Object.keys(registration.notification.byCategory)) {
    if (!registration.categories.includes(category)) {
      throw new ConfigError(`registration.notification.byCategory.${category}`, `unknown category "${category}"`);
    }
  }
  for (const purpose of Object.keys(registration.purposeMaterials)) {
    if (!registration.purposes.includes(purpose)) {
      throw new ConfigError(`registration.purposeMaterials.${purpose}`, `unknown purpose "${purpose}"`);
    }
  }
  const forwarding = config.forwarding;
  if (forwarding.adapter === 'http' && (!forwarding.url || !forwarding.secret)) {
    throw new ConfigError(forwarding.url ? 'forwarding.secret' : 'forwarding.url', 'the http adapter needs the case system URL and the shared secret (HALL_CASE_SYSTEM_SECRET)');
  }
  if (config.caseLife.pollUrl && !forwarding.secret) {
    throw new ConfigError('forwarding.secret', 'the case status feed (caseLife.pollUrl) is asked with the shared secret (HALL_CASE_SYSTEM_SECRET)');
  }
  if (forwarding.adapter === 'http' && forwarding.url!.startsWith('http://') && !isLoopbackUrl(forwarding.url!) && !forwarding.allowInsecureHttp) {
    throw new ConfigError('forwarding.url', 'plain http:// outside this machine would send registrations unencrypted: use https://, or set forwarding.allowInsecureHttp (e.g. behind an encrypted tunnel)');
  }
  const sms = config.notify.sms;
  if (sms.enabled && sms.gateway === 'http') {
    if (!sms.url || !sms.secret) throw new ConfigError(sms.url ? 'notify.sms.secret' : 'notify.sms.url', 'the SMS gateway needs its URL and the shared secret or API key (HALL_SMS_SECRET)');
    if (sms.url.startsWith('http://') && !isLoopbackUrl(sms.url) && !sms.allowInsecureHttp) {
      throw new ConfigError('notify.sms.url', 'plain http:// outside this machine would send phone numbers unencrypted: use https://, or set notify.sms.allowInsecureHttp');
    }
  }
  const reasons = new Set<string>();
  config.green.reasons.forEach((reason, i) => {
    if (reasons.has(reason.code)) throw new ConfigError(`green.reasons[${i}].code`, `duplicate code "${reason.code}"`);
    reasons.add(reason.code);
  });
  if (!reasons.has(config.kiosk.elderly.greenReason)) {
    throw new ConfigError('kiosk.elderly.greenReason', `unknown green reason "${config.kiosk.elderly.greenReason}"`);
  }
  for (const list of ['holidays', 'workdays'] as const) {
    config.hours[list].forEach((day, i) => {
      if (Number.isNaN(Date.parse(`${day}T00:00:00Z`))) throw new ConfigError(`hours.${list}[${i}]`, `"${day}" is not a date`);
    });
  }
  if (config.hours.closes <= config.hours.opens) throw new ConfigError('hours.closes', 'must be after hours.opens');
}

/** Whether a URL stays on this machine (plain http to the case system is tolerable only there). */
export function isLoopbackUrl(url: string): boolean {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/**
 * Defaults ← the file named by HALL_CONFIG (if any) ← environment overrides, validated.
 * Throws ConfigError naming the first bad key.
 */
export function loadConfig(env: Env = process.env, overrides: Record<string, unknown> = {}): HallConfig {
  const raw: Record<string, unknown> = env.HALL_CONFIG ? readFile(resolve(env.HALL_CONFIG)) : {};
  for (const [name, { path, parse }] of Object.entries(ENV_OVERRIDES)) {
    const value = env[name];
    if (value !== undefined && value !== '') setPath(raw, path, parse(value, name));
  }
  Object.assign(raw, overrides);
  const config = Value.Default(HallConfigSchema, structuredClone(raw)) as HallConfig;
  const first = Value.Errors(HallConfigSchema, config).find((e) => e.keyword !== 'boolean');
  if (first) {
    const extra = (first.params as { additionalProperties?: string[] }).additionalProperties;
    if (extra?.length) throw new ConfigError(keyOf(`${first.instancePath}/${extra[0]}`), 'unknown key');
    throw new ConfigError(keyOf(first.instancePath), first.message);
  }
  checkConsistency(config);
  return config;
}
