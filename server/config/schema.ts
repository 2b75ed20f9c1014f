// The hall's configuration: one JSON file (HALL_CONFIG) over these defaults, then environment
// overrides. Every key is documented in docs/configuration.md; keep the two in step.
import { Type, type Static } from 'typebox';
import { BackupSection, BookingSection, CaseLifeSection, EvaluationSection, ForwardingSection, HoursSection, MetricsSection, NotifySection, RegistrationSection, ServerSection } from './sections.ts';

const Weekday = Type.Integer({ minimum: 1, maximum: 7, description: 'ISO weekday, 1 = Monday' });

const ServiceConfig = Type.Object(
  {
    code: Type.String({ pattern: '^[A-Za-z0-9_-]{1,16}$' }),
    name: Type.String({ minLength: 1, maxLength: 20 }),
    prefix: Type.String({ pattern: '^[A-Z]{1,2}$' }),
    enabled: Type.Boolean({ default: true }),
    weekdays: Type.Optional(Type.Array(Weekday, { uniqueItems: true, description: 'Days offered; absent = every day' })),
  },
  { additionalProperties: false },
);

const WindowConfig = Type.Object(
  {
    no: Type.Integer({ minimum: 1, maximum: 999 }),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 20 })),
    services: Type.Array(Type.String(), { minItems: 1, description: 'Service codes in tie-break order' }),
  },
  { additionalProperties: false },
);

const GreenReasonConfig = Type.Object(
  {
    code: Type.String({ pattern: '^[a-z_]{1,20}$' }),
    label: Type.String({ minLength: 1, maxLength: 10 }),
    needsNote: Type.Boolean({ default: false }),
  },
  { additionalProperties: false },
);

const SerialPortConfig = (defaultBaud: number) =>
  Type.Object(
    {
      path: Type.String({ minLength: 1 }),
      baudRate: Type.Integer({ minimum: 1200, maximum: 921600, default: defaultBaud }),
      dataBits: Type.Union([Type.Literal(7), Type.Literal(8)], { default: 8 }),
      parity: Type.Union(['none', 'even', 'odd'].map((p) => Type.Literal(p)), { default: 'none' }),
      rtscts: Type.Boolean({ default: false }),
    },
    { additionalProperties: false },
  );

const DeviceId = Type.String({ pattern: '^[A-Za-z0-9_-]{1,16}$' });

export const ReaderConfig = Type.Object(
  {
    id: DeviceId,
    name: Type.String({ minLength: 1, maxLength: 40 }),
    /** No port: a simulated reader an admin can place a test card on. */
    port: Type.Optional(SerialPortConfig(115200)),
    /** On a kiosk PC, run by its device agent (devices/agent/) rather than opened by the server. */
    agent: Type.Boolean({ default: false }),
  },
  { additionalProperties: false },
);

export const PrinterConfig = Type.Object(
  {
    id: DeviceId,
    name: Type.String({ minLength: 1, maxLength: 40 }),
    /** No port: a simulated printer that writes a preview of every ticket under dataDir/printed. */
    port: Type.Optional(SerialPortConfig(9600)),
    /** On a kiosk PC, run by its device agent (devices/agent/) rather than opened by the server. */
    agent: Type.Boolean({ default: false }),
    paperWidth: Type.Union([Type.Literal(58), Type.Literal(80)], { default: 80 }),
    codepage: Type.Union([Type.Literal('gb18030'), Type.Literal('gbk')], { default: 'gb18030' }),
    /** How long a status reply may take beyond the wire time of the bytes still in flight on the port. */
    replyMarginMs: Type.Integer({ minimum: 50, maximum: 10_000, default: 500 }),
    /** Lines fed after the last line of text before the cut (about 4 mm each). */
    feedLines: Type.Integer({ minimum: 0, maximum: 20, default: 4 }),
  },
  { additionalProperties: false },
);

export const HallConfigSchema = Type.Object(
  {
    hall: Type.Object(
      {
        name: Type.String({ minLength: 1, maxLength: 40, default: '人民来访接待大厅' }),
        publicBaseUrl: Type.Union([Type.Null(), Type.String({ pattern: '^https?://[^/\\s?#]+(/[^\\s?#]*)?$' })], {
          default: null,
          description: "Where the bureau exposes the phone page (e.g. https://xf.example.gov.cn): the ticket's QR then opens progress and evaluation on a phone; unset, the QR holds the bare code for the kiosk",
        }),
      },
      { additionalProperties: false, default: {} },
    ),
    server: ServerSection,
    metrics: MetricsSection,
    dataDir: Type.String({ minLength: 1, default: './data' }),
    timeZone: Type.String({ minLength: 1, default: 'Asia/Shanghai' }),
    hours: HoursSection,
    evaluation: EvaluationSection,
    caseLife: CaseLifeSection,
    /** Demo set-up: prints ready-to-open URLs that pair a demo kiosk and window screen at once. */
    demo: Type.Boolean({ default: true }),
    services: Type.Array(ServiceConfig, {
      minItems: 1,
      default: [
        { code: 'A', name: '初访登记', prefix: 'A' },
        { code: 'B', name: '重复访·查询', prefix: 'B' },
        { code: 'C', name: '领导接访', prefix: 'C', weekdays: [3] },
        { code: 'D', name: '集体访', prefix: 'D' },
        { code: 'E', name: '咨询·其他', prefix: 'E' },
      ],
    }),
    green: Type.Object(
      {
        prefix: Type.String({ pattern: '^[A-Z]{1,2}$', default: 'L' }),
        alertReasons: Type.Array(Type.String(), {
          default: ['emergency'],
          description: 'Green-channel reasons that alert leaders and the desk at once (e.g. 急救)',
        }),
        reasons: Type.Array(GreenReasonConfig, {
          minItems: 1,
          default: [
            { code: 'elderly', label: '老年人' },
            { code: 'frail', label: '体弱' },
            { code: 'ill', label: '患病' },
            { code: 'disabled', label: '残疾人' },
            { code: 'pregnant', label: '孕妇' },
            { code: 'emergency', label: '急救' },
            { code: 'other', label: '其他', needsNote: true },
          ],
        }),
      },
      { additionalProperties: false, default: {} },
    ),
    windows: Type.Array(WindowConfig, {
      minItems: 1,
      default: [
        { no: 1, services: ['A', 'B'] },
        { no: 2, services: ['A', 'B'] },
        { no: 3, services: ['A', 'E'] },
        { no: 4, services: ['B', 'E'] },
        { no: 5, services: ['D', 'A'] },
        { no: 6, services: ['C'] },
      ],
    }),
    queue: Type.Object(
      {
        noShowMinCalls: Type.Integer({ minimum: 1, maximum: 10, default: 2 }),
        reinstateAfter: Type.Integer({ minimum: 0, maximum: 50, default: 3 }),
        greenInterleaveAfter: Type.Integer({ minimum: 0, maximum: 50, default: 0, description: '0 = off' }),
        defaultServiceMinutes: Type.Number({ exclusiveMinimum: 0, maximum: 240, default: 15 }),
        serviceTimeSamples: Type.Integer({ minimum: 1, maximum: 500, default: 20 }),
      },
      { additionalProperties: false, default: {} },
    ),
    printers: Type.Array(PrinterConfig, {
      default: [{ id: 'P1', name: '1号取号机' }],
      description: 'Ticket printers; the first is the default for kiosks and the desk',
    }),
    readers: Type.Array(ReaderConfig, {
      default: [{ id: 'R1', name: '1号自助机读卡器' }],
      description: 'ID card readers; a kiosk paired with `readerId` gets that reader’s cards',
    }),
    printing: Type.Object(
      {
        failAfterSeconds: Type.Integer({ minimum: 5, maximum: 3600, default: 120 }),
        /** A job still waiting after this long is not printed when the printer recovers: failed, and the desk alerted. */
        lateAfterSeconds: Type.Integer({ minimum: 5, maximum: 3600, default: 30 }),
        deskPrinter: Type.Optional(Type.String()),
        /** Short one-time-notification reminder printed on the ticket, per service code. */
        reminders: Type.Record(Type.String(), Type.String({ maxLength: 60 }), {
          default: {
            A: '请准备好本人身份证件及反映问题的相关材料。',
            B: '请准备好本人身份证件及此前的受理告知书。',
            C: '请准备好本人身份证件及反映问题的书面材料。',
            D: '请推选不超过5名代表，并准备好代表的身份证件。',
          },
        }),
      },
      { additionalProperties: false, default: {} },
    ),
    board: Type.Object(
      {
        notices: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), {
          default: ['请保管好随身物品，有需要请到服务台咨询。', '大厅设有休息区和饮水处，请您坐下慢慢等候。'],
          description: 'Lines of the scrolling notice on the hall board',
        }),
        recentCalls: Type.Integer({ minimum: 0, maximum: 20, default: 6, description: 'Earlier calls listed on the board' }),
        advanceCall: Type.Boolean({ default: true, description: 'After each call, show and say the next number for that window (请 A006 号做好准备)' }),
        scheduleDays: Type.Integer({ minimum: 1, maximum: 31, default: 7, description: 'Leader receptions shown: today and the next days' }),
        voice: Type.Object(
          {
            enabled: Type.Boolean({ default: true }),
            volume: Type.Number({ minimum: 0, maximum: 1, default: 0.9 }),
            times: Type.Integer({ minimum: 1, maximum: 3, default: 2, description: 'How often each call is said' }),
            quietHours: Type.Array(
              Type.Object(
                { from: Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' }), to: Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' }) },
                { additionalProperties: false },
              ),
              { default: [], description: 'Local times with no voice, e.g. [{ "from": "12:00", "to": "13:30" }]' },
            ),
            preferSpeechSynthesis: Type.Boolean({
              default: false,
              description: "Use the browser's zh-CN speech voice when it has one, instead of the recorded clips",
            }),
          },
          { additionalProperties: false, default: {} },
        ),
      },
      { additionalProperties: false, default: {} },
    ),
    /** The published leader reception schedule (领导接访日); on a date, or every given weekday. */
    leaderReceptions: Type.Array(
      Type.Object(
        {
          date: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
          weekday: Type.Optional(Weekday),
          time: Type.String({ minLength: 1, maxLength: 20 }),
          leader: Type.String({ minLength: 1, maxLength: 20 }),
          title: Type.String({ minLength: 1, maxLength: 30 }),
          responsibilities: Type.String({ maxLength: 60, default: '' }),
          place: Type.String({ minLength: 1, maxLength: 30 }),
        },
        { additionalProperties: false },
      ),
      {
        default: [
          { weekday: 3, time: '09:00–11:30', leader: '李明', title: '副局长', responsibilities: '分管城乡建设、国土资源信访事项', place: '二楼领导接访室' },
        ],
      },
    ),
    registration: RegistrationSection,
    forwarding: ForwardingSection,
    backup: BackupSection,
    booking: BookingSection,
    notify: NotifySection,
    kiosk: Type.Object(
      {
        /** Voice guidance: each step's question said once, the idle warning, the number taken. */
        voice: Type.Object(
          {
            enabled: Type.Boolean({ default: true }),
            volume: Type.Number({ minimum: 0, maximum: 1, default: 0.8 }),
          },
          { additionalProperties: false, default: {} },
        ),
        /** Handwriting recognition for the kiosk's 手写 pad (server/ime/): zinnia and its model, Debian packages. */
        handwriting: Type.Object(
          {
            enabled: Type.Boolean({ default: true }),
            command: Type.String({ minLength: 1, maxLength: 500, default: 'zinnia' }),
            model: Type.String({ minLength: 1, maxLength: 500, default: '/usr/share/tegaki/models/zinnia/handwriting-zh_CN.model' }),
            perMinute: Type.Integer({ minimum: 1, maximum: 10000, default: 300 }),
          },
          { additionalProperties: false, default: {} },
        ),
        /** Elderly petitioners (age from the ID number): told of the desk's green channel, or issued a green number. */
        elderly: Type.Object(
          {
            age: Type.Integer({ minimum: 50, maximum: 120, default: 70 }),
            mode: Type.Union([Type.Literal('hint'), Type.Literal('green'), Type.Literal('off')], {
              default: 'hint',
              description: 'hint: say kindly that the desk gives priority (绿色通道); green: the kiosk issues the number as green; off: nothing',
            }),
            greenReason: Type.String({ default: 'elderly', description: 'Green-channel reason code of a number the kiosk issues as green' }),
          },
          { additionalProperties: false, default: {} },
        ),
      },
      { additionalProperties: false, default: {} },
    ),
    console: Type.Object(
      {
        /** One key per window action (pressed outside text fields), e.g. "n" or "F2". */
        hotkeys: Type.Object(
          {
            callNext: Type.String({ minLength: 1, maxLength: 12, default: 'n' }),
            recall: Type.String({ minLength: 1, maxLength: 12, default: 'r' }),
            start: Type.String({ minLength: 1, maxLength: 12, default: 's' }),
            complete: Type.String({ minLength: 1, maxLength: 12, default: 'c' }),
            noShow: Type.String({ minLength: 1, maxLength: 12, default: 'x' }),
          },
          { additionalProperties: false, default: {} },
        ),
      },
      { additionalProperties: false, default: {} },
    ),
    /** Who may read which decrypted registrations (need to know); see docs/security.md. */
    privacy: Type.Object(
      {
        accusationPurposes: Type.Array(Type.String({ minLength: 1, maxLength: 20 }), {
          default: ['揭发控告'],
          description: '信访目的 values whose registrations are confidential accusations',
        }),
        accusationRoles: Type.Array(Type.Union([Type.Literal('admin'), Type.Literal('desk'), Type.Literal('leader')]), {
          default: ['admin'],
          uniqueItems: true,
          description: 'Roles that may read an accusation with a stated reason ([] = nobody); the receiving window staff always may',
        }),
      },
      { additionalProperties: false, default: {} },
    ),
    auth: Type.Object(
      {
        sessionHours: Type.Number({ exclusiveMinimum: 0, maximum: 72, default: 12 }),
        maxFailedLogins: Type.Integer({ minimum: 1, maximum: 100, default: 5 }),
        lockoutMinutes: Type.Integer({ minimum: 1, maximum: 1440, default: 15 }),
        maxLockoutMinutes: Type.Integer({ minimum: 1, maximum: 10080, default: 1440 }),
        accountThrottleAfter: Type.Integer({ minimum: 1, maximum: 10000, default: 20 }),
        accountThrottleSeconds: Type.Integer({ minimum: 1, maximum: 3600, default: 1 }),
        accountThrottleMaxSeconds: Type.Integer({ minimum: 1, maximum: 3600, default: 60 }),
        trustedAddressDays: Type.Integer({ minimum: 0, maximum: 365, default: 30 }),
        failureMemoryHours: Type.Integer({ minimum: 1, maximum: 720, default: 24 }),
        loginRatePerMinute: Type.Integer({ minimum: 1, maximum: 1000, default: 20 }),
        kioskIssuePerMinute: Type.Integer({ minimum: 1, maximum: 10000, default: 30 }),
        progressQueriesPerMinute: Type.Integer({ minimum: 1, maximum: 10000, default: 10 }),
        secureCookies: Type.Boolean({ default: false }),
        displayRequiresToken: Type.Boolean({ default: false }),
        pairingCodeMinutes: Type.Integer({ minimum: 1, maximum: 10080, default: 1440 }),
      },
      { additionalProperties: false, default: {} },
    ),
  },
  { additionalProperties: false },
);

export type HallConfig = Static<typeof HallConfigSchema>;
export type HoursConfig = Static<typeof HoursSection>;
export type PrinterConfig = Static<typeof PrinterConfig>;
export type ReaderConfig = Static<typeof ReaderConfig>;
