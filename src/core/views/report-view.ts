import type { ReportData } from '../reports/report.js';

/**
 * F14 report as surfaces render it. The report use case already returns resolved names and
 * bounded lists (core/reports/report.ts), so the view is that data as is; it becomes its own
 * shape only if a surface needs something the data does not carry.
 */
export type ReportView = ReportData;
