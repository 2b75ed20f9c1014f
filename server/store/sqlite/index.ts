import { openDatabase } from '../database.ts';
import type { Store } from '../repositories.ts';
import { bookingRepository } from './bookings.ts';
import { caseLifeRepository } from './case-life.ts';
import { auditRepository, metaRepository, serviceRepository, settingsRepository, ticketEventRepository, windowRepository } from './hall.ts';
import { deviceRepository, loginAttemptRepository, pairingCodeRepository, sessionRepository, staffRepository } from './people.ts';
import { alertRepository, intakeRepository, outboxRepository } from './intakes.ts';
import { evaluationRepository, rectificationRepository } from './evaluations.ts';
import { opsRepository } from './ops.ts';
import { reportRepository } from './reports.ts';
import { smsRepository } from './sms.ts';
import { printJobRepository } from './print-jobs.ts';
import { counterRepository, ticketRepository } from './tickets.ts';

/** The embedded store: one SQLite file in WAL mode. */
export function openSqliteStore(file: string): Store {
  const db = openDatabase(file);
  return {
    bookings: bookingRepository(db),
    tickets: ticketRepository(db),
    counters: counterRepository(db),
    services: serviceRepository(db),
    windows: windowRepository(db),
    meta: metaRepository(db),
    ticketEvents: ticketEventRepository(db),
    staff: staffRepository(db),
    sessions: sessionRepository(db),
    loginAttempts: loginAttemptRepository(db),
    devices: deviceRepository(db),
    pairingCodes: pairingCodeRepository(db),
    printJobs: printJobRepository(db),
    audit: auditRepository(db),
    intakes: intakeRepository(db),
    alerts: alertRepository(db),
    outbox: outboxRepository(db),
    sms: smsRepository(db),
    settings: settingsRepository(db),
    ops: opsRepository(db),
    reports: reportRepository(db),
    evaluations: evaluationRepository(db),
    rectifications: rectificationRepository(db),
    caseLife: caseLifeRepository(db),
    // IMMEDIATE takes the write lock at BEGIN, so two processes never interleave a
    // read-then-write (e.g. number allocation) on the same file.
    transaction: (work) => (db.inTransaction ? work() : db.transaction(work).immediate()),
    // A transaction function called inside another runs in a savepoint (better-sqlite3).
    transactionEach: (works) =>
      db
        .transaction(() =>
          works.map((work) => {
            try {
              return { ok: true as const, value: db.transaction(work)() };
            } catch (error) {
              return { ok: false as const, error };
            }
          }),
        )
        .immediate(),
    close: () => db.close(),
  };
}
