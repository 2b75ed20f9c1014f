// Province → city → county picker over the server's division data, starting at the hall's city.
import { useEffect, useState } from 'preact/hooks';
import type { Division, DivisionListReply } from '../common/contract/registration.ts';
import { api } from '../common/ui/api.ts';

interface Level {
  parent: string | null;
  path: Division[];
  divisions: Division[];
}

async function load(parent: string | null): Promise<Level> {
  const reply = await api<DivisionListReply>('GET', `/api/divisions${parent ? `?parent=${parent}` : ''}`);
  return { parent, ...reply };
}

export function PlacePicker(props: {
  /** The hall's city: where the list starts. */
  start: string | null;
  value: string;
  valueName: string;
  onPick: (code: string, fullName: string) => void;
  problem?: string | undefined;
}) {
  const [level, setLevel] = useState<Level | null>(null);
  const [open, setOpen] = useState(!props.value);
  const [failed, setFailed] = useState(false);

  const go = (parent: string | null) =>
    load(parent).then(
      (next) => {
        setFailed(false);
        setLevel(next);
      },
      () => setFailed(true),
    );

  useEffect(() => {
    if (open && !level) void go(props.start);
  }, [open]);

  const pick = (d: Division) => {
    if (d.hasChildren) return void go(d.code);
    props.onPick(d.code, [...(level?.path ?? []), d].map((x) => x.name).join(' '));
    setOpen(false);
  };

  return (
    <fieldset class={props.problem ? 'choices has-problem' : 'choices'} id="matter-placeCode">
      <legend class="field-label">问题发生在哪里（问题属地）</legend>
      {props.value && !open ? (
        <div class="picked">
          <span data-testid="place-name">{props.valueName}</span>
          <button type="button" class="secondary" onClick={() => setOpen(true)}>
            更改
          </button>
        </div>
      ) : (
        <>
          <p class="breadcrumb" aria-live="polite">
            {level?.path.length ? level.path.map((d) => d.name).join(' › ') : '请选择省份'}
          </p>
          {level && level.parent !== null && (
            <button type="button" class="secondary" onClick={() => void go(level.path.length > 1 ? level.path[level.path.length - 2]!.code : null)}>
              返回上一级
            </button>
          )}
          {failed && <p class="notice">地区列表暂时没有加载出来，请稍候再点一次。</p>}
          <div class="choice-grid">
            {level?.divisions.map((d) => (
              <button type="button" key={d.code} class="choice" aria-pressed={props.value === d.code} onClick={() => pick(d)}>
                {d.name}
              </button>
            ))}
          </div>
        </>
      )}
      {props.problem && (
        <p class="problem" role="alert">
          {props.problem}
        </p>
      )}
    </fieldset>
  );
}
