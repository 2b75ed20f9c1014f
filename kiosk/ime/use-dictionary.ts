// The pinyin dictionary, fetched from the hall server when a Chinese field first shows (a hashed,
// cacheable file of dist/assets, ~1 MB, ~450 KB gzip) and parsed once per page: the kiosk's start
// stays small and every lookup after that runs in the kiosk's browser, with no request per key.
import { useEffect, useState } from 'preact/hooks';
import dictionaryUrl from './pinyin-simp.txt?url';
import { parseDictionary, type Dictionary } from './pinyin.ts';

let loading: Promise<Dictionary> | null = null;

/** Starts fetching the dictionary (a field that may need it is on screen); the keyboard waits for it. */
export function preloadDictionary(): void {
  load().catch(() => undefined);
}

function load(): Promise<Dictionary> {
  loading ??= fetch(dictionaryUrl)
    .then((response) => {
      if (!response.ok) throw new Error(`dictionary: HTTP ${response.status}`);
      return response.text();
    })
    .then(parseDictionary)
    .catch((error: unknown) => {
      loading = null; // the next keyboard tries again
      throw error;
    });
  return loading;
}

export type DictionaryState = { status: 'loading' } | { status: 'ready'; dict: Dictionary } | { status: 'failed' };

export function useDictionary(): DictionaryState {
  const [state, setState] = useState<DictionaryState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    load().then(
      (dict) => live && setState({ status: 'ready', dict }),
      () => live && setState({ status: 'failed' }),
    );
    return () => void (live = false);
  }, []);
  return state;
}
