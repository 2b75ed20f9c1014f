// The one-time notification (一次性告知) on the wire: its texts as configured, and the five items
// one person is told. Composed by common/notification.ts for the kiosk, the window and the printer.
import { Type, type Static } from 'typebox';

const Override = Type.Object({
  basis: Type.Optional(Type.String()),
  office: Type.Optional(Type.String()),
  procedure: Type.Optional(Type.String()),
  remedies: Type.Optional(Type.String()),
  materials: Type.Optional(Type.Array(Type.String())),
});

/** `registration.notification`: the texts of four items, replaced or extended per matter category. */
export const NotificationTextsSchema = Type.Object({
  basis: Type.String(),
  office: Type.String(),
  procedure: Type.String(),
  remedies: Type.String(),
  byCategory: Type.Record(Type.String(), Override),
});
export type NotificationTexts = Static<typeof NotificationTextsSchema>;

/** The five items one person is told: the basis, the handling office, the procedure and time limits, the materials, the remedies. */
export interface OneTimeNotice {
  basis: string;
  office: string;
  procedure: string;
  materials: string[];
  remedies: string;
}

/** `POST /api/tickets/:id/notice`: staff may choose the printer (default: the desk's); a kiosk prints on its own. */
export const NoticePrintBodySchema = Type.Object(
  { printerId: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_-]{1,16}$' })) },
  { additionalProperties: false },
);

/** The slip is queued; `printerReady` false: the printer cannot print now (it prints when it recovers, if soon). */
export const NoticePrintReplySchema = Type.Object({ queued: Type.Literal(true), printerReady: Type.Boolean() });
export type NoticePrintReply = Static<typeof NoticePrintReplySchema>;
