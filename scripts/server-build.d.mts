// Types for scripts/server-build.mjs (plain JavaScript so `npm start` runs it without a loader).
export const COMPILED_SERVER: string;
export const COMPILED_AGENT: string;
export const SERVER_NODE_ARGS: string[];
export const SERVER_ENV: Record<string, string>;
export function buildServer(): Promise<void>;
export function ensureServerBuilt(options?: { quiet?: boolean }): Promise<boolean>;
