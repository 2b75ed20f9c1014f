// What an admin may change in the console without editing the configuration file: the board's
// notices, the leader reception schedule, and the registration lists. Stored values win over the
// file's; each change is validated with the same schema as the file and audited.
import { Value } from 'typebox/value';
import { SETTING_KEYS, type SettingKey } from '../common/contract/settings.ts';
import { HallConfigSchema, type HallConfig } from './config/schema.ts';
import { badRequest } from './errors.ts';
import type { Actor } from './store/records.ts';
import type { Store } from './store/repositories.ts';

const registration = HallConfigSchema.properties.registration.properties;

/** The editable settings: where each lives in the file, and its schema. */
const EDITABLE = {
  notices: { schema: HallConfigSchema.properties.board.properties.notices, fromFile: (c: HallConfig) => c.board.notices },
  leaderReceptions: { schema: HallConfigSchema.properties.leaderReceptions, fromFile: (c: HallConfig) => c.leaderReceptions },
  topics: { schema: registration.topics, fromFile: (c: HallConfig) => c.registration.topics },
  topicCategories: { schema: registration.topicCategories, fromFile: (c: HallConfig) => c.registration.topicCategories },
  categories: { schema: registration.categories, fromFile: (c: HallConfig) => c.registration.categories },
  purposes: { schema: registration.purposes, fromFile: (c: HallConfig) => c.registration.purposes },
  causes: { schema: registration.causes, fromFile: (c: HallConfig) => c.registration.causes },
  systems: { schema: registration.systems, fromFile: (c: HallConfig) => c.registration.systems },
  hotIssues: { schema: registration.hotIssues, fromFile: (c: HallConfig) => c.registration.hotIssues },
  helperPhrases: { schema: registration.helperPhrases, fromFile: (c: HallConfig) => c.registration.helperPhrases },
  materials: { schema: registration.materials, fromFile: (c: HallConfig) => c.registration.materials },
  purposeMaterials: { schema: registration.purposeMaterials, fromFile: (c: HallConfig) => c.registration.purposeMaterials },
} as const satisfies Record<SettingKey, unknown>;

export type Settings = { [K in SettingKey]: ReturnType<(typeof EDITABLE)[K]['fromFile']> };

/** Names of the settings as the admin sees them, for messages. */
const LABELS: Record<SettingKey, string> = {
  notices: '大厅公告',
  leaderReceptions: '领导接访安排',
  topics: '自助机事情类别',
  topicCategories: '类别对应的内容分类',
  categories: '内容分类',
  purposes: '信访目的',
  causes: '产生原因',
  systems: '所属系统',
  hotIssues: '热点问题',
  helperPhrases: '常用语',
  materials: '一次性告知材料',
  purposeMaterials: '按目的补充的材料',
};

export type HallSettings = ReturnType<typeof createSettings>;

export function createSettings(deps: { store: Store; config: HallConfig; now: () => number }) {
  const { store, config, now } = deps;
  const listeners = new Set<(key: SettingKey) => void>();
  let cached: Settings | null = null;

  const current = (): Settings => {
    if (cached) return cached;
    const stored = store.settings.all();
    cached = Object.fromEntries(SETTING_KEYS.map((k) => [k, k in stored ? stored[k] : EDITABLE[k].fromFile(config)])) as Settings;
    return cached;
  };

  /** Rules across settings and the rest of the configuration, as the file loader checks them. */
  function checkConsistency(next: Settings, key: SettingKey): void {
    const refuse = (detail: string) => badRequest('validation_failed', `“${LABELS[key]}”有误：${detail}。请修改后再保存。`);
    if (key === 'leaderReceptions') {
      for (const entry of next.leaderReceptions) {
        if ((entry.date === undefined) === (entry.weekday === undefined)) throw refuse('每条安排请填写日期或星期中的一项');
      }
    }
    if (key === 'materials') {
      const codes = new Set(store.services.list().map((s) => s.code));
      for (const code of Object.keys(next.materials)) if (!codes.has(code)) throw refuse(`没有业务 ${code}`);
    }
    // A mapping left behind by a later change of the topics or categories is ignored (no suggestion).
    if (key === 'topicCategories') {
      for (const [topic, category] of Object.entries(next.topicCategories)) {
        if (!next.topics.includes(topic)) throw refuse(`“${topic}”不在自助机事情类别中`);
        if (!next.categories.includes(category)) throw refuse(`“${category}”不在内容分类中`);
      }
    }
    if (key === 'purposes') {
      for (const { purpose } of config.registration.kioskPurposes) {
        if (!next.purposes.includes(purpose)) throw refuse(`自助机的信访目的用到了“${purpose}”，不能删除`);
      }
    }
    if (key === 'purposeMaterials' || key === 'purposes') {
      for (const purpose of Object.keys(next.purposeMaterials)) {
        if (!next.purposes.includes(purpose)) throw refuse(`“${purpose}”不在信访目的中`);
      }
    }
  }

  return {
    current,
    /** Validates, stores and audits one setting; listeners hear of it after the commit. */
    set(key: SettingKey, value: unknown, actor: Actor): Settings {
      const candidate = Value.Default(EDITABLE[key].schema, structuredClone(value));
      if (!Value.Check(EDITABLE[key].schema, candidate)) {
        throw badRequest('validation_failed', `“${LABELS[key]}”的内容不完整或格式不对，请检查后再保存。`);
      }
      const next = { ...current(), [key]: candidate } as Settings;
      checkConsistency(next, key);
      store.transaction(() => {
        const at = now();
        store.settings.set(key, candidate, at, actor.id);
        store.audit.append({ at, actor, action: 'settings.changed', target: key, details: null });
      });
      cached = next;
      for (const listener of listeners) listener(key);
      return next;
    },
    onChange(listener: (key: SettingKey) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
