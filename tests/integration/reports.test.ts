// Reports against a small fixed data set computed by hand (Asia/Shanghai, UTC+8): each figure,
// the day boundary in the hall's zone (00:30 local is the previous day in UTC), a ticket still
// open at the rollover, the previous period, who may see which section, exports and drill-down.
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report, ReportSection, ReportTable } from '../../common/contract/reports.ts';
import { staffCookie, startHall, type Hall } from '../support/hall.ts';
import { at, seedReportMonth } from '../support/report-data.ts';

let hall: Hall;
let leader: string;
let desk: string;
let reception: string;
let ids: string[] = [];

beforeAll(async () => {
  hall = await startHall({}, undefined, undefined, { now: () => at('2026-12-05 10:00') });
  leader = await staffCookie(hall, 'leader1', ['leader']);
  desk = await staffCookie(hall, 'desk1', ['desk']);
  reception = await staffCookie(hall, 'window1', ['reception']);
  const staff = hall.app.hall.store.staff;
  const db = new Database(join(hall.dir, 'hall.db'));
  ids = db.transaction(() => seedReportMonth(db, staff.getByUsername('leader1')!.id, staff.getByUsername('desk1')!.id))();
  db.close();
});
afterAll(() => hall?.close());

async function report(cookie: string, query = 'kind=month&date=2026-11-17'): Promise<Report> {
  const response = await hall.app.inject({ method: 'GET', url: `/api/reports?${query}`, headers: { cookie } });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}
const section = (r: Report, id: string) => r.sections.find((s) => s.id === id)!;
const tableOf = (s: ReportSection, id: string) => s.tables.find((t) => t.id === id)!;
const figures = (s: ReportSection) => Object.fromEntries(s.figures.map((f) => [f.id, [f.value, f.previous]]));
/** Rows keyed by their first cell, with the named columns. */
const rows = (t: ReportTable, ...keys: string[]) =>
  Object.fromEntries(t.rows.map((r) => [r[0], keys.map((k) => r[t.columns.findIndex((c) => c.key === k)])]));

describe('monthly report on the fixed data set', () => {
  it('covers November and compares with October', async () => {
    const r = await report(leader);
    // Each table has its own id: exports and the console name a table by it.
    const tableIds = r.sections.flatMap((s) => s.tables.map((t) => t.id));
    expect(tableIds.length).toBeGreaterThan(20);
    expect(new Set(tableIds).size).toBe(tableIds.length);
    expect(r.period).toEqual({ kind: 'month', from: '2026-11-01', to: '2026-11-30' });
    expect(r.previous).toEqual({ kind: 'month', from: '2026-10-01', to: '2026-10-31' });
    expect(r.sections.map((s) => s.id)).toEqual(['registrations', 'queue', 'forwarding', 'leader', 'satisfaction', 'timeliness']);
  });

  it('counts registrations, people, visit kinds, categories and places', async () => {
    const s = section(await report(leader), 'registrations');
    expect(figures(s)).toEqual({ registrations: [6, 1], people: [13, 1], collective: [1, 0], repeat: [1, 0] });
    expect(rows(tableOf(s, 'visit-kinds'), 'n', 'people', 'previous')).toEqual({
      初访: [5, 12, 1],
      重复访: [1, 1, 0],
      个体访: [5, 8, 1],
      集体访: [1, 5, 0],
    });
    expect(rows(tableOf(s, 'by-category'), 'n', 'people', 'previous')).toEqual({
      城乡建设: [2, 2, 1],
      劳动和社会保障: [2, 7, 0],
      国土资源: [1, 3, 0],
      未分类: [1, 1, 0],
    });
    expect(rows(tableOf(s, 'by-purpose'), 'n')).toEqual({ 求决: [4], 建议: [1], 未选择: [1] });
    expect(rows(tableOf(s, 'by-system'), 'n')).toEqual({ 住房城乡建设: [1], 未填写: [5] });
    expect(rows(tableOf(s, 'by-hot-issue'), 'n')).toEqual({ 物业管理: [1], 非热点: [5] });
    expect(rows(tableOf(s, 'by-province'), 'n', 'people')).toEqual({ 浙江省: [5, 11], 北京市: [1, 2] });
    expect(rows(tableOf(s, 'by-county'), 'n', 'people')).toEqual({
      '浙江省 杭州市 西湖区': [4, 6],
      '浙江省 杭州市 上城区': [1, 5],
      '北京市 北京市 东城区': [1, 2],
    });
    expect(tableOf(s, 'place-category').rows).toEqual([
      ['北京市 北京市 东城区', '劳动和社会保障', 1, 2],
      ['浙江省 杭州市 上城区', '劳动和社会保障', 1, 5],
      ['浙江省 杭州市 西湖区', '未分类', 1, 1],
      ['浙江省 杭州市 西湖区', '国土资源', 1, 3],
      ['浙江省 杭州市 西湖区', '城乡建设', 2, 2],
    ]);
    expect(rows(tableOf(s, 'green'), 'n', 'previous')).toEqual({ 老年人: [1, 0] });
  });

  it('counts tickets, no-shows, transfers and tickets unfinished at closing per service', async () => {
    const s = section(await report(leader), 'queue');
    expect(figures(s)).toMatchObject({ tickets: [7, 2], done: [5, 1], 'no-show': [1, 0], transferred: [1, 0], expired: [1, 1] });
    expect(rows(tableOf(s, 'tickets-by-service'), 'issued', 'done', 'noShow', 'transferred', 'expired', 'green', 'previous')).toEqual({
      初访登记: [5, 3, 1, 1, 1, 1, 2],
      '重复访·查询': [1, 1, 0, 0, 0, 0, 0],
      领导接访: [1, 1, 0, 0, 0, 0, 0],
    });
    expect(rows(tableOf(s, 'tickets-by-day'), 'issued')).toEqual({ '2026-11-02': [3], '2026-11-03': [1], '2026-11-04': [1], '2026-11-30': [2] });
    // Local hours: 00 (the 00:30 ticket), 09, 10, 14, 23.
    const hours = rows(tableOf(s, 'tickets-by-hour'), 'A', 'B', 'C');
    expect(hours['00时']).toEqual([1, 0, 0]);
    expect(hours['09时']).toEqual([2, 0, 0]);
    expect(hours['10时']).toEqual([1, 0, 1]);
    expect(hours['14时']).toEqual([0, 1, 0]);
    expect(hours['23时']).toEqual([1, 0, 0]);
    expect(Object.keys(hours)).toHaveLength(24);
    const heat = rows(tableOf(s, 'arrivals-heat'), 'h0', 'h9', 'h10', 'h14', 'h23');
    expect(heat['星期一']).toEqual([0, 2, 1, 1, 1]);
    expect(heat['星期二']).toEqual([1, 0, 0, 0, 0]);
    expect(heat['星期三']).toEqual([0, 0, 1, 0, 0]);
  });

  it('gives median, p90 and longest waits and service times per service, window and staff member', async () => {
    const s = section(await report(leader), 'queue');
    const cols = ['n', 'waitMedian', 'waitP90', 'waitMax', 'serviceMedian', 'serviceP90', 'serviceMax'];
    // A: waits 10, 30, 2; service 20, 10, 10 (p90 interpolated between the 2nd and 3rd value).
    expect(rows(tableOf(s, 'timing-by-service'), ...cols)).toEqual({
      初访登记: [3, 10, 26, 30, 10, 18, 20],
      '重复访·查询': [1, 5, 5, 5, 15, 15, 15],
      领导接访: [1, 5, 5, 5, 30, 30, 30],
    });
    expect(rows(tableOf(s, 'timing-by-window'), ...cols)).toEqual({
      '1号窗口': [3, 5, 9, 10, 15, 19, 20],
      '2号窗口': [1, 30, 30, 30, 10, 10, 10],
      '6号窗口': [1, 5, 5, 5, 30, 30, 30],
    });
    expect(rows(tableOf(s, 'timing-by-staff'), ...cols)).toEqual({
      'leader1姓名（N-leader1）': [3, 5, 9, 10, 15, 19, 20],
      'desk1姓名（N-desk1）': [2, 17.5, 27.5, 30, 20, 28, 30],
    });
    expect(rows(tableOf(s, 'wait-distribution'), 'A', 'B', 'C')).toEqual({
      '0–5分钟': [1, 0, 0],
      '5–10分钟': [0, 1, 1],
      '10–15分钟': [1, 0, 0],
      '15–30分钟': [0, 0, 0],
      '30–60分钟': [1, 0, 0],
      '60分钟以上': [0, 0, 0],
    });
  });

  it('gives the same-day (当日办) rate and deliveries', async () => {
    const s = section(await report(leader), 'forwarding');
    // Verified 5; forwarded the same day 3 (23:59 on the 30th counts; 09:00 the next day does not).
    expect(figures(s)).toEqual({ verified: [5, 1], forwarded: [4, 0], 'same-day-rate': [60, 0], dead: [1, 0] });
    expect(rows(tableOf(s, 'delivery'), 'n')).toEqual({ 已送达: [4], 送达失败: [1] });
    expect(rows(tableOf(s, 'by-state'), 'n')).toEqual({ '已受理（有案号）': [2], 已转送: [2], 已核对待转送: [1], 未登记即办结: [1] });
  });

  it('lists the leader reception days', async () => {
    const s = section(await report(leader), 'leader');
    expect(tableOf(s, 'leader-days').rows).toEqual([['2026-11-04', 1, 1, 3, 1, 1, 1, 0, 100]]);
  });

  it('gives the satisfaction rate per window and the 差评 reasons (好差评)', async () => {
    const s = section(await report(leader), 'satisfaction');
    expect(figures(s)).toMatchObject({ rate: [66.7, 100], rated: [3, 1], poor: [1, 0] });
    expect(rows(tableOf(s, 'satisfaction-by-window'), 'rated', 'satisfied', 'poor', 'unrated', 'rate')).toEqual({
      '1号窗口': [2, 2, 0, 0, 100],
      '2号窗口': [1, 0, 1, 0, 0],
      '6号窗口': [0, 0, 0, 1, null],
      合计: [3, 2, 1, 1, 66.7],
    });
    expect(tableOf(s, 'satisfaction-poor-reasons').rows).toEqual([['服务态度', 1]]);
  });

  it('cuts days at midnight in Shanghai', async () => {
    const day = section(await report(leader, 'kind=day&date=2026-11-03'), 'queue');
    expect(figures(day).tickets).toEqual([1, 3]);
    const december = section(await report(leader, 'kind=day&date=2026-12-01'), 'queue');
    expect(figures(december).tickets).toEqual([1, 2]);
    const week = await report(leader, 'kind=week&date=2026-11-04');
    expect(week.period).toMatchObject({ from: '2026-11-02', to: '2026-11-08' });
    // The week before holds the ticket of 31 October.
    expect(figures(section(week, 'queue')).tickets).toEqual([5, 1]);
  });
});

describe('who sees reports', () => {
  it('gives the desk the operational sections only, and refuses window staff', async () => {
    expect((await report(desk)).sections.map((s) => s.id)).toEqual(['queue', 'forwarding']);
    const refused = await hall.app.inject({ method: 'GET', url: '/api/reports?kind=month&date=2026-11-01', headers: { cookie: reception } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toContain('没有进行此项操作的权限');
  });

  it('answers aggregates only: no registration, ticket or person in the report', async () => {
    const body = JSON.stringify(await report(leader));
    for (const id of ids) expect(body).not.toContain(id);
    expect(body).not.toMatch(/A00\d|sealed/);
  });

  it('refuses a range that ends before it starts or is longer than a year, politely', async () => {
    for (const query of ['kind=custom&date=2026-11-05&to=2026-11-01', 'kind=custom&date=2025-01-01&to=2026-06-01', 'kind=month&date=2026-02-31']) {
      const response = await hall.app.inject({ method: 'GET', url: `/api/reports?${query}`, headers: { cookie: leader } });
      expect(response.statusCode, query).toBe(400);
    }
  });
});

describe('exports', () => {
  const get = (query: string, cookie = leader) => hall.app.inject({ method: 'GET', url: `/api/reports/export?kind=month&date=2026-11-01&${query}`, headers: { cookie } });

  it('writes CSV with a BOM and suppresses place × category cells under three people', async () => {
    const response = await get('format=csv&table=place-category');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    const bytes = response.rawPayload;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8').split('\r\n')).toEqual([
      '县区,内容分类,登记,人数',
      '北京市 北京市 东城区,劳动和社会保障,<3,<3',
      '浙江省 杭州市 上城区,劳动和社会保障,1,5',
      '浙江省 杭州市 西湖区,未分类,<3,<3',
      '浙江省 杭州市 西湖区,国土资源,1,3',
      '浙江省 杭州市 西湖区,城乡建设,<3,<3',
      '',
    ]);
  });

  it('writes every table of the report into one XLSX, and audits the export', async () => {
    const response = await get('format=xlsx');
    expect(response.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('按内容分类')!;
    expect(sheet.getRow(1).values).toEqual([undefined, '内容分类', '本期', '人数', '上期']);
    expect(sheet.getRow(2).values).toEqual([undefined, '劳动和社会保障', 2, 7, 0]);
    expect(sheet.getRow(3).values).toEqual([undefined, '城乡建设', 2, 2, 1]);
    expect(book.worksheets.length).toBeGreaterThan(15);
    const audit = hall.app.hall.store.audit.list({ action: 'report.exported', limit: 5 });
    expect(audit[0]?.details).toMatchObject({ format: 'xlsx' });
  });

  it('refuses CSV without a table, and the desk a management table', async () => {
    expect((await get('format=csv')).statusCode).toBe(400);
    expect((await get('format=csv&table=by-category', desk)).statusCode).toBe(400);
    expect((await get('format=csv&table=tickets-by-service', desk)).statusCode).toBe(200);
    expect((await get('format=csv&table=tickets-by-service', reception)).statusCode).toBe(403);
  });
});

describe('drill-down to registrations', () => {
  const drill = (cookie: string, body: object) =>
    hall.app.inject({ method: 'POST', url: '/api/reports/registrations', headers: { cookie }, payload: { kind: 'month', date: '2026-11-01', reason: '月度评查核对', ...body } });

  it('lists the coded facts of the registrations behind a figure, and audits it with the reason', async () => {
    const response = await drill(leader, { placeCode: '330100', category: '城乡建设' });
    expect(response.statusCode, response.body).toBe(200);
    const { registrations, truncated } = response.json();
    expect(truncated).toBe(false);
    expect(registrations.map((r: { number: string; place: string; state: string }) => [r.number, r.place, r.state])).toEqual([
      ['A001', '浙江省 杭州市 西湖区', '已受理（有案号）'],
      ['A002', '浙江省 杭州市 西湖区', '已转送'],
    ]);
    const [event] = hall.app.hall.store.audit.list({ action: 'report.drilldown', limit: 1 });
    expect(event?.details).toMatchObject({ reason: '月度评查核对', category: '城乡建设', placeCode: '330100', count: 2 });
  });

  it('is refused to window staff and without a reason', async () => {
    expect((await drill(reception, {})).statusCode).toBe(403);
    expect((await drill(leader, { reason: '' })).statusCode).toBe(400);
  });
});
