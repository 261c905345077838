/** Builds every table of the annual report for one fiscal year, from the report registry (REPORTS, passed in). */
import type { Knex } from 'knex';
import { fiscalYearLabel } from '../../lib/dates';
import { tableChart, type ChartData } from '../../lib/chart';
import type { Table } from '../../lib/table/table';
import { FY_MIN } from '../reports';
import type { ReportDef, ReportInput, ReportParams, ReportScope } from '../../contracts/report';
import { ANNUAL_SECTIONS, AnnualSection, TREND_YEARS } from './annual-sections';

export const ANNUAL_ID = 'annual';
export const ANNUAL_TITLE = '成年後見支援センター 年報';

/** '成年後見支援センター 年報 令和5年度（2023年度）' */
export const annualTitle = (fy: number) => `${ANNUAL_TITLE} ${fiscalYearLabel(fy)}`;

export interface AnnualPart {
  def: ReportDef;
  params: ReportParams;
  table: Table;
  chart: ChartData | null;
}

export interface AnnualReport {
  fy: number;
  title: string;
  parts: AnnualPart[];
}

export interface AnnualPlan { section: AnnualSection; def: ReportDef; input: ReportInput }

/** The section's report input for `fy` (see AnnualSection.params). */
export function sectionInput(section: AnnualSection, def: ReportDef, fy: number): ReportInput {
  if (section.params) return section.params(fy);
  if (def.period === 'years') return { from: String(Math.max(FY_MIN, fy - TREND_YEARS + 1)), to: String(fy) };
  return { fy: String(fy) };
}

/** The sections whose report is among `reports` (the registry's) and that `may` allows, with their input. */
export function annualPlan(reports: readonly ReportDef[], fy: number, may: (def: ReportDef) => boolean = () => true, sections = ANNUAL_SECTIONS): AnnualPlan[] {
  return sections.flatMap((section) => {
    const def = reports.find((d) => d.id === section.id);
    return def && may(def) ? [{ section, def, input: sectionInput(section, def, fy) }] : [];
  });
}

/** Every planned table (one after another: PGlite has one connection) and its chart. */
export async function buildAnnual(db: Knex, fy: number, opts: { now: Date; scope: ReportScope; plan: AnnualPlan[] }): Promise<AnnualReport> {
  const parts: AnnualPart[] = [];
  for (const { section, def, input } of opts.plan) {
    const parsed = def.parse(input, opts.now);
    if (!parsed.ok) throw new Error(`annual report: bad parameters for ${def.id}: ${parsed.errorList.map((e) => e.message).join(' ')}`);
    const table = await def.build(db, parsed.params, opts.scope);
    parts.push({ def, params: parsed.params, table, chart: section.chart ? tableChart(table, section.chart) : null });
  }
  return { fy, title: annualTitle(fy), parts };
}
