import { AppDeps } from '../deps';
import { writeAudit } from '../audit/audit-writer';
import { inTransaction } from '../db/tx';
import { checkPassword } from './password-policy';
import { generatePassword, hashPassword } from './passwords';
import { countUsers, insertUser } from './users-queries';

/**
 * First start with no users: create the administrator. With no password given, a strong one
 * is generated and printed once; either way it must be changed at first login.
 * Run it under the start-up lock (migrate's thenUnderLock), so that of several instances
 * starting at once exactly one creates it. The user and its audit row are one transaction,
 * committed only after the password is printed: a start that dies half-way leaves no admin
 * whose password nobody saw, and the next start tries again.
 */
export async function ensureInitialAdmin(deps: AppDeps, print: (line: string) => void): Promise<void> {
  if ((await countUsers(deps.db)) > 0) return;
  const username = deps.config.initialAdminUsername;
  const given = deps.config.initialAdminPassword;
  if (given) {
    const problem = checkPassword(given, username);
    if (problem) throw new Error(`INITIAL_ADMIN_PASSWORD: ${problem}`);
  }
  const password = given ?? generatePassword();
  const password_hash = await hashPassword(password);
  await inTransaction(deps.db, async (trx) => {
    const id = await insertUser(trx, {
      username, display_name: 'システム管理者', role: 'admin', ward_id: null, password_hash, must_change_password: true,
    }, null);
    await writeAudit(trx, deps.clock.now(), { action: 'user.create', recordType: 'user', recordId: id });
    if (!given) {
      print('========================================================');
      print(` 初期管理者を作成しました / initial administrator created`);
      print(`   ユーザー名 username: ${username}`);
      print(`   パスワード password: ${password}`);
      print(' 初回ログイン時に変更が必要です（この表示は一度きりです）');
      print('========================================================');
    }
  });
}
