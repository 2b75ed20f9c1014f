/** A quiet connection indicator: visible to staff who know to look, never alarming the public. */
export function ConnectionDot({ connected }: { connected: boolean }) {
  return (
    <span class={connected ? 'connection on' : 'connection off'} role="status" aria-label={connected ? '已连接' : '正在重新连接'}>
      {connected ? '' : '正在重新连接…'}
    </span>
  );
}
