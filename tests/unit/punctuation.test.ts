// Chinese text shown to people uses full-width punctuation (，：；？！（）), never the half-width
// marks of English (REFERENCE §5): screens, tickets, voice texts, messages and default settings.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
// scripts/: the technicians' device tool and the mock case system speak Chinese too.
const FOLDERS = ['kiosk', 'display', 'console', 'common', 'server', 'devices', 'config', 'scripts'];
/** A mark right before or after a Chinese character, or parentheses opening or closing Chinese text. */
const HALF_WIDTH = /[\u4e00-\u9fff][,:;?!(]|[,:;?!)][\u4e00-\u9fff]|[`'"}>]\((?=[\u4e00-\u9fff])|[\u4e00-\u9fff]\)(?=[`'"<{])/;
/**
 * Code comments and API descriptions are English prose that may name a Chinese term
 * (`首问负责制: who first…`, `(e.g. 急救)`).
 */
const PROSE = /^\s*(\/\/|\/\*|\*|--)|\b(description|summary): /;

function files(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx|mjs|json|html)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('punctuation of Chinese text', () => {
  it('uses full-width marks in every string people see', () => {
    const found: string[] = [];
    for (const file of FOLDERS.flatMap(files)) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          // A trailing `// comment` is prose too.
          const code = line.replace(/\s\/\/\s.*$/, '');
          if (!PROSE.test(line) && HALF_WIDTH.test(code)) found.push(`${file.slice(ROOT.length)}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(found).toEqual([]);
  });
});
