// 好差评: the national five levels and what the person may say about each, shared by the server's
// checks and the evaluator's screen. Pure.
import { EVALUATION_CRITERIA, type EvaluationCriterion, type EvaluationLevel } from './vocabulary.ts';

export const LEVEL_LABELS: Record<EvaluationLevel | 'unrated', string> = {
  very_satisfied: '非常满意',
  satisfied: '满意',
  basic: '基本满意',
  dissatisfied: '不满意',
  very_dissatisfied: '非常不满意',
  unrated: '未评价',
};

/** The criteria as the national list names them (整体满意度 …). */
export const CRITERION_LABELS: Record<EvaluationCriterion, string> = {
  overall: '整体满意度',
  efficiency: '服务效率',
  competence: '服务水平',
  attitude: '服务态度',
  environment: '办事环境',
};

/** What the person says about a criterion at a good level (optional) and at a poor one (a reason). */
const PRAISE: Record<EvaluationCriterion, string> = {
  overall: '整体满意',
  efficiency: '办事效率高',
  competence: '业务熟练、解答清楚',
  attitude: '服务热情周到',
  environment: '办事环境舒适',
};
const COMPLAINT: Record<EvaluationCriterion, string> = {
  overall: '整体不满意',
  efficiency: '办事效率低、等候时间长',
  competence: '业务不熟练、解答不明确',
  attitude: '服务态度不好',
  environment: '办事环境不好',
};

/** 不满意 and 非常不满意 (差评): the person chooses at least one reason, and a rectification task opens. */
export const isPoor = (level: EvaluationLevel): boolean => level === 'dissatisfied' || level === 'very_dissatisfied';

/** The choices shown under a level, in the national order. */
export function criteriaFor(level: EvaluationLevel): Array<{ code: EvaluationCriterion; label: string }> {
  const words = isPoor(level) ? COMPLAINT : PRAISE;
  return EVALUATION_CRITERIA.map((code) => ({ code, label: words[code] }));
}

/** A criterion as it was said at a level (for the 督办 page and reports). */
export const reasonLabel = (level: EvaluationLevel, code: EvaluationCriterion): string => criteriaFor(level).find((c) => c.code === code)!.label;
