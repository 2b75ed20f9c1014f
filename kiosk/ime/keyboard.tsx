// The kiosk's on-screen keyboard for Chinese text: pinyin with a candidate bar, handwriting,
// digits, and the full-width ，。？ — no system input method needed. Text is added at the end of
// the field's value; 删除 takes back the last letter of the pinyin, or else the last character.
import { useContext, useMemo, useState } from 'preact/hooks';
import { ElderMode } from '../elder.ts';
import { HandwritingPad } from './handwriting-pad.tsx';
import { candidates, displayPinyin, restAfter } from './pinyin.ts';
import { useDictionary } from './use-dictionary.ts';

const ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'];
const PUNCTUATION = ['，', '。', '？'];
const PUNCTUATION_NAMES: Record<string, string> = { '，': '逗号', '。': '句号', '？': '问号' };
/** Longest pinyin kept (a sentence's worth); further letters are ignored. */
const MAX_PINYIN = 40;

type Mode = 'pinyin' | 'handwriting' | 'digits';

/** Appends text to a value of at most `max` characters (counted as the field counts them). */
const append = (value: string, text: string, max: number) => (value + text).slice(0, Math.max(max, value.length));
/** The value without its last character (a whole character, never half of one). */
const withoutLast = (value: string) => Array.from(value).slice(0, -1).join('');

export function ImeKeyboard(props: { value: string; maxLength: number; onChange: (value: string) => void; onClose: () => void }) {
  const large = useContext(ElderMode);
  const dictionary = useDictionary();
  const [mode, setMode] = useState<Mode>('pinyin');
  const [pinyin, setPinyin] = useState('');
  const [page, setPage] = useState(0);
  const pageSize = large ? 4 : 6;
  const dict = dictionary.status === 'ready' ? dictionary.dict : null;
  const found = useMemo(() => (dict && pinyin ? candidates(dict, pinyin) : []), [dict, pinyin]);
  const pages = Math.max(1, Math.ceil(found.length / pageSize));
  const shown = found.slice(page * pageSize, (page + 1) * pageSize);

  const compose = (next: string) => {
    setPinyin(next);
    setPage(0);
  };
  const add = (text: string) => props.onChange(append(props.value, text, props.maxLength));
  const pick = (index: number) => {
    const c = found[index];
    if (!c) return;
    add(c.text);
    compose(restAfter(pinyin, c.consumed));
  };
  const letter = (key: string) => {
    if (pinyin.length >= MAX_PINYIN || (key === "'" && (!pinyin || pinyin.endsWith("'")))) return;
    compose(pinyin + key);
  };
  /** A mark typed while composing first takes the best candidate, as desktop input methods do. */
  const mark = (text: string) => {
    const c = pinyin ? found[0] : undefined;
    props.onChange(append(append(props.value, c?.text ?? '', props.maxLength), text, props.maxLength));
    if (pinyin) compose('');
  };
  const erase = () => (pinyin ? compose(pinyin.slice(0, -1)) : props.onChange(withoutLast(props.value)));
  const clear = () => (pinyin ? compose('') : props.onChange(''));
  const confirm = () => (pinyin ? (found.length > 0 ? pick(0) : compose('')) : add(' '));
  const switchTo = (next: Mode) => {
    compose('');
    setMode(next);
  };

  return (
    <div class={large ? 'ime large' : 'ime'} role="group" aria-label="屏幕输入法" data-testid="ime">
      <div class="ime-modes">
        {(
          [
            ['pinyin', '拼音'],
            ['handwriting', '手写'],
            ['digits', '数字'],
          ] as const
        ).map(([m, name]) => (
          <button type="button" key={m} class="ime-mode" aria-pressed={mode === m} onClick={() => switchTo(m)}>
            {name}
          </button>
        ))}
        <div class="ime-composition">
          {mode === 'pinyin' && (
            <output class="ime-pinyin" data-testid="ime-pinyin" aria-live="polite" aria-label="已输入的拼音">
              {pinyin ? (dict ? displayPinyin(dict, pinyin) : pinyin) : ''}
            </output>
          )}
          {mode === 'pinyin' && dictionary.status === 'loading' && <span class="ime-note">正在载入字库…</span>}
          {mode === 'pinyin' && dictionary.status === 'failed' && <span class="ime-note">字库暂时无法载入，请用手写。</span>}
          {mode === 'pinyin' && !pinyin && dictionary.status === 'ready' && <span class="ime-note">点字母拼写，再点字词</span>}
        </div>
        <button type="button" class="ime-mode ime-close" onClick={props.onClose}>
          收起键盘
        </button>
      </div>
      {mode === 'pinyin' && (
        <>
          <div class="ime-candidates" role="group" aria-label="候选字词" data-testid="ime-candidates">
            {shown.map((c, i) => (
              <button type="button" key={`${c.text}@${c.consumed}`} class="ime-candidate" onClick={() => pick(page * pageSize + i)}>
                {c.text}
              </button>
            ))}
            {Array.from({ length: pageSize - shown.length }, (_, i) => (
              <span key={`gap${i}`} class="ime-candidate gap" aria-hidden="true" />
            ))}
            <button type="button" class="ime-page" disabled={page === 0} onClick={() => setPage(page - 1)}>
              上一页
            </button>
            <button type="button" class="ime-page" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>
              下一页
            </button>
          </div>
          {ROWS.map((row, r) => (
            <div class="ime-row" key={row}>
              {r === 2 && (
                <button type="button" class="ime-key" aria-label="隔音符号" onClick={() => letter("'")}>
                  '
                </button>
              )}
              {[...row].map((key) => (
                <button type="button" key={key} class="ime-key" aria-label={key === 'v' ? 'ü' : key} onClick={() => letter(key)}>
                  {key === 'v' ? 'ü' : key}
                </button>
              ))}
            </div>
          ))}
        </>
      )}
      {mode === 'handwriting' && <HandwritingPad large={large} onPick={add} />}
      {mode === 'digits' && (
        <div class="ime-row">
          {DIGITS.map((d) => (
            <button type="button" key={d} class="ime-key" onClick={() => add(d)}>
              {d}
            </button>
          ))}
        </div>
      )}
      <div class="ime-row ime-actions">
        {PUNCTUATION.map((p) => (
          <button type="button" key={p} class="ime-key" aria-label={PUNCTUATION_NAMES[p]} onClick={() => mark(p)}>
            {p}
          </button>
        ))}
        <button type="button" class="ime-key ime-wide" onClick={confirm}>
          {pinyin ? '确定' : '空格'}
        </button>
        <button type="button" class="ime-key ime-wide" onClick={erase}>
          删除
        </button>
        <button type="button" class="ime-key ime-wide" onClick={clear}>
          清空
        </button>
      </div>
    </div>
  );
}
