import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config/load.ts';
import { caught } from '../support/caught.ts';

function fileWith(content: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'hall-config-')), 'hall.json');
  writeFileSync(file, content);
  return file;
}

describe('configuration', () => {
  it('runs on defaults with no file at all', () => {
    const config = loadConfig({});
    expect(config.timeZone).toBe('Asia/Shanghai');
    expect(config.services.map((s) => s.prefix)).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(config.green.prefix).toBe('L');
    expect(config.green.reasons.map((r) => r.label)).toEqual(['老年人', '体弱', '患病', '残疾人', '孕妇', '急救', '其他']);
    expect(config.server.port).toBe(3000);
    // The kiosk asks in plain words; 其他 and 说不清 are always among the topics.
    expect(config.registration.topics).toEqual(expect.arrayContaining(['工资被拖欠', '其他', '说不清']));
    expect(config.registration.topicCategories['工资被拖欠']).toBe('劳动和社会保障');
    expect(config.registration.kioskPurposes.map((p) => p.purpose)).toEqual(['求决', '申诉', '揭发控告']);
  });

  it('reads the example file and lets the environment win', () => {
    const config = loadConfig({
      HALL_CONFIG: 'config/hall.example.json',
      HOST: '127.0.0.1',
      PORT: '8080',
      HALL_DATA_DIR: '/var/lib/hall',
      HALL_NAME: '测试大厅',
      HALL_DEMO: 'false',
      HALL_CASE_SYSTEM_SECRET: 'a-secret-shared-with-the-case-system',
    });
    expect(config.forwarding).toMatchObject({ adapter: 'http', secret: 'a-secret-shared-with-the-case-system' });
    // The secret comes from the environment; without it the http adapter cannot start.
    expect(() => loadConfig({ HALL_CONFIG: 'config/hall.example.json' })).toThrow(/forwarding\.secret/);
    expect(config.server).toMatchObject({ host: '127.0.0.1', port: 8080 });
    expect(config.dataDir).toBe('/var/lib/hall');
    expect(config.hall.name).toBe('测试大厅');
    expect(config.demo).toBe(false);
    expect(config.windows.find((w) => w.no === 6)?.services).toEqual(['C']);
  });

  it('fills defaults inside a partial section', () => {
    const config = loadConfig({ HALL_CONFIG: fileWith('{"queue":{"reinstateAfter":5}}') });
    expect(config.queue.reinstateAfter).toBe(5);
    expect(config.queue.noShowMinCalls).toBe(2);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ HALL_DEMO: 'maybe' }, 'HALL_DEMO'],
    [{ HALL_CONFIG: '/no/such/file.json' }, 'HALL_CONFIG'],
    [{ HALL_CONFIG: fileWith('{ not json') }, 'HALL_CONFIG'],
    [{ HALL_CONFIG: fileWith('[1, 2]') }, 'HALL_CONFIG'],
    [{ HALL_CONFIG: fileWith('{"queue":{"noShowMinCalls":0}}') }, 'queue.noShowMinCalls'],
    [{ HALL_CONFIG: fileWith('{"hall":{"name":"x","colour":"red"}}') }, 'hall.colour'],
    [{ HALL_CONFIG: fileWith('{"windows":[{"no":1,"services":["Z"]}]}') }, 'windows[0].services[0]'],
    [{ HALL_CONFIG: fileWith('{"windows":[{"no":1,"services":["A"]},{"no":1,"services":["B"]}]}') }, 'windows[1].no'],
    [{ HALL_CONFIG: fileWith('{"services":[{"code":"A","name":"甲","prefix":"L"}],"windows":[{"no":1,"services":["A"]}]}') }, 'services[0].prefix'],
    [{ HALL_TIME_ZONE: 'Mars/Olympus' }, 'timeZone'],
    [{ HALL_CONFIG: fileWith('{"registration":{"topicCategories":{"打官司":"政法"}}}') }, 'registration.topicCategories.打官司'],
    [{ HALL_CONFIG: fileWith('{"registration":{"topicCategories":{"其他":"外星人"}}}') }, 'registration.topicCategories.其他'],
    [{ HALL_CONFIG: fileWith('{"registration":{"kioskPurposes":[{"label":"想聊聊","purpose":"闲聊"}]}}') }, 'registration.kioskPurposes[0].purpose'],
  ])('names the bad key (%#)', (env, key) => {
    const err = caught(ConfigError, () => loadConfig(env));
    expect(err.key).toBe(key);
    expect(err.message).toContain(key);
  });
});
