import { render } from 'preact';
import '../common/ui/base.css';
import './display.css';
import { Board } from './board.tsx';
import { Evaluator } from './evaluator.tsx';
import { WindowScreen } from './window-screen.tsx';

// `?window=N` turns a display into that window's screen (窗口屏); otherwise it is the hall board.
const windowParam = new URLSearchParams(location.search).get('window');
const windowNo = windowParam && /^\d{1,3}$/.test(windowParam) ? Number(windowParam) : null;
// `?window=N&evaluator` makes it that window's evaluator (评价器, 好差评) instead.
const evaluator = windowNo !== null && new URLSearchParams(location.search).has('evaluator');
if (windowNo !== null) document.title = evaluator ? `${windowNo}号窗口服务评价` : `${windowNo}号窗口屏`;

const app = windowNo === null ? <Board /> : evaluator ? <Evaluator windowNo={windowNo} /> : <WindowScreen windowNo={windowNo} />;
render(app, document.getElementById('app')!);
