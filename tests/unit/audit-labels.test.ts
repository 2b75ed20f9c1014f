// Every action the server writes to the audit log reads as words in the console's audit panel:
// a new audited action without a label would show its code to staff.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '../../console/admin/audit-labels.ts';

const SERVER = join(import.meta.dirname, '../../server');

it('labels every audit action the server writes', () => {
  const written = new Set<string>();
  for (const file of readdirSync(SERVER, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'))) {
    for (const [, action] of readFileSync(join(SERVER, file), 'utf8').matchAll(/action: '([a-z_]+\.[a-z_.]+)'/g)) written.add(action!);
  }
  expect(written.size).toBeGreaterThan(20);
  expect([...written].filter((a) => !AUDIT_ACTIONS[a])).toEqual([]);
});
