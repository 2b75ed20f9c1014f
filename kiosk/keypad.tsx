// On-screen keypad for ID and phone numbers: the kiosk needs no physical keyboard for digits.
export function Keypad({ withX, onKey, label }: { withX: boolean; onKey: (key: string) => void; label: string }) {
  const keys = ['1', '2', '3', '4', '5', '6', '7', '8', '9', withX ? 'X' : '', '0', '⌫'];
  return (
    <div class="keypad" role="group" aria-label={label}>
      {keys.map((key, i) =>
        key ? (
          <button type="button" key={key} class="key" onClick={() => onKey(key)} aria-label={key === '⌫' ? '删除一位' : key}>
            {key}
          </button>
        ) : (
          <span key={`gap${i}`} />
        ),
      )}
      <button type="button" class="key wide" onClick={() => onKey('clear')}>
        清空
      </button>
    </div>
  );
}

/** Applies a keypad key to a value of at most `max` characters; X only as an ID number's last. */
export function typeKey(value: string, key: string, max: number): string {
  if (key === 'clear') return '';
  if (key === '⌫') return value.slice(0, -1);
  if (value.length >= max) return value;
  if (key === 'X' && value.length !== 17) return value;
  return value + key;
}
