// Sections of the hall's configuration schema (server/config/schema.ts assembles them), kept
// apart so the schema file stays readable. Every key is documented in docs/configuration.md.
import { Type } from 'typebox';

const Labels = (defaults: string[]) =>
  Type.Array(Type.String({ minLength: 1, maxLength: 20 }), { minItems: 1, uniqueItems: true, default: defaults });

/** The HTTP server: address, log level, allowed origins and what one client may hold or ask. */
export const ServerSection = Type.Object(
  {
    host: Type.String({ minLength: 1, default: '0.0.0.0' }),
    port: Type.Integer({ minimum: 0, maximum: 65535, default: 3000 }),
    logLevel: Type.Union(
      ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
      { default: 'info' },
    ),
    log: Type.Object(
      {
        file: Type.Union([Type.Null(), Type.String({ minLength: 1, maxLength: 200 })], {
          default: null,
          description: 'Write the log to this file (relative to dataDir), rotated, instead of standard output (which systemd keeps in the journal)',
        }),
        frequency: Type.Union([Type.Literal('daily'), Type.Literal('hourly')], { default: 'daily', description: 'Start a new log file every day or every hour' }),
        size: Type.String({ pattern: '^[1-9][0-9]*[kmg]$', default: '100m', description: 'Start a new log file when the current one reaches this size (k, m, g)' }),
        keep: Type.Integer({ minimum: 1, maximum: 366, default: 14, description: 'Log files kept; older ones are deleted' }),
      },
      { additionalProperties: false, default: {} },
    ),
    clock: Type.Object(
      {
        jumpSeconds: Type.Integer({ minimum: 1, maximum: 3_600, default: 10, description: 'A system clock move beyond this (either way), unlike the time that passed, is a jump: logged, alerted to the desk and leaders, shown in /api/health' }),
        syncCheck: Type.Boolean({ default: true, description: "Ask systemd (timedatectl) hourly whether the clock is NTP-synchronised; warn in the log and /api/health when not" }),
      },
      { additionalProperties: false, default: {} },
    ),
    /** Origins (besides the hall's own address) whose pages may send staff requests. */
    allowedOrigins: Type.Array(Type.String({ pattern: '^https?://[^/]+/?$' }), { default: [], uniqueItems: true }),
    // What one client may hold or ask of the server, so that no client on the hall LAN
    // (stuck, buggy or hostile) can exhaust its memory or starve the others.
    limits: Type.Object(
      {
        connectionsPerAddress: Type.Integer({ minimum: 1, maximum: 100_000, default: 64, description: 'TCP connections (HTTP and sockets) open from one address at once' }),
        socketsPerAddress: Type.Integer({ minimum: 1, maximum: 100_000, default: 32, description: 'Socket.IO connections from one address at once' }),
        pipelinedRequests: Type.Integer({ minimum: 1, maximum: 100, default: 8, description: 'requests on one connection still waiting for their answer to go out' }),
        requestsPerConnection: Type.Integer({ minimum: 1, maximum: 1_000_000, default: 1_000, description: 'requests one keep-alive connection may carry before it is closed' }),
        outgoingBufferKiB: Type.Integer({ minimum: 64, maximum: 1_048_576, default: 1_024, description: 'data waiting to go out to one connection or socket; beyond it the client is cut off' }),
        coolOffSeconds: Type.Integer({ minimum: 1, maximum: 3_600, default: 10, description: 'an address cut off for flooding is refused this long (doubling on repeats, at most 32×)' }),
        socketEventBurst: Type.Integer({ minimum: 1, maximum: 10_000, default: 10, description: 'events a socket may send at once' }),
        socketEventsPerSecond: Type.Number({ exclusiveMinimum: 0, maximum: 10_000, default: 1, description: 'events a socket may send per second, sustained' }),
      },
      { additionalProperties: false, default: {} },
    ),
  },
  { additionalProperties: false, default: {} },
);

const NoticeText = (fallback: string) => Type.String({ minLength: 1, maxLength: 300, default: fallback });
const NoticeOverride = Type.Object(
  {
    basis: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
    office: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
    procedure: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
    remedies: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
    materials: Type.Optional(Type.Array(Type.String({ maxLength: 80 }), { description: 'Added after the materials of the service and purpose' })),
  },
  { additionalProperties: false },
);

/**
 * The one-time notification (一次性告知): its five items — the basis (依据), the handling office
 * (办理机关), the procedure and time limits (程序和时限), the materials (材料: `materials` and
 * `purposeMaterials`, plus a category's own) and the remedies (救济途径) — with texts a matter
 * category (内容分类) may replace.
 */
const NotificationSection = Type.Object(
  {
    basis: NoticeText('《信访工作条例》（2022年5月1日起施行）及本省信访工作有关规定。'),
    office: NoticeText('本大厅当日登记您的信访事项，并按照“属地管理、分级负责，谁主管、谁负责”的原则，转送或交办依法有权处理的机关、单位办理。'),
    procedure: NoticeText(
      '有权处理的机关、单位自收到转送、交办之日起15日内决定是否受理，并书面告知您；受理后60日内办结，情况复杂的，经批准可适当延长，延长期限不超过30日，并告知您延期理由。',
    ),
    remedies: NoticeText(
      '对处理意见不服的，可以自收到书面答复之日起30日内请求原办理机关的上一级机关复查，复查机关自收到请求之日起30日内提出复查意见；对复查意见不服的，可以自收到之日起30日内向复查机关的上一级机关请求复核，复核机关自收到请求之日起30日内提出复核意见。',
    ),
    byCategory: Type.Record(Type.String(), NoticeOverride, {
      default: {
        '政法': {
          office: '属于诉讼、仲裁、行政复议等法定途径解决的事项，依法由人民法院、仲裁机构、行政复议机关等处理；本大厅登记后告知您应当向哪个机关提出。',
          remedies: '对人民法院、检察机关的处理不服的，请依照诉讼法律规定的程序提出申诉；本大厅可以为您说明如何提出。',
        },
        '劳动和社会保障': {
          office: '本大厅当日登记后，转送人力资源社会保障部门（劳动保障监察机构）等有权处理的机关办理。',
          materials: ['劳动合同、工资条、考勤记录等与劳动关系有关的材料（如有）'],
        },
      },
      description: '内容分类 → the items it replaces, and materials it adds',
    }),
  },
  { additionalProperties: false, default: {} },
);

/** The kiosk registration form: its lists (admins may edit most in the console), the home place, the services with a special role. */
export const RegistrationSection = Type.Object(
  {
    categories: Labels([
      '城乡建设', '农村农业', '劳动和社会保障', '国土资源', '政法', '卫生健康', '教育文体', '环境保护', '民政',
      '纪检监察', '组织人事', '企业改制', '交通运输', '商贸旅游', '经济管理', '科技与信息产业', '党务政务', '其他',
    ]),
    // Asked at the kiosk in plain words; the official coding below is done at the window.
    topics: Labels([
      '工资被拖欠', '社保和养老', '房屋和拆迁', '土地和承包地', '物业和小区', '看病和医疗', '上学和教育',
      '环境污染', '案件和诉讼', '干部作风', '其他', '说不清',
    ]),
    topicCategories: Type.Record(Type.String(), Type.String({ minLength: 1, maxLength: 20 }), {
      default: {
        '工资被拖欠': '劳动和社会保障',
        '社保和养老': '劳动和社会保障',
        '房屋和拆迁': '城乡建设',
        '土地和承包地': '国土资源',
        '物业和小区': '城乡建设',
        '看病和医疗': '卫生健康',
        '上学和教育': '教育文体',
        '环境污染': '环境保护',
        '案件和诉讼': '政法',
        '干部作风': '纪检监察',
      },
      description: 'Topic → the official category the window form starts from (a suggestion staff may change)',
    }),
    kioskPurposes: Type.Array(
      Type.Object(
        { label: Type.String({ minLength: 1, maxLength: 20 }), purpose: Type.String({ minLength: 1, maxLength: 20 }) },
        { additionalProperties: false },
      ),
      {
        minItems: 1,
        default: [
          { label: '请求解决问题', purpose: '求决' },
          { label: '对处理结果不服', purpose: '申诉' },
          { label: '反映干部违纪违法', purpose: '揭发控告' },
        ],
        description: 'The purpose as the kiosk asks it, each standing for an official purpose; the kiosk adds 说不清 (no purpose sent)',
      },
    ),
    purposes: Labels(['求决', '申诉', '揭发控告', '意见建议', '咨询', '其他']),
    causes: Labels(['政策不完善', '政策落实不到位', '工作作风问题', '历史遗留问题', '其他']),
    systems: Labels([
      '住房城乡建设', '自然资源', '人力资源社会保障', '公安', '司法', '卫生健康', '教育', '生态环境', '民政',
      '交通运输', '农业农村', '市场监管', '纪检监察', '其他',
    ]),
    hotIssues: Labels(['征地拆迁', '劳动工资', '物业管理', '房屋质量', '社会保障', '涉法涉诉', '环境污染']),
    closeReasons: Type.Array(Type.String({ minLength: 2, maxLength: 20 }), {
      default: ['仅咨询无需登记', '来访人已离开', '重复登记', '转其他渠道办理'],
      minItems: 1,
      description: 'Reasons a staff member may choose to complete a ticket whose registration is not verified (audited)',
    }),
    occupations: Labels(['农民', '工人', '个体工商户', '企业人员', '机关事业单位人员', '离退休人员', '学生', '军人', '无业', '其他']),
    politicalStatuses: Labels(['中共党员', '中共预备党员', '共青团员', '民主党派', '无党派人士', '群众']),
    helperPhrases: Type.Array(Type.String({ minLength: 1, maxLength: 20 }), {
      default: ['我要反映的问题是：', '事情发生在', '年', '月', '之前已经向', '反映过，', '至今没有解决。', '希望有关部门'],
      description: 'Tap-to-insert phrases under the main-problem box',
    }),
    homeDivision: Type.String({
      pattern: '^\\d{6}$',
      default: '110101',
      description: "GB/T 2260 code of the hall's own county/city: the place picker starts there",
    }),
    collectiveService: Type.String({ default: 'D', description: 'Service a collective visit (more than 5 people) is queued for' }),
    queryService: Type.String({ default: 'B', description: 'Service whose kiosk button first offers the progress query (重复访·查询)' }),
    leaderService: Type.Union([Type.String(), Type.Null()], {
      default: 'C',
      description: 'Service offered only on days with a leader reception in the schedule (领导接访); null: no such link',
    }),
    idleSeconds: Type.Integer({ minimum: 20, maximum: 600, default: 60, description: 'Kiosk: untouched this long → warn, then clear' }),
    /** One-time notification (一次性告知): materials to bring or show, per service code. */
    materials: Type.Record(Type.String(), Type.Array(Type.String({ maxLength: 80 })), {
      default: {
        A: ['本人居民身份证（原件）', '反映问题的书面材料（写明事实、理由和诉求）', '与问题有关的证据材料（合同、票据、照片等复印件）'],
        B: ['本人居民身份证（原件）', '此前的受理告知书或答复意见书', '新的事实、证据材料（如有）'],
        C: ['本人居民身份证（原件）', '反映问题的书面材料', '此前有关部门的处理意见（如有）'],
        D: ['每位代表的居民身份证（原件）', '全体来访人推选代表的书面说明', '反映问题的书面材料和证据材料'],
        E: ['本人居民身份证（原件）', '与咨询问题有关的材料（如有）'],
      },
    }),
    notification: NotificationSection,
    purposeMaterials: Type.Record(Type.String(), Type.Array(Type.String({ maxLength: 80 })), {
      default: {
        '申诉': ['原处理决定或答复文书'],
        '揭发控告': ['被反映人的姓名、单位、职务及具体事实', '可以核实的证据线索（您的材料将严格保密）'],
      },
    }),
  },
  { additionalProperties: false, default: {} },
);

/** Forwarding verified registrations to the bureau's case system (当日办). */
export const ForwardingSection = Type.Object(
  {
    adapter: Type.Union([Type.Literal('file'), Type.Literal('http'), Type.Literal('off')], {
      default: 'file',
      description: 'file: one JSON file per registration in `directory`; http: POST to `url`; off: queue only',
    }),
    directory: Type.Optional(Type.String({ minLength: 1, description: 'File drop folder (default <dataDir>/forwarded)' })),
    url: Type.Optional(Type.String({ pattern: '^https?://' })),
    secret: Type.Optional(Type.String({ minLength: 16, description: 'HMAC-SHA256 key shared with the case system' })),
    concurrency: Type.Integer({ minimum: 1, maximum: 64, default: 4 }),
    timeoutSeconds: Type.Number({ exclusiveMinimum: 0, maximum: 300, default: 15 }),
    maxAttempts: Type.Integer({ minimum: 1, maximum: 10_000, default: 200 }),
    retryBaseSeconds: Type.Number({ exclusiveMinimum: 0, maximum: 3600, default: 5 }),
    retryMaxSeconds: Type.Number({ exclusiveMinimum: 0, maximum: 86_400, default: 600 }),
    /** The longest wait a 429/503 `Retry-After` may impose (longer requests are cut to this). */
    retryAfterMaxSeconds: Type.Number({ minimum: 0, maximum: 86_400, default: 600 }),
    /** Plain `http://` to a case system outside this machine (personal data in clear): refused unless true. */
    allowInsecureHttp: Type.Boolean({ default: false }),
    closingTime: Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', default: '17:30' }),
    warnMinutesBeforeClose: Type.Integer({ minimum: 0, maximum: 600, default: 60 }),
    /** Days a dropped file stays after the case system acknowledged it (0: removed at once). */
    retainDays: Type.Number({ minimum: 0, maximum: 3650, default: 7 }),
  },
  { additionalProperties: false, default: {} },
);

const LocalTime = (fallback: string) => Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', default: fallback });
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

/** Hall hours and working days (server/calendar/hall-calendar.ts does the arithmetic). */
export const HoursSection = Type.Object(
  {
    opens: LocalTime('09:00'),
    closes: LocalTime('17:30'),
    days: Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), {
      minItems: 1,
      uniqueItems: true,
      default: [1, 2, 3, 4, 5],
      description: 'ISO weekdays the hall is open (1 = Monday) when no holiday or make-up day says otherwise',
    }),
    officialCalendar: Type.Boolean({
      default: true,
      description: "Follow the State Council's holiday notice (statutory holidays and make-up working days, from the chinese-days package)",
    }),
    holidays: Type.Array(Day, { default: [], uniqueItems: true, description: 'Extra closed days (YYYY-MM-DD), over the official calendar' }),
    workdays: Type.Array(Day, { default: [], uniqueItems: true, description: 'Extra open days, e.g. make-up working days not yet in the package' }),
    kioskStopsBeforeClose: Type.Integer({
      minimum: 0,
      maximum: 600,
      default: 30,
      description: 'Minutes before closing the kiosks stop issuing numbers (the desk still can, audited)',
    }),
    kioskLimited: Type.Boolean({ default: true, description: 'false: kiosks issue at any hour (a 24-hour demo)' }),
  },
  { additionalProperties: false, default: {} },
);

/** Daily online backups of the hall database (see docs/backup.md). */
export const BackupSection = Type.Object(
  {
    enabled: Type.Boolean({ default: true }),
    hour: Type.Integer({ minimum: 0, maximum: 23, default: 19, description: "Hour of the day (hall's zone) the daily backup is made" }),
    dir: Type.Optional(Type.String({ minLength: 1, description: 'Backup folder (default <dataDir>/backups)' })),
  },
  { additionalProperties: false, default: {} },
);

/** GET /metrics for a monitoring system: who may scrape it (addresses, or a bearer token). */
export const MetricsSection = Type.Object(
  {
    enabled: Type.Boolean({ default: true }),
    allow: Type.Array(Type.String({ minLength: 1 }), { default: ['127.0.0.1', '::1', '::ffff:127.0.0.1'], uniqueItems: true, description: 'addresses that may scrape without a token' }),
    token: Type.Union([Type.String({ minLength: 16 }), Type.Null()], { default: null, description: 'bearer token that lets any address scrape (HALL_METRICS_TOKEN)' }),
  },
  { additionalProperties: false, default: {} },
);

/** 好差评: the window evaluators, the kiosk's later rating, and the follow-up of 差评 (see docs/evaluation.md). */
export const EvaluationSection = Type.Object(
  {
    evaluatorSeconds: Type.Integer({
      minimum: 10,
      maximum: 600,
      default: 60,
      description: 'How long a window evaluator invites a rating after the window completes a ticket; then it goes back to idle (未评价)',
    }),
    thanksSeconds: Type.Integer({ minimum: 1, maximum: 60, default: 5, description: 'How long the evaluator shows its thanks' }),
    kioskDays: Type.Integer({ minimum: 0, maximum: 90, default: 7, description: 'Days after completion a ticket may still be rated at the kiosk by its code (0 = not at the kiosk)' }),
    rectificationWorkingDays: Type.Integer({
      minimum: 1,
      maximum: 90,
      default: 15,
      description: 'Working days (the hall calendar: official holidays and make-up days) a rectification task (整改) of a 差评 is due in',
    }),
    windowScreenMonthly: Type.Boolean({ default: false, description: "Show the staff member's satisfaction rate of the month on the window screen" }),
  },
  { additionalProperties: false, default: {} },
);

/** Appointments (预约接待, docs/booking.md): the check-in window and the public page's limits. */
export const BookingSection = Type.Object(
  {
    daysAhead: Type.Integer({ minimum: 1, maximum: 60, default: 14, description: 'How many days ahead slots may be booked' }),
    checkInBeforeMinutes: Type.Integer({ minimum: 0, maximum: 240, default: 30, description: 'Check-in opens this long before the slot starts' }),
    checkInAfterMinutes: Type.Integer({ minimum: 0, maximum: 240, default: 15, description: 'Check-in closes this long after the slot ends; a booking not checked in by then becomes 未到' }),
    publicPerMinute: Type.Integer({ minimum: 1, maximum: 10000, default: 10, description: 'Bookings and cancellations per minute from one address on the public page' }),
    challengeMinutes: Type.Integer({ minimum: 1, maximum: 60, default: 10, description: 'How long a human-check question stays valid' }),
  },
  { additionalProperties: false, default: {} },
);

const TimeLimit = Type.Object(
  {
    days: Type.Integer({ minimum: 1, maximum: 365 }),
    unit: Type.Union([Type.Literal('calendar'), Type.Literal('working')], {
      description: 'calendar: every day counts; working: the hall calendar (official holidays and make-up days, `hours`)',
    }),
  },
  { additionalProperties: false },
);

/** The life of a matter in the case system after the hall (docs/case-life.md): time limits, status callbacks, polling. */
export const CaseLifeSection = Type.Object(
  {
    preset: Type.Union([Type.Literal('regulation-2022'), Type.Literal('local-30')], {
      default: 'regulation-2022',
      description: 'regulation-2022: 信访工作条例 (15 / 60 + 30 / 30 / 30 days); local-30: the older local practice of answering within 30 days, extendable to 60',
    }),
    limits: Type.Object(
      {
        acceptance: Type.Optional(TimeLimit),
        handling: Type.Optional(TimeLimit),
        extension: Type.Optional(TimeLimit),
        reviewRequest: Type.Optional(TimeLimit),
        review: Type.Optional(TimeLimit),
        recheckRequest: Type.Optional(TimeLimit),
        recheck: Type.Optional(TimeLimit),
      },
      { additionalProperties: false, default: {}, description: "Any limit of the preset replaced: { days, unit }" },
    ),
    warnDaysBefore: Type.Integer({ minimum: 0, maximum: 30, default: 3, description: 'A deadline this many calendar days ahead (or nearer) alerts leaders and the desk as approaching' }),
    callbackSkewSeconds: Type.Integer({
      minimum: 10,
      maximum: 3600,
      default: 300,
      description: "A status callback whose X-Timestamp is further than this from the hall's clock is refused (replay protection)",
    }),
    pollUrl: Type.Optional(Type.String({ pattern: '^https?://', description: "Status feed of a case system that cannot call back (GET, signed); unset: callbacks only" })),
    pollSeconds: Type.Integer({ minimum: 10, maximum: 86400, default: 300, description: 'How often the status feed is asked' }),
  },
  { additionalProperties: false, default: {} },
);

const SmsTemplateText = (description: string) => Type.Optional(Type.String({ minLength: 4, maxLength: 300, description }));

/** Telling the person by SMS (告知, docs/notify.md): the gateway, limits and the templates. */
export const NotifySection = Type.Object(
  {
    sms: Type.Object(
      {
        enabled: Type.Boolean({ default: false, description: 'Send SMS at all (off: nothing is queued)' }),
        gateway: Type.Union([Type.Literal('http'), Type.Literal('log')], {
          default: 'http',
          description: 'http: POST JSON to `url`; log: write each message (number masked) to the server log instead (demo)',
        }),
        url: Type.Optional(Type.String({ pattern: '^https?://' })),
        auth: Type.Union([Type.Literal('hmac'), Type.Literal('apiKey')], {
          default: 'hmac',
          description: 'hmac: X-Timestamp + X-Signature as for forwarding; apiKey: the secret in the header `apiKeyHeader`',
        }),
        secret: Type.Optional(Type.String({ minLength: 16, description: 'HMAC key or API key shared with the gateway (HALL_SMS_SECRET)' })),
        apiKeyHeader: Type.String({ pattern: '^[A-Za-z0-9-]{1,40}$', default: 'x-api-key' }),
        /** Plain `http://` to a gateway outside this machine (phone numbers in clear): refused unless true. */
        allowInsecureHttp: Type.Boolean({ default: false }),
        timeoutSeconds: Type.Number({ exclusiveMinimum: 0, maximum: 120, default: 10 }),
        maxAttempts: Type.Integer({ minimum: 1, maximum: 1000, default: 20 }),
        retryBaseSeconds: Type.Number({ exclusiveMinimum: 0, maximum: 3600, default: 30 }),
        retryMaxSeconds: Type.Number({ exclusiveMinimum: 0, maximum: 86_400, default: 3600 }),
        perPhonePerDay: Type.Integer({ minimum: 1, maximum: 100, default: 5, description: 'Messages to one number in 24 hours; more are skipped' }),
        perMinute: Type.Integer({ minimum: 1, maximum: 100_000, default: 60, description: 'Messages per minute in all; more wait for the next minute' }),
        inviteDelayMinutes: Type.Integer({
          minimum: 0,
          maximum: 1440,
          default: 30,
          description: 'The 评价邀请 goes this long after the window completes the ticket, and not at all once the ticket was rated',
        }),
        templates: Type.Object(
          {
            receipt: SmsTemplateText('The 登记回执 text after registering, with {name} {number} {service} {hall}'),
            accepted: SmsTemplateText('The 受理告知 text, with {name} {date} {caseNumber} {hall}'),
            closed: SmsTemplateText('The 办结告知 text, with {name} {date} {caseNumber} {hall}'),
            invite: SmsTemplateText('The 评价邀请 text, with {name} {number} {days} {hall}'),
            booking: SmsTemplateText('The 预约确认 text, with {name} {code} {service} {when} {hall}'),
          },
          { additionalProperties: false, default: {} },
        ),
      },
      { additionalProperties: false, default: {} },
    ),
  },
  { additionalProperties: false, default: {} },
);
