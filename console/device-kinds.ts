// The names staff see for each kind of paired device (desk status, administration).
export const KIND_NAMES: Record<string, string> = { kiosk: '自助机', display: '综合屏', 'window-screen': '窗口屏', evaluator: '评价器' };
