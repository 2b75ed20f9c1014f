import { render } from 'preact';
import '../common/ui/base.css';
import './display.css';
import { Board } from './board.tsx';
import { WindowScreen } from './window-screen.tsx';

// `?window=N` turns a display into that window's screen (窗口屏); otherwise it is the hall board.
const windowParam = new URLSearchParams(location.search).get('window');
const windowNo = windowParam && /^\d{1,3}$/.test(windowParam) ? Number(windowParam) : null;
if (windowNo !== null) document.title = `${windowNo}号窗口屏`;

render(windowNo !== null ? <WindowScreen windowNo={windowNo} /> : <Board />, document.getElementById('app')!);
