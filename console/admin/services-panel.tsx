// Services (业务): name, days offered and enabled for each queue; adding a new one with its prefix.
import { useState } from 'preact/hooks';
import type { ServiceDefinition as ServiceRow, ServiceListReply } from '../../common/contract/services.ts';
import { ActionMessage, useAction } from '../use-action.tsx';
import { toggled } from '../ui/field.tsx';
import { useList, WEEKDAYS } from './shared.ts';

function ServiceEditor({ row, onSave, isNew }: { row: ServiceRow; onSave: (row: ServiceRow) => void; isNew: boolean }) {
  const [r, setR] = useState(row);
  const toggleDay = (d: number) => {
    const next = toggled(r.weekdays ?? [1, 2, 3, 4, 5, 6, 7], d).sort();
    setR({ ...r, weekdays: next.length === 7 ? null : next });
  };
  const id = `svc-${isNew ? 'new' : r.code}`;
  return (
    <tr>
      <td>
        {isNew ? <input aria-label="新业务代码" value={r.code} maxLength={16} onInput={(e) => setR({ ...r, code: e.currentTarget.value })} /> : r.code}
      </td>
      <td>
        <input aria-label={`${id}名称`} value={r.name} maxLength={20} onInput={(e) => setR({ ...r, name: e.currentTarget.value })} />
      </td>
      <td>{isNew ? <input aria-label="新业务号码字头" value={r.prefix} maxLength={2} onInput={(e) => setR({ ...r, prefix: e.currentTarget.value.toUpperCase() })} /> : r.prefix}</td>
      <td class="row-actions">
        {WEEKDAYS.slice(1).map((d, i) => (
          <label key={d} class="radio">
            <input type="checkbox" aria-label={`${r.name || '新业务'}${d}`} checked={r.weekdays === null || r.weekdays.includes(i + 1)} onChange={() => toggleDay(i + 1)} />
            {d.slice(2)}
          </label>
        ))}
      </td>
      <td>
        <label class="radio">
          <input type="checkbox" checked={r.enabled} onChange={(e) => setR({ ...r, enabled: e.currentTarget.checked })} />
          启用
        </label>
      </td>
      <td>
        <button type="button" class="link" disabled={!r.code || !r.name || (isNew && !/^[A-Z]{1,2}$/.test(r.prefix))} onClick={() => onSave(r)}>
          {isNew ? '添加' : '保存'}
        </button>
      </td>
    </tr>
  );
}

export function ServicesPanel() {
  const action = useAction();
  const [services, reload] = useList<ServiceListReply>('/api/services', 'services');
  const [version, setVersion] = useState(0);
  const save = (row: ServiceRow, isNew: boolean) =>
    void action.run('PUT', `/api/services/${row.code}`, { name: row.name, enabled: row.enabled, weekdays: row.weekdays, ...(isNew ? { prefix: row.prefix } : {}) }, () => {
      reload();
      setVersion(version + 1);
      return `业务“${row.name}”已保存，自助机和大厅屏已更新。`;
    });
  return (
    <section class="panel" aria-labelledby="admin-services">
      <h2 id="admin-services">业务</h2>
      <table>
        <thead>
          <tr><th>代码</th><th>名称</th><th>字头</th><th>开放日</th><th>状态</th><th>操作</th></tr>
        </thead>
        <tbody key={version}>
          {services.map((row) => (
            <ServiceEditor key={row.code} row={row} isNew={false} onSave={(r) => save(r, false)} />
          ))}
          <ServiceEditor row={{ code: '', name: '', prefix: '', enabled: true, weekdays: null }} isNew onSave={(r) => save(r, true)} />
        </tbody>
      </table>
      <ActionMessage message={action.message} />
    </section>
  );
}
