// The settings an admin edits in the console (/api/settings): notices, the leader reception
// schedule, the registration lists. Each value is validated on the server with the configuration
// file's schema; this is the reply's shape.
import { Type, type Static } from 'typebox';

/** A published leader reception: on a date, or every given ISO weekday. */
const LeaderReceptionSchema = Type.Object({
  date: Type.Optional(Type.String()),
  weekday: Type.Optional(Type.Integer()),
  time: Type.String(),
  leader: Type.String(),
  title: Type.String(),
  responsibilities: Type.String(),
  place: Type.String(),
});
export type LeaderReception = Static<typeof LeaderReceptionSchema>;

const List = Type.Array(Type.String());
const ListPer = Type.Record(Type.String(), Type.Array(Type.String()));

export const EditableSettingsSchema = Type.Object({
  notices: List,
  leaderReceptions: Type.Array(LeaderReceptionSchema),
  /** The kiosk's everyday topics, and the official category each suggests to the window. */
  topics: List,
  topicCategories: Type.Record(Type.String(), Type.String()),
  categories: List,
  purposes: List,
  causes: List,
  systems: List,
  hotIssues: List,
  helperPhrases: List,
  /** Materials of the one-time notification per service code, and extra ones per purpose. */
  materials: ListPer,
  purposeMaterials: ListPer,
});
export type EditableSettings = Static<typeof EditableSettingsSchema>;
export type SettingKey = keyof EditableSettings;
export const SETTING_KEYS = Object.keys(EditableSettingsSchema.properties) as SettingKey[];

export const SettingKeyParams = Type.Object({ key: Type.Union(SETTING_KEYS.map((key) => Type.Literal(key))) });

export const SettingBodySchema = Type.Object({ value: Type.Unknown() }, { additionalProperties: false });
