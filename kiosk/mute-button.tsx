/** 静音: on every screen while the kiosk's voice guidance is on; pressed, nothing more is said. */
export function MuteButton(props: { muted: boolean; onMuted: (on: boolean) => void }) {
  return (
    <button type="button" class="mute" aria-pressed={props.muted} data-testid="mute" onClick={() => props.onMuted(!props.muted)}>
      <svg aria-hidden="true" viewBox="0 0 24 24" width="1.2em" height="1.2em" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
        <path d="M4 9h4l5-4v14l-5-4H4z" fill="currentColor" />
        {props.muted ? <path d="M16 9l5 6M21 9l-5 6" /> : <path d="M16 8.5a5 5 0 0 1 0 7M18.5 6a8.5 8.5 0 0 1 0 12" />}
      </svg>
      <span>静音</span>
    </button>
  );
}
