// Administrative divisions (GB/T 2260: province / city / county) from a maintained data package,
// for the place-of-the-problem picker and its check. Codes: PP0000 province, PPCC00 city, PPCCXX county.
import { areaList } from '@vant/area-data';
import type { Division } from '../../common/contract/registration.ts';

const LEVELS = [areaList.province_list, areaList.city_list, areaList.county_list] as const;

export interface Divisions {
  /** Provinces for `null`, else the cities of a province or the counties of a city. */
  children(code: string | null): Division[] | null;
  /** A place the matter can be filed under: a county-level division. */
  isPlace(code: string): boolean;
  /** Province, city and county codes from the top down to `code`, or null for an unknown code. */
  path(code: string): string[] | null;
  nameOf(code: string): string;
  /** 浙江省 杭州市 西湖区. */
  fullName(code: string): string | null;
}

let loaded: Divisions | null = null;

/** Built once per process (about 3 900 entries) and shared. */
export function loadDivisions(): Divisions {
  loaded ??= build();
  return loaded;
}

function build(): Divisions {
  const byParent = new Map<string | null, Division[]>();
  const parentOf = new Map<string, string | null>();
  const names = new Map<string, string>();
  LEVELS.forEach((list, level) => {
    for (const [code, name] of Object.entries(list)) {
      const parent = level === 0 ? null : level === 1 ? `${code.slice(0, 2)}0000` : `${code.slice(0, 4)}00`;
      names.set(code, name);
      parentOf.set(code, parent);
      const siblings = byParent.get(parent) ?? [];
      siblings.push({ code, name, hasChildren: level < 2 });
      byParent.set(parent, siblings);
    }
  });
  const path = (code: string): string[] | null => {
    if (!names.has(code)) return null;
    const up: string[] = [];
    for (let c: string | null | undefined = code; c; c = parentOf.get(c)) up.unshift(c);
    return up;
  };
  return {
    children: (code) => byParent.get(code) ?? (code === null || names.has(code) ? [] : null),
    isPlace: (code) => names.has(code) && !byParent.has(code) && parentOf.get(code) !== null && path(code)?.length === 3,
    path,
    nameOf: (code) => names.get(code) ?? code,
    fullName: (code) => path(code)?.map((c) => names.get(c)).join(' ') ?? null,
  };
}
