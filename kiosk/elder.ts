// 大字模式 for components deep in a step (the on-screen keyboard, the handwriting pad); sizes in
// rem follow it through kiosk.css already.
import { createContext } from 'preact';

export const ElderMode = createContext(false);
