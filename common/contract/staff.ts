// Staff on the wire: signing in, the accounts an admin keeps, and what the console needs.
import { Type, type Static } from 'typebox';
import { STAFF_ROLES } from '../vocabulary.ts';
import { Nullable } from './base.ts';
import { GreenReasonSchema } from './hall.ts';

const StaffRoleSchema = Type.Enum(STAFF_ROLES);

const StaffProfileSchema = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  staffNo: Type.String(),
  roles: Type.Array(StaffRoleSchema),
  windowNo: Nullable(Type.Integer()),
  active: Type.Boolean(),
});
export type StaffProfile = Static<typeof StaffProfileSchema>;

/** One account: the one signed in, or one an admin created or changed. */
export const StaffReplySchema = Type.Object({ staff: StaffProfileSchema });
export type StaffReply = Static<typeof StaffReplySchema>;
export const StaffListReplySchema = Type.Object({ staff: Type.Array(StaffProfileSchema) });
export type StaffListReply = Static<typeof StaffListReplySchema>;

export const LoginBodySchema = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);

const Password = Type.String({ minLength: 10, maxLength: 200 });
const StaffNo = Type.String({ pattern: '^[A-Za-z0-9-]{1,16}$' });
const DisplayName = Type.String({ minLength: 1, maxLength: 20 });
const Roles = Type.Array(StaffRoleSchema, { minItems: 1, uniqueItems: true });

export const NewStaffBodySchema = Type.Object(
  {
    username: Type.String({ pattern: '^[A-Za-z0-9_.-]{2,32}$' }),
    displayName: DisplayName,
    staffNo: StaffNo,
    roles: Roles,
    password: Password,
  },
  { additionalProperties: false },
);

export const StaffChangeBodySchema = Type.Object(
  {
    displayName: Type.Optional(DisplayName),
    staffNo: Type.Optional(StaffNo),
    roles: Type.Optional(Roles),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const PasswordBodySchema = Type.Object({ password: Password }, { additionalProperties: false });
export const StaffIdParams = Type.Object({ id: Type.String({ maxLength: 26 }) });

const Named = Type.Object({ id: Type.String(), name: Type.String() });

/** What the staff console needs: hotkeys, printers, readers, green-channel reasons, window rules. */
export const ConsoleSettingsSchema = Type.Object({
  hotkeys: Type.Record(Type.String(), Type.String()),
  printers: Type.Array(Named),
  readers: Type.Array(Named),
  deskPrinter: Type.String(),
  greenReasons: Type.Array(GreenReasonSchema),
  /** Reasons to complete a ticket whose registration is not verified (`registration.closeReasons`). */
  closeReasons: Type.Array(Type.String()),
  /** Calls a ticket needs before it may be set aside (过号). */
  noShowMinCalls: Type.Integer(),
});
export type ConsoleSettings = Static<typeof ConsoleSettingsSchema>;
