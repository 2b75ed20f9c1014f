// Versioned schema migrations, applied once each, in order, at start. Never edit a shipped
// migration: add the next one. (Over 300 lines on purpose: the schema's history as SQL, append-only.)
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'queue, staff, devices, audit',
    sql: `
      CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value INTEGER NOT NULL
      ) STRICT;
      INSERT INTO meta (key, value) VALUES ('seq', 0);

      CREATE TABLE services (
        code       TEXT PRIMARY KEY,
        name       TEXT NOT NULL,
        prefix     TEXT NOT NULL,
        enabled    INTEGER NOT NULL,
        weekdays   TEXT,              -- JSON array of ISO weekdays, NULL = every day
        sort_order INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE staff (
        id              TEXT PRIMARY KEY,
        username        TEXT NOT NULL UNIQUE COLLATE NOCASE,
        display_name    TEXT NOT NULL,
        staff_no        TEXT NOT NULL,
        roles           TEXT NOT NULL,  -- JSON array
        password_hash   TEXT NOT NULL,
        active          INTEGER NOT NULL DEFAULT 1,
        failed_logins   INTEGER NOT NULL DEFAULT 0,
        locked_until    INTEGER,
        created_at      INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE windows (
        no            INTEGER PRIMARY KEY,
        name          TEXT NOT NULL,
        services      TEXT NOT NULL,    -- JSON array, tie-break order
        sort_order    INTEGER NOT NULL,
        active        INTEGER NOT NULL DEFAULT 1,
        state         TEXT NOT NULL DEFAULT 'closed' CHECK (state IN ('open','paused','closed')),
        pause_reason  TEXT,
        staff_id      TEXT REFERENCES staff(id),
        green_streak  INTEGER NOT NULL DEFAULT 0,
        updated_at    INTEGER NOT NULL
      ) STRICT;
      -- One staff member holds at most one window.
      CREATE UNIQUE INDEX windows_staff ON windows(staff_id) WHERE staff_id IS NOT NULL;

      CREATE TABLE number_counters (
        service_day TEXT NOT NULL,
        series      TEXT NOT NULL,
        last        INTEGER NOT NULL,
        PRIMARY KEY (service_day, series)
      ) STRICT;

      CREATE TABLE tickets (
        id               TEXT PRIMARY KEY,
        service_day      TEXT NOT NULL,
        series           TEXT NOT NULL,
        seq              INTEGER NOT NULL,
        number           TEXT NOT NULL,
        service_code     TEXT NOT NULL REFERENCES services(code),
        priority         TEXT NOT NULL CHECK (priority IN ('normal','green')),
        green_reason     TEXT,
        green_note       TEXT,
        source_kind      TEXT NOT NULL CHECK (source_kind IN ('device','staff')),
        source_id        TEXT NOT NULL,
        source_name      TEXT NOT NULL,
        status           TEXT NOT NULL CHECK (status IN
                           ('waiting','called','serving','done','no_show','cancelled','expired')),
        rank             INTEGER NOT NULL,
        target_window_no INTEGER REFERENCES windows(no),
        window_no        INTEGER REFERENCES windows(no),
        call_count       INTEGER NOT NULL DEFAULT 0,
        print_state      TEXT NOT NULL DEFAULT 'none',
        cancel_reason    TEXT,
        issued_at        INTEGER NOT NULL,
        called_at        INTEGER,
        serving_at       INTEGER,
        finished_at      INTEGER,
        updated_at       INTEGER NOT NULL,
        UNIQUE (service_day, series, seq),
        CHECK ((status IN ('called','serving')) = (window_no IS NOT NULL)),
        CHECK (priority = 'green' OR green_reason IS NULL)
      ) STRICT;
      -- A window holds at most one ticket (and a ticket at most one window, by construction).
      CREATE UNIQUE INDEX tickets_held_by_window ON tickets(window_no) WHERE window_no IS NOT NULL;
      CREATE INDEX tickets_day_status_rank ON tickets(service_day, status, rank);
      CREATE INDEX tickets_day_service_status_rank ON tickets(service_day, service_code, status, rank);
      CREATE INDEX tickets_service_finished ON tickets(service_code, finished_at) WHERE status = 'done';

      CREATE TABLE ticket_events (
        id        INTEGER PRIMARY KEY,
        seq       INTEGER NOT NULL UNIQUE,
        ticket_id TEXT REFERENCES tickets(id),
        type      TEXT NOT NULL,
        window_no INTEGER,
        actor     TEXT NOT NULL,
        at        INTEGER NOT NULL,
        details   TEXT
      ) STRICT;
      CREATE INDEX ticket_events_ticket ON ticket_events(ticket_id);

      CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        staff_id   TEXT NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE devices (
        id          TEXT PRIMARY KEY,
        kind        TEXT NOT NULL CHECK (kind IN ('kiosk','display','window-screen')),
        name        TEXT NOT NULL,
        token_hash  TEXT NOT NULL UNIQUE,
        window_no   INTEGER REFERENCES windows(no),
        created_at  INTEGER NOT NULL,
        last_seen   INTEGER,
        revoked_at  INTEGER
      ) STRICT;

      CREATE TABLE pairing_codes (
        code_hash   TEXT PRIMARY KEY,
        kind        TEXT NOT NULL CHECK (kind IN ('kiosk','display','window-screen')),
        name        TEXT NOT NULL,
        window_no   INTEGER REFERENCES windows(no),
        created_by  TEXT NOT NULL,
        created_at  INTEGER NOT NULL,
        expires_at  INTEGER NOT NULL,
        used_at     INTEGER
      ) STRICT;

      CREATE TABLE audit_events (
        id         INTEGER PRIMARY KEY,
        at         INTEGER NOT NULL,
        actor_kind TEXT NOT NULL,
        actor_id   TEXT NOT NULL,
        actor_name TEXT NOT NULL,
        action     TEXT NOT NULL,
        target     TEXT,
        details    TEXT
      ) STRICT;
      CREATE INDEX audit_events_action_at ON audit_events(action, at);
      CREATE INDEX audit_events_actor_at ON audit_events(actor_id, at);
      -- Append-only: the database itself refuses to change or remove an audit event.
      CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
        BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
      CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
        BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
    `,
  },
  {
    version: 2,
    name: 'print jobs',
    sql: `
      CREATE TABLE print_jobs (
        id          INTEGER PRIMARY KEY,
        ticket_id   TEXT NOT NULL REFERENCES tickets(id),
        printer_id  TEXT NOT NULL,
        bytes       BLOB NOT NULL,
        state       TEXT NOT NULL CHECK (state IN ('pending','printed','failed')),
        attempts    INTEGER NOT NULL DEFAULT 0,
        last_error  TEXT,
        created_at  INTEGER NOT NULL,
        expires_at  INTEGER NOT NULL,
        finished_at INTEGER
      ) STRICT;
      CREATE INDEX print_jobs_pending ON print_jobs(printer_id, id) WHERE state = 'pending';
      CREATE INDEX print_jobs_ticket ON print_jobs(ticket_id);
      -- MAX(rank) of a day at every issue: without it, a scan of the whole day.
      CREATE INDEX tickets_day_rank ON tickets(service_day, rank);
      -- Secret code in the ticket's QR (progress query, rating); never on public screens.
      ALTER TABLE tickets ADD COLUMN query_code TEXT;
      CREATE UNIQUE INDEX tickets_query_code ON tickets(query_code) WHERE query_code IS NOT NULL;
      ALTER TABLE devices ADD COLUMN printer_id TEXT;
      ALTER TABLE pairing_codes ADD COLUMN printer_id TEXT;
      ALTER TABLE devices ADD COLUMN reader_id TEXT;
      ALTER TABLE pairing_codes ADD COLUMN reader_id TEXT;
    `,
  },
  {
    version: 3,
    name: 'registrations (intakes) and alerts',
    sql: `
      -- A registration made at a kiosk (or a window) and the ticket issued with it. Identifying
      -- data (names, ID and phone numbers, addresses, the person's own words) is only in \`sealed\`
      -- (AES-256-GCM); \`person_index\` is a keyed blind index of the ID number. The other
      -- columns are the coded fields the bureau's statistics read.
      CREATE TABLE intakes (
        id              TEXT PRIMARY KEY,
        ticket_id       TEXT NOT NULL UNIQUE REFERENCES tickets(id),
        source_id       TEXT NOT NULL,
        request_id      TEXT NOT NULL,
        service_day     TEXT NOT NULL,
        service_code    TEXT NOT NULL,
        state           TEXT NOT NULL CHECK (state IN ('submitted','verified','forwarded','acknowledged')),
        visitors        INTEGER NOT NULL CHECK (visitors >= 1),
        collective      INTEGER NOT NULL,
        representatives INTEGER NOT NULL CHECK (representatives BETWEEN 1 AND 5),
        declared_repeat INTEGER NOT NULL,
        previous_visits INTEGER NOT NULL,
        from_card       INTEGER NOT NULL,
        gender          TEXT NOT NULL,
        birth_year      INTEGER NOT NULL,
        category        TEXT NOT NULL,
        purpose         TEXT NOT NULL,
        cause           TEXT NOT NULL,
        place_code      TEXT NOT NULL,
        person_index    TEXT NOT NULL,
        sealed          TEXT NOT NULL,
        created_at      INTEGER NOT NULL,
        updated_at      INTEGER NOT NULL,
        -- A retried submit from the same kiosk finds its first answer instead of a second ticket.
        UNIQUE (source_id, request_id)
      ) STRICT;
      CREATE INDEX intakes_person ON intakes(person_index, created_at);
      CREATE INDEX intakes_day ON intakes(service_day);

      CREATE TABLE alerts (
        id         TEXT PRIMARY KEY,
        kind       TEXT NOT NULL,
        at         INTEGER NOT NULL,
        ticket_id  TEXT REFERENCES tickets(id),
        details    TEXT NOT NULL,
        handled_at INTEGER,
        handled_by TEXT
      ) STRICT;
      CREATE INDEX alerts_at ON alerts(at);
    `,
  },
  {
    version: 4,
    name: 'verification of registrations at the window',
    sql: `
      ALTER TABLE intakes ADD COLUMN responsible_system TEXT;
      ALTER TABLE intakes ADD COLUMN hot_issue TEXT;
      -- 首问负责制: the staff member who first received the person at a window.
      ALTER TABLE intakes ADD COLUMN first_receiver_id TEXT;
      ALTER TABLE intakes ADD COLUMN first_receiver_name TEXT;
      ALTER TABLE intakes ADD COLUMN verified_at INTEGER;
      ALTER TABLE intakes ADD COLUMN verified_by TEXT;
      -- Staff remarks and the answer given on the spot: sealed like the registration itself.
      ALTER TABLE intakes ADD COLUMN sealed_reply TEXT;
    `,
  },
  {
    version: 5,
    name: 'forwarding outbox',
    sql: `
      -- Transactional outbox: written with the verification, delivered by the forwarding worker.
      -- \`body\` is the exact bytes sent under \`idempotency_key\`, sealed (it holds personal data);
      -- it never changes once an attempt was made, so one key never carries two bodies.
      CREATE TABLE outbox (
        id              INTEGER PRIMARY KEY,
        intake_id       TEXT NOT NULL UNIQUE REFERENCES intakes(id),
        idempotency_key TEXT NOT NULL UNIQUE,
        body            TEXT NOT NULL,
        state           TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'dead')),
        attempts        INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER NOT NULL,
        last_error      TEXT,
        created_at      INTEGER NOT NULL,
        delivered_at    INTEGER
      ) STRICT;
      CREATE INDEX outbox_due ON outbox(next_attempt_at) WHERE state = 'pending';
      ALTER TABLE intakes ADD COLUMN case_number TEXT;
      ALTER TABLE intakes ADD COLUMN forwarded_at INTEGER;
      -- 信访工作条例: decide on acceptance within 15 days of receipt; finish within 60 days of acceptance.
      ALTER TABLE intakes ADD COLUMN acceptance_due TEXT;
      ALTER TABLE intakes ADD COLUMN answer_due TEXT;
    `,
  },
  {
    version: 6,
    name: 'settings edited in the console',
    sql: `
      -- Lists, notices and the leader schedule as an admin edited them; they win over the file.
      CREATE TABLE settings (
        key        TEXT PRIMARY KEY,
        value      TEXT NOT NULL,
        updated_at INTEGER NOT NULL,
        updated_by TEXT NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 7,
    name: 'sign-in throttling per account and address',
    sql: `
      -- Wrong passwords counted per (account, source): source is the client address, or '*' for
      -- the account as a whole. The account is the name as typed (names that do not exist are
      -- counted too, so refusals do not reveal which names exist). staff.failed_logins and
      -- staff.locked_until are no longer used.
      CREATE TABLE login_attempts (
        account         TEXT NOT NULL COLLATE NOCASE,
        source          TEXT NOT NULL,
        failed          INTEGER NOT NULL DEFAULT 0,
        last_failed_at  INTEGER,
        locked_until    INTEGER,
        last_success_at INTEGER,
        PRIMARY KEY (account, source)
      ) STRICT;
    `,
  },
  {
    version: 8,
    name: 'the everyday topic of a kiosk registration',
    sql: `
      -- The topic the person picked at the kiosk (工资被拖欠, 说不清, …), a coded fact like category.
      -- Null for walk-ins and rows made before it. A kiosk registration now leaves category and
      -- cause '' (and purpose '' when the person did not know it) until the window codes them.
      ALTER TABLE intakes ADD COLUMN topic TEXT;
    `,
  },
  {
    version: 9,
    name: 'print job kinds',
    sql: `
      -- A print job prints a ticket, or the one-time notification slip (一次性告知单) of a
      -- ticket's registration; only a ticket's own job sets its print state.
      ALTER TABLE print_jobs ADD COLUMN kind TEXT NOT NULL DEFAULT 'ticket' CHECK (kind IN ('ticket', 'notice'));
    `,
  },
  {
    version: 10,
    name: 'registrations closed without verification',
    sql: `
      -- A ticket completed while its registration was still unverified: the reason the staff member
      -- chose (e.g. 仅咨询无需登记). Such a registration is not counted as waiting for verification.
      ALTER TABLE intakes ADD COLUMN closed_reason TEXT;
    `,
  },
  {
    version: 11,
    name: 'report indexes',
    sql: `
      -- Reports count transfers and completions (window, staff member) over a span of time.
      CREATE INDEX ticket_events_type_at ON ticket_events(type, at);
    `,
  },
  {
    version: 12,
    name: 'covering report indexes',
    sql: `
      -- A year's report reads every ticket of the year several times: these indexes hold what the
      -- report reads, so SQLite scans the index alone instead of looking up each row (3–4× faster
      -- on a generated year of 150 000 tickets; see docs/performance.md).
      CREATE INDEX tickets_report ON tickets(service_day, service_code, status, priority, issued_at, called_at, serving_at, finished_at);
      DROP INDEX ticket_events_type_at;
      CREATE INDEX ticket_events_report ON ticket_events(type, at, ticket_id, window_no, actor);
      -- The coded fields of a registration, kept apart from its sealed text (over a kilobyte, on
      -- overflow pages, and before the columns added after it).
      CREATE INDEX intakes_report ON intakes(service_day, category, purpose, place_code, visitors, collective, state, previous_visits,
                                             declared_repeat, closed_reason, forwarded_at, responsible_system, hot_issue);
    `,
  },
  {
    version: 13,
    name: 'service evaluation and rectification',
    sql: `
      -- A new device kind, the window's evaluator: SQLite cannot change a CHECK, so the two device
      -- tables are rebuilt with their rows (nothing references them).
      CREATE TABLE devices_new (
        id          TEXT PRIMARY KEY,
        kind        TEXT NOT NULL CHECK (kind IN ('kiosk','display','window-screen','evaluator')),
        name        TEXT NOT NULL,
        token_hash  TEXT NOT NULL UNIQUE,
        window_no   INTEGER REFERENCES windows(no),
        created_at  INTEGER NOT NULL,
        last_seen   INTEGER,
        revoked_at  INTEGER,
        printer_id  TEXT,
        reader_id   TEXT
      ) STRICT;
      INSERT INTO devices_new (id, kind, name, token_hash, window_no, created_at, last_seen, revoked_at, printer_id, reader_id)
        SELECT id, kind, name, token_hash, window_no, created_at, last_seen, revoked_at, printer_id, reader_id FROM devices;
      DROP TABLE devices;
      ALTER TABLE devices_new RENAME TO devices;
      CREATE TABLE pairing_codes_new (
        code_hash   TEXT PRIMARY KEY,
        kind        TEXT NOT NULL CHECK (kind IN ('kiosk','display','window-screen','evaluator')),
        name        TEXT NOT NULL,
        window_no   INTEGER REFERENCES windows(no),
        created_by  TEXT NOT NULL,
        created_at  INTEGER NOT NULL,
        expires_at  INTEGER NOT NULL,
        used_at     INTEGER,
        printer_id  TEXT,
        reader_id   TEXT
      ) STRICT;
      INSERT INTO pairing_codes_new (code_hash, kind, name, window_no, created_by, created_at, expires_at, used_at, printer_id, reader_id)
        SELECT code_hash, kind, name, window_no, created_by, created_at, expires_at, used_at, printer_id, reader_id FROM pairing_codes;
      DROP TABLE pairing_codes;
      ALTER TABLE pairing_codes_new RENAME TO pairing_codes;

      -- 好差评: one row per ticket completed at a window, 'unrated' (未评价) until the person rates.
      -- The person is not recorded: only the ticket, window, staff member and service.
      CREATE TABLE evaluations (
        ticket_id      TEXT PRIMARY KEY REFERENCES tickets(id),
        service_day    TEXT NOT NULL,
        window_no      INTEGER NOT NULL,
        staff_id       TEXT REFERENCES staff(id),
        service_code   TEXT NOT NULL,
        completed_at   INTEGER NOT NULL,
        invite_until   INTEGER NOT NULL,
        level          TEXT NOT NULL DEFAULT 'unrated' CHECK (level IN
                         ('very_satisfied','satisfied','basic','dissatisfied','very_dissatisfied','unrated')),
        reasons        TEXT NOT NULL DEFAULT '[]',
        sealed_comment TEXT,
        channel        TEXT CHECK (channel IN ('evaluator','kiosk','qr')),
        device_id      TEXT,
        rated_at       INTEGER,
        CHECK ((level = 'unrated') = (rated_at IS NULL))
      ) STRICT;
      -- The figures group a span of days by window, staff member or service: read from the index alone.
      CREATE INDEX evaluations_day ON evaluations(service_day, level, window_no, staff_id, service_code);
      CREATE INDEX evaluations_window_invite ON evaluations(window_no, invite_until) WHERE level = 'unrated';

      -- 整改: each 差评 opens one, due in working days, closed by its 回访.
      CREATE TABLE rectifications (
        id              TEXT PRIMARY KEY,
        ticket_id       TEXT NOT NULL UNIQUE REFERENCES evaluations(ticket_id),
        opened_at       INTEGER NOT NULL,
        due_day         TEXT NOT NULL,
        owner_id        TEXT REFERENCES staff(id),
        state           TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open','closed')),
        called_at       INTEGER,
        called_by       TEXT REFERENCES staff(id),
        called_by_name  TEXT,
        sealed_result   TEXT,
        satisfied       INTEGER,
        closed_at       INTEGER,
        overdue_alerted INTEGER NOT NULL DEFAULT 0,
        CHECK ((state = 'closed') = (closed_at IS NOT NULL))
      ) STRICT;
      CREATE INDEX rectifications_open ON rectifications(due_day) WHERE state = 'open';
    `,
  },
  {
    version: 14,
    name: 'appointments',
    sql: `
      -- A service's daily pattern of slots, as an admin set it: JSON [{ start, end, capacity }].
      CREATE TABLE booking_patterns (
        service_code TEXT PRIMARY KEY,
        slots        TEXT NOT NULL,
        updated_at   INTEGER NOT NULL,
        updated_by   TEXT NOT NULL
      ) STRICT;
      -- Single days closed for booking: one service, or '*' for every service.
      CREATE TABLE booking_closures (
        day          TEXT NOT NULL,
        service_code TEXT NOT NULL,
        reason       TEXT NOT NULL,
        closed_at    INTEGER NOT NULL,
        closed_by    TEXT NOT NULL,
        PRIMARY KEY (day, service_code)
      ) STRICT;
      -- A booking: the person's name, ID number, phone and summary are sealed (like a registration);
      -- person_index is the blind index of the ID number.
      CREATE TABLE bookings (
        id            TEXT PRIMARY KEY,
        code          TEXT NOT NULL UNIQUE,
        service_code  TEXT NOT NULL,
        day           TEXT NOT NULL,
        slot_start    TEXT NOT NULL,
        slot_end      TEXT NOT NULL,
        starts_at     INTEGER NOT NULL,
        ends_at       INTEGER NOT NULL,
        state         TEXT NOT NULL CHECK (state IN ('active', 'checked_in', 'cancelled', 'missed')),
        person_index  TEXT NOT NULL,
        sealed        TEXT NOT NULL,
        channel       TEXT NOT NULL CHECK (channel IN ('public', 'desk')),
        created_at    INTEGER NOT NULL,
        created_by    TEXT NOT NULL,
        ticket_id     TEXT REFERENCES tickets(id),
        checked_in_at INTEGER,
        cancelled_at  INTEGER
      ) STRICT;
      -- One active booking per person and service.
      CREATE UNIQUE INDEX bookings_one_active ON bookings(person_index, service_code) WHERE state = 'active';
      CREATE INDEX bookings_day ON bookings(day, service_code, slot_start);
      CREATE INDEX bookings_due ON bookings(ends_at) WHERE state = 'active';
      -- A ticket issued at the check-in of a booking (预约): called after green, before walk-ins.
      ALTER TABLE tickets ADD COLUMN booked INTEGER NOT NULL DEFAULT 0;
    `,
  },
  {
    version: 15,
    name: 'case life: status from the case system, time limits',
    sql: `
      -- Each state the case system reported (callback or polled feed), once per idempotency key.
      -- details: what the person may read (reason, where to go instead, office, new due day).
      CREATE TABLE case_events (
        key          TEXT PRIMARY KEY,
        intake_id    TEXT NOT NULL REFERENCES intakes(id),
        state        TEXT NOT NULL CHECK (state IN
                       ('accepted','not_accepted','transferred','handling','extended','answered','review','recheck','closed')),
        at           INTEGER NOT NULL,  -- the case system's time of the state
        day          TEXT NOT NULL,     -- its calendar day in the hall's zone
        details      TEXT NOT NULL,
        body_sha256  TEXT NOT NULL,
        source       TEXT NOT NULL CHECK (source IN ('callback','poll')),
        received_at  INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX case_events_intake ON case_events(intake_id, at);
      -- A registration's case: its number and the state with the latest case-system time.
      CREATE TABLE case_files (
        intake_id    TEXT PRIMARY KEY REFERENCES intakes(id),
        case_number  TEXT NOT NULL,
        state        TEXT,
        state_at     INTEGER,
        updated_at   INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX case_files_state ON case_files(state);
      -- The time limits of a case, recomputed from its events; alerted: the last alert raised
      -- for this due day ('approaching' or 'overdue').
      CREATE TABLE case_deadlines (
        intake_id  TEXT NOT NULL REFERENCES intakes(id),
        kind       TEXT NOT NULL CHECK (kind IN ('acceptance','handling','review','recheck')),
        start_day  TEXT NOT NULL,
        due_day    TEXT NOT NULL,
        met_day    TEXT,
        alerted    TEXT CHECK (alerted IN ('approaching','overdue')),
        PRIMARY KEY (intake_id, kind)
      ) STRICT;
      CREATE INDEX case_deadlines_running ON case_deadlines(due_day) WHERE met_day IS NULL;
      -- Where the polled status feed was read up to.
      CREATE TABLE case_poll (
        id      INTEGER PRIMARY KEY CHECK (id = 1),
        cursor  INTEGER NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 16,
    name: 'sms notifications',
    sql: `
      -- SMS to the person (告知), a durable outbox like the case system's: the phone number and the
      -- text are sealed together under the idempotency key (opened only to send); phone_index is the
      -- blind index of the phone number (the daily limit per number, the opt-out).
      CREATE TABLE sms_outbox (
        id              INTEGER PRIMARY KEY,
        idempotency_key TEXT NOT NULL UNIQUE,
        template        TEXT NOT NULL,
        phone_index     TEXT NOT NULL,
        sealed          TEXT NOT NULL,
        state           TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'dead', 'skipped')),
        attempts        INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER NOT NULL,
        last_error      TEXT,
        created_at      INTEGER NOT NULL,
        sent_at         INTEGER
      ) STRICT;
      CREATE INDEX sms_outbox_due ON sms_outbox(next_attempt_at) WHERE state = 'pending';
      CREATE INDEX sms_outbox_sent ON sms_outbox(sent_at) WHERE state = 'sent';
      CREATE INDEX sms_outbox_phone ON sms_outbox(phone_index, sent_at);
      -- Numbers that declined SMS (退订 from the gateway's inbound callback), by blind index only.
      CREATE TABLE sms_optouts (
        phone_index TEXT PRIMARY KEY,
        at          INTEGER NOT NULL,
        via         TEXT NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 17,
    name: 'waiting tally',
    sql: `
      -- Waiting tickets per day, service and priority, kept by triggers in the transaction that
      -- changes the ticket: every queue event carries the counts and every new ticket its place,
      -- and re-counting a queue that grows all day made each issue slower than the one before.
      CREATE TABLE waiting_tally (
        service_day  TEXT NOT NULL,
        service_code TEXT NOT NULL,
        priority     TEXT NOT NULL,
        n            INTEGER NOT NULL CHECK (n >= 0),
        PRIMARY KEY (service_day, service_code, priority)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO waiting_tally (service_day, service_code, priority, n)
        SELECT service_day, service_code, priority, COUNT(*) FROM tickets WHERE status = 'waiting'
        GROUP BY service_day, service_code, priority;
      CREATE TRIGGER tickets_tally_insert AFTER INSERT ON tickets WHEN NEW.status = 'waiting' BEGIN
        INSERT INTO waiting_tally (service_day, service_code, priority, n) VALUES (NEW.service_day, NEW.service_code, NEW.priority, 1)
          ON CONFLICT DO UPDATE SET n = n + 1;
      END;
      CREATE TRIGGER tickets_tally_leave AFTER UPDATE OF status, service_day, service_code, priority ON tickets
        WHEN OLD.status = 'waiting' BEGIN
        UPDATE waiting_tally SET n = n - 1
          WHERE service_day = OLD.service_day AND service_code = OLD.service_code AND priority = OLD.priority;
      END;
      CREATE TRIGGER tickets_tally_enter AFTER UPDATE OF status, service_day, service_code, priority ON tickets
        WHEN NEW.status = 'waiting' BEGIN
        INSERT INTO waiting_tally (service_day, service_code, priority, n) VALUES (NEW.service_day, NEW.service_code, NEW.priority, 1)
          ON CONFLICT DO UPDATE SET n = n + 1;
      END;
      CREATE TRIGGER tickets_tally_delete AFTER DELETE ON tickets WHEN OLD.status = 'waiting' BEGIN
        UPDATE waiting_tally SET n = n - 1
          WHERE service_day = OLD.service_day AND service_code = OLD.service_code AND priority = OLD.priority;
      END;
      -- A ticket's place counts only the waiting tickets behind it in its own class (none, for a
      -- ticket just issued), from this index alone.
      CREATE INDEX tickets_waiting_order ON tickets(service_day, service_code, priority, rank, seq) WHERE status = 'waiting';
      -- It served the old count; tickets_report leads with the same three columns for the rest.
      DROP INDEX tickets_day_service_status_rank;
      -- The wait estimate's recent service times, from the index alone.
      DROP INDEX tickets_service_finished;
      CREATE INDEX tickets_service_durations ON tickets(service_code, finished_at, called_at, serving_at) WHERE status = 'done';
    `,
  },
];
