import { Knex } from 'knex';

/** Data migration: the plan's indicators (domain.md §7): 1,544 (2023) → 1,844 (2031); 5 (FY2023) → 20 (FY2031). */
const TARGETS = [
  { indicator: 'court_users', baseline_year: 2023, baseline_value: 1544, target_year: 2031, target_value: 1844 },
  { indicator: 'citizen_guardian_cases', baseline_year: 2023, baseline_value: 5, target_year: 2031, target_value: 20 },
];

export async function up(knex: Knex): Promise<void> {
  await knex('indicator_targets').insert(TARGETS).onConflict('indicator').ignore();
}

export async function down(knex: Knex): Promise<void> {
  await knex('indicator_targets').whereIn('indicator', TARGETS.map((t) => t.indicator)).del();
}
