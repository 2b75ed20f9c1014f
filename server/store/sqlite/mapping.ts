// Maps domain records to SQLite rows and back, so each repository only states its columns.
import type { Db } from '../database.ts';

type Kind = 'value' | 'bool' | 'json';
export type Columns<T> = { [K in keyof T]-?: [column: string, kind?: Kind] };

export interface Table<T> {
  name: string;
  fromRow(row: Record<string, unknown>): T;
  toRow(record: Partial<T>): Record<string, unknown>;
  insert(record: T): void;
  get(key: keyof T & string, value: unknown): T | undefined;
  /** Applies a patch by key and returns the updated record. */
  update(key: keyof T & string, value: unknown, patch: Partial<T>): T;
  /** `SELECT` of every field (and `extra` columns, e.g. from a subquery) where `where` holds. */
  selectWhere(where: string, extra?: string): string;
}

export function defineTable<T>(db: Db, name: string, columns: Columns<T>): Table<T> {
  const fields = Object.keys(columns) as Array<keyof T & string>;
  const col = (f: keyof T & string) => columns[f][0];
  const kind = (f: keyof T & string) => columns[f][1] ?? 'value';
  const selectList = fields.map((f) => `${col(f)} AS "${f}"`).join(', ');

  const decode = (f: keyof T & string, v: unknown): unknown => {
    if (v === null || v === undefined) return null;
    switch (kind(f)) {
      case 'bool':
        return v === 1;
      case 'json':
        return JSON.parse(v as string);
      default:
        return v;
    }
  };
  const encode = (f: keyof T & string, v: unknown): unknown => {
    if (v === null || v === undefined) return null;
    switch (kind(f)) {
      case 'bool':
        return v ? 1 : 0;
      case 'json':
        return JSON.stringify(v);
      default:
        return v;
    }
  };

  const insertStmt = db.prepare(
    `INSERT INTO ${name} (${fields.map(col).join(', ')}) VALUES (${fields.map((f) => `@${f}`).join(', ')})`,
  );
  const updateCache = new Map<string, ReturnType<Db['prepare']>>();
  const getCache = new Map<string, ReturnType<Db['prepare']>>();
  const getBy = (key: keyof T & string) => {
    let stmt = getCache.get(key);
    if (!stmt) {
      stmt = db.prepare(`SELECT ${selectList} FROM ${name} WHERE ${col(key)} = ?`);
      getCache.set(key, stmt);
    }
    return stmt;
  };

  const table: Table<T> = {
    name,
    fromRow(row) {
      const out: Record<string, unknown> = {};
      for (const f of fields) out[f] = decode(f, row[f]);
      return out as T;
    },
    toRow(record) {
      const out: Record<string, unknown> = {};
      for (const f of fields) if (f in record) out[f] = encode(f, record[f]);
      return out;
    },
    insert(record) {
      insertStmt.run(table.toRow(record));
    },
    get(key, value) {
      const found = getBy(key).get(value as string | number);
      return found ? table.fromRow(found as Record<string, unknown>) : undefined;
    },
    update(key, value, patch) {
      const row = table.toRow(patch);
      const set = Object.keys(row);
      if (set.length > 0) {
        const sig = `${key}:${set.join(',')}`;
        let stmt = updateCache.get(sig);
        if (!stmt) {
          stmt = db.prepare(
            `UPDATE ${name} SET ${set.map((f) => `${col(f as keyof T & string)} = @${f}`).join(', ')} WHERE ${col(key)} = @__key`,
          );
          updateCache.set(sig, stmt);
        }
        stmt.run({ ...row, __key: value });
      }
      const found = getBy(key).get(value as string | number);
      if (!found) throw new Error(`${name}: no row with ${key} = ${String(value)}`);
      return table.fromRow(found as Record<string, unknown>);
    },
    selectWhere(where, extra) {
      return `SELECT ${selectList}${extra ? `, ${extra}` : ''} FROM ${name} WHERE ${where}`;
    },
  };
  return table;
}
