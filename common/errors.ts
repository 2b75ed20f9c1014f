// Machine codes and the polite Chinese text shown for them. One error shape everywhere:
// { "error": "<code>", "message": "<text>" }. Never blame the person, always say what happens next.

export const ERROR_MESSAGES = {
  bad_request: '提交的信息有误,请检查后重试。',
  validation_failed: '提交的信息不完整或格式不对,请检查后重试。',
  payload_too_large: '提交的内容过多,请精简后重试。',
  unsupported_media_type: '提交的格式不受支持,请使用 JSON。',
  not_found: '没有找到您要的内容,请核对后重试。',
  unauthenticated: '请先登录后再操作。',
  forbidden: '您的账号没有进行此项操作的权限,如有需要请联系管理员。',
  invalid_credentials: '用户名或密码不正确,请重新输入。',
  account_locked: '登录失败次数较多,账号已暂时锁定,请稍后再试或联系管理员。',
  account_disabled: '该账号已停用,如有需要请联系管理员。',
  rate_limited: '操作过于频繁,请稍候片刻再试。',
  invalid_pairing_code: '配对码无效或已过期,请向管理员重新获取。',
  device_revoked: '该设备已停用,请联系管理员重新配对。',
  service_unknown: '没有这项业务,请重新选择。',
  service_not_offered: '今天没有安排这项业务,请选择其他业务或咨询服务台工作人员。',
  green_reason_required: '请选择绿色通道的原因。',
  green_note_required: '请填写绿色通道的具体情况。',
  green_reason_unknown: '绿色通道原因不在列表中,请重新选择。',
  window_unknown: '没有这个窗口,请核对窗口号。',
  window_not_open: '该窗口目前未开放,请先开启窗口。',
  window_busy: '该窗口正在办理一个号,请先办结、过号或转移后再叫号。',
  window_idle: '该窗口当前没有正在办理的号。',
  window_not_yours: '该窗口由其他工作人员值守,请在您自己的窗口操作。',
  window_taken_by_you: '您已在其他窗口值守,请先关闭那个窗口。',
  window_has_ticket: '该窗口还有正在办理的号,请先办结或转移。',
  service_prefix_required: '新增业务请填写号码字头(1-2个大写字母)。',
  service_prefix_taken: '这个号码字头已被其他业务或绿色通道使用,请换一个。',
  window_exists: '已经有这个编号的窗口,请换一个编号。',
  window_in_use: '该窗口正在使用,请先由值守人员办结并关闭窗口后再移除。',
  staff_username_taken: '该用户名已被使用,请换一个。',
  window_not_serving: '该窗口不办理这项业务。',
  queue_empty: '目前没有等候的号。',
  ticket_unknown: '没有找到这个号,请核对后重试。',
  ticket_state: '这个号当前的状态不能进行此项操作,请刷新后重试。',
  no_show_too_early: '呼叫次数还不够,请再呼叫后再标记过号。',
  transfer_target_required: '请选择要转到的业务或窗口。',
  transfer_same_place: '转移的目标与当前相同,请重新选择。',
  staff_unknown: '没有找到该工作人员。',
  printer_unknown: '没有这台打印机,请核对打印机编号。',
  reader_unknown: '没有这台读卡器,或它不是模拟读卡器,请核对编号。',
  id_number_invalid: '{field}有误,请核对后重新输入。',
  id_derived_mismatch: '{field}与身份证号码不一致,请核对身份证号码。',
  phone_invalid: '{field}格式不对,请输入11位手机号码或带区号的固定电话。',
  too_many_representatives: '集体来访请推选不超过5名代表登记,代表人数不能超过来访人数。',
  representative_duplicate: '{field}与已登记的人重复,请核对。',
  choice_unknown: '所选的{field}不在列表中,请重新选择。',
  notification_required: '请先阅读并确认一次性告知的材料清单。',
  intake_unknown: '没有找到这个号的登记信息。',
  intake_not_at_window: '这个号目前不在窗口办理,请先叫号后再核对登记信息。',
  forwarding_not_dead: '这份登记不在“转送失败”状态,无需重新发送。',
  intake_forwarded: '这份登记已经转送,不能再修改;如需补充,请联系管理员。',
  progress_not_found: '没有查到相关的登记记录。请核对号票或身份证号码和手机号后四位后再试,也可以到服务台请工作人员帮您查询。',
  conflict: '这项内容与已有的记录冲突(可能刚被他人修改过),请刷新后重试。',
  origin_refused: '该请求不是从本大厅的页面发出的,已拒绝。请直接在大厅系统的页面中操作。',
  method_not_allowed: '不支持这种操作方式,请核对后重试。',
  uri_too_long: '请求的地址过长,请核对后重试。',
  headers_too_large: '请求的附加信息过多,请清理浏览器缓存后重试。',
  request_timeout: '请求等待超时,请重试。',
  unavailable: '系统正在重新启动,请稍候片刻再试。',
  internal: '系统暂时出现问题,我们正在处理,请稍候再试或请工作人员协助。',
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export interface ErrorBody {
  error: string;
  message: string;
  /** The field to correct, when the refusal is about one field. */
  field?: string;
}
