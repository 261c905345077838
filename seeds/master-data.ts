import { Knex } from 'knex';
import { CATEGORY_TREE, CODE_LISTS, REFERRAL_CENTERS, SETTINGS, SUBSIDY_CAPS, WARDS } from './master-lists';

const SEED_KEY = 'seed.master_data';

/**
 * Seeds master data once (marked in settings), so that an admin's later renames and
 * retirements are never undone by a restart.
 */
export async function seedMasterData(db: Knex): Promise<void> {
  await db.transaction(async (trx) => {
    const done = await trx('settings').where({ key: SEED_KEY }).first();
    if (done) return;
    await trx('wards').insert(WARDS.map((name, i) => ({ name, sort_order: i + 1 })));
    for (const [i, cat] of CATEGORY_TREE.entries()) {
      const [parent] = await trx('consultation_categories').insert({ name: cat.name, sort_order: i + 1 }).returning('id');
      const children = cat.children ?? [];
      if (children.length > 0) {
        await trx('consultation_categories').insert(
          children.map((name, j) => ({ name, parent_id: parent.id, sort_order: j + 1 })),
        );
      }
    }
    await trx('referral_centers').insert(REFERRAL_CENTERS.map((c, i) => ({ ...c, sort_order: i + 1 })));
    const entries = Object.entries(CODE_LISTS).flatMap(([list, labels]) =>
      labels.map((label, i) => ({ list, label, sort_order: i + 1 })));
    await trx('code_entries').insert(entries);
    await trx('subsidy_caps').insert(SUBSIDY_CAPS);
    await trx('settings').insert(Object.entries(SETTINGS).map(([key, int_value]) => ({ key, int_value })));
    await trx('settings').insert({ key: SEED_KEY, int_value: 1 });
  });
}
