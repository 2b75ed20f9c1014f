// Notices, the leader reception schedule and the registration lists (公告、接访安排与登记名单).
import { useEffect, useState } from 'preact/hooks';
import type { QueueSnapshot } from '../../common/contract/queue.ts';
import type { EditableSettings, LeaderReception as Reception } from '../../common/contract/settings.ts';
import { api } from '../../common/ui/api.ts';
import { ActionMessage, useAction } from '../use-action.tsx';
import { LabelledSelect, LabelledTextarea } from '../ui/field.tsx';
import { WEEKDAYS } from './shared.ts';

const LISTS: Array<[key: 'notices' | 'topics' | 'categories' | 'purposes' | 'causes' | 'systems' | 'hotIssues' | 'helperPhrases', label: string]> = [
  ['notices', '大厅公告（每行一条，在综合屏滚动显示）'],
  ['topics', '自助机事情类别（来访人点选，请保留“其他”“说不清”）'],
  ['categories', '内容分类'],
  ['purposes', '信访目的'],
  ['causes', '产生原因'],
  ['systems', '所属系统'],
  ['hotIssues', '热点问题'],
  ['helperPhrases', '自助机常用语'],
];
const RECEPTION_FIELDS = { time: '时间', leader: '领导', title: '职务', responsibilities: '分管事项', place: '地点' } as const;
const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);

function TextList({ id, label, value, onSave }: { id: string; label: string; value: string[]; onSave: (v: string[]) => void }) {
  const [text, setText] = useState(value.join('\n'));
  return (
    <form
      class="list-editor"
      onSubmit={(e) => {
        e.preventDefault();
        onSave(lines(text));
      }}
    >
      <LabelledTextarea id={id} label={label} rows={Math.min(8, Math.max(3, value.length + 1))} value={text} onValue={setText} />
      <button type="submit" class="secondary">
        保存
      </button>
    </form>
  );
}

export function SettingsPanel({ state }: { state: QueueSnapshot }) {
  const action = useAction();
  const [current, setCurrent] = useState<EditableSettings | null>(null);
  useEffect(() => void api<EditableSettings>('GET', '/api/settings').then(setCurrent, () => undefined), []);
  const save = (key: string, value: unknown, label: string) =>
    void action.run<EditableSettings>('PUT', `/api/settings/${key}`, { value }, (s) => (setCurrent(s), `${label}已保存，大厅屏和自助机已更新。`));
  if (!current) return null;
  return (
    <section class="panel" aria-labelledby="admin-settings">
      <h2 id="admin-settings">公告、接访安排与登记名单</h2>
      <ActionMessage message={action.message} />
      <h3>领导接访安排</h3>
      <ReceptionSchedule initial={current.leaderReceptions} onSave={(rows) => save('leaderReceptions', rows, '领导接访安排')} />
      <div class="grid">
        {LISTS.map(([key, label]) => (
          <TextList key={key} id={`setting-${key}`} label={label} value={current[key]} onSave={(v) => save(key, v, label.split('（')[0]!)} />
        ))}
        <TopicCategories key={`${current.topics.join('|')}/${current.categories.join('|')}`} current={current} onSave={(v) => save('topicCategories', v, '类别对应的内容分类')} />
        {state.services.map((s) => (
          <TextList
            key={`materials-${s.code}`}
            id={`setting-materials-${s.code}`}
            label={`一次性告知材料：${s.name}`}
            value={current.materials[s.code] ?? []}
            onSave={(v) => save('materials', { ...current.materials, [s.code]: v }, `${s.name}的告知材料`)}
          />
        ))}
      </div>
    </section>
  );
}

/** For each kiosk topic, the official category the window form starts from (none: staff choose). */
function TopicCategories({ current, onSave }: { current: EditableSettings; onSave: (v: Record<string, string>) => void }) {
  const [map, setMap] = useState(current.topicCategories);
  return (
    <form
      class="list-editor"
      onSubmit={(e) => {
        e.preventDefault();
        onSave(Object.fromEntries(Object.entries(map).filter(([topic, category]) => category && current.topics.includes(topic))));
      }}
    >
      <fieldset>
        <legend>类别对应的内容分类（窗口核对时预先选好，工作人员可以修改）</legend>
        {current.topics.map((topic) => (
          <LabelledSelect
            key={topic}
            id={`setting-topic-${topic}`}
            label={topic}
            value={map[topic] ?? ''}
            choices={current.categories}
            empty="（不预选）"
            onValue={(category) => setMap({ ...map, [topic]: category })}
          />
        ))}
      </fieldset>
      <button type="submit" class="secondary">
        保存
      </button>
    </form>
  );
}

/** The leader reception schedule, edited as a table and saved as a whole. */
function ReceptionSchedule({ initial, onSave }: { initial: Reception[]; onSave: (rows: Reception[]) => void }) {
  const [receptions, setReceptions] = useState<Reception[]>(initial);
  const setRow = (i: number, patch: Partial<Reception>) => setReceptions(receptions.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <>
      <table>
        <thead>
          <tr><th>日期或每周</th><th>时间</th><th>领导</th><th>职务</th><th>分管事项</th><th>地点</th><th /></tr>
        </thead>
        <tbody>
          {receptions.map((r, i) => (
            <tr key={i}>
              <td class="row-actions">
                <input type="date" aria-label={`第${i + 1}条的日期`} value={r.date ?? ''} onInput={(e) => setRow(i, { date: e.currentTarget.value || undefined, weekday: e.currentTarget.value ? undefined : r.weekday })} />
                <select aria-label={`第${i + 1}条的星期`} value={r.weekday ?? ''} onChange={(e) => setRow(i, { weekday: Number(e.currentTarget.value) || undefined, date: e.currentTarget.value ? undefined : r.date })}>
                  <option value="">（按日期）</option>
                  {WEEKDAYS.slice(1).map((d, n) => (
                    <option key={d} value={n + 1}>
                      每{d}
                    </option>
                  ))}
                </select>
              </td>
              {(Object.keys(RECEPTION_FIELDS) as Array<keyof typeof RECEPTION_FIELDS>).map((f) => (
                <td key={f}>
                  <input aria-label={`第${i + 1}条的${RECEPTION_FIELDS[f]}`} value={r[f]} onInput={(e) => setRow(i, { [f]: e.currentTarget.value })} />
                </td>
              ))}
              <td>
                <button type="button" class="link" onClick={() => setReceptions(receptions.filter((_, j) => j !== i))}>
                  删除
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div class="inline">
        <button type="button" class="secondary" onClick={() => setReceptions([...receptions, { time: '09:00–11:30', leader: '', title: '', responsibilities: '', place: '' }])}>
          添加一条
        </button>
        <button type="button" onClick={() => onSave(receptions.map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)) as Reception))}>
          保存接访安排
        </button>
      </div>
    </>
  );
}
