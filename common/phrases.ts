// Polite phrases (文明用语) used on screens, tickets and voice. Keep every public text here so it is
// reviewed in one place against the forbidden list in the service standards.
export const PHRASES = {
  welcome: '您好，欢迎来访。',
  pleaseWait: '今天来访的人很多，请耐心轮候。',
  sorryForWait: '对不起，让您久等了。',
  thanks: '谢谢您的合作。',
  goodbye: '您慢走，再见！',
  pauseNotice: '暂停服务',
  closedNotice: '暂未开放',
  /** A window screen while its window is paused; the reason is what the staff member entered. */
  windowPaused: (reason: string | null) => (reason ? `暂停服务：${reason}，请稍候。` : '暂停服务，请稍候。'),
  windowClosed: '本窗口暂未开放，如需办理，请到服务台咨询。',
  getReady: '请以下号码做好准备：',
  connectionLost: '正在重新连接，请稍候，您的信息不会丢失。',
  /** The kiosk's printer and reader are run by its device agent, which is not connected. */
  devicesUnavailable: '本机的打印机和读卡器暂时连接不上：取号后请记下屏幕上的号码，身份证号可用键盘输入。',
  printFailed: '对不起，号票暂时没有打印出来。请记住屏幕上的号码，叫号时凭号码办理，服务台工作人员也可以为您补打。',
} as const;
