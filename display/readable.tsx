/**
 * Text for the public screens with its digits and Latin letters drawn larger (class `n`): at the
 * same font size their height is only about three quarters of a Chinese character's.
 */
export function Readable({ text }: { text: string }) {
  const parts = text.split(/([0-9A-Za-z]+)/);
  return <>{parts.map((part, i) => (i % 2 ? <span class="n" key={i}>{part}</span> : part))}</>;
}

/** Green channel shown by a symbol and words as well as colour; never the reason (privacy). */
export function GreenMark() {
  return (
    <span class="green-mark">
      （<span class="green-symbol" aria-hidden="true">✚</span>绿色通道）
    </span>
  );
}

/** A number of a booking checked in (预约), said in words as well as colour. */
export function BookedMark() {
  return <span class="booked-mark">（预约）</span>;
}
