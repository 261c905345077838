import { AppDeps } from '../deps';
import { writeAudit } from '../audit/audit-writer';
import { checkPassword } from './password-policy';
import { generatePassword, hashPassword } from './passwords';
import { countUsers, insertUser } from './users-queries';

/**
 * First start with no users: create the administrator. With no password given, a strong one
 * is generated and printed once; either way it must be changed at first login.
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
  const id = await insertUser(deps.db, {
    username, display_name: 'システム管理者', role: 'admin', ward_id: null,
    password_hash: await hashPassword(password), must_change_password: true,
  }, null);
  await writeAudit(deps.db, deps.clock.now(), { action: 'user.create', recordType: 'user', recordId: id });
  if (!given) {
    print('========================================================');
    print(` 初期管理者を作成しました / initial administrator created`);
    print(`   ユーザー名 username: ${username}`);
    print(`   パスワード password: ${password}`);
    print(' 初回ログイン時に変更が必要です（この表示は一度きりです）');
    print('========================================================');
  }
}
