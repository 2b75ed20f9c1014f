export function ensureUiBuilt(options?: { quiet?: boolean }): Promise<boolean>;
