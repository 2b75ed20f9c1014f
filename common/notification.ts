// The one-time notification (一次性告知) one person is told: the five items the rules require,
// composed from the configured texts, the matter category's own texts and the materials of the
// service and purpose. Pure; the kiosk, the window and the printed 一次性告知单 all use it.
import type { NotificationTexts, OneTimeNotice } from './contract/notification.ts';

/** The items in the order they are told, with their headings. */
export const NOTICE_ITEMS = [
  { key: 'basis', title: '依据' },
  { key: 'office', title: '办理机关' },
  { key: 'procedure', title: '程序和时限' },
  { key: 'materials', title: '需要的材料' },
  { key: 'remedies', title: '救济途径' },
] as const satisfies ReadonlyArray<{ key: keyof OneTimeNotice; title: string }>;

export interface NoticeSource {
  notification: NotificationTexts;
  materials: Record<string, string[]>;
  purposeMaterials: Record<string, string[]>;
}

export function noticeFor(source: NoticeSource, matter: { serviceCode: string; purpose: string; category: string }): OneTimeNotice {
  const texts = source.notification;
  const own = texts.byCategory[matter.category] ?? {};
  const materials = [
    ...(source.materials[matter.serviceCode] ?? []),
    ...(source.purposeMaterials[matter.purpose] ?? []),
    ...(own.materials ?? []),
  ];
  return {
    basis: own.basis ?? texts.basis,
    office: own.office ?? texts.office,
    procedure: own.procedure ?? texts.procedure,
    materials: [...new Set(materials)],
    remedies: own.remedies ?? texts.remedies,
  };
}
