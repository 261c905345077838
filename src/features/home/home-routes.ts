import { SecureRouter } from '../../http/routes';
import { Access, can } from '../../policy';

export interface MenuItem { href: string; label: string; description: string; access: Access }

/** What each role may open; later features add their entries here. */
export const MENU: MenuItem[] = [
  { href: '/admin/users', label: 'ユーザー管理', description: 'ユーザーの作成・権限変更・停止・パスワード再設定', access: 'users:manage' },
  { href: '/admin/masters', label: 'マスタ管理', description: '区・相談種別・紹介元機関・コード表・報酬助成上限額・設定値', access: 'masters:manage' },
  { href: '/admin/audit', label: '操作ログ', description: 'だれが・いつ・何をしたかの記録の閲覧とCSV出力', access: 'audit:read' },
  { href: '/account/password', label: 'パスワード変更', description: '自分のパスワードを変更します', access: 'signedIn' },
];

export function homeRoutes(r: SecureRouter): void {
  r.get('/', 'signedIn', (req, res) => {
    res.render('home/index', { menu: MENU.filter((m) => can(req.user, m.access)) });
  });
}
