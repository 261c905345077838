import { SecureRouter } from '../../http/routes';
import { Access, can } from '../../policy';
import { isWardHome, renderWardHome } from '../petitions/petitions-list-routes';
import { reminderLocals } from '../reminders/reminders';
import { isDashboardHome, renderDashboard } from '../dashboard/dashboard-home';

export interface MenuItem { href: string; label: string; description: string; access: Access }

/** What each role may open; later features add their entries here. */
export const MENU: MenuItem[] = [
  { href: '/persons', label: '本人情報', description: '本人の検索・登録・編集、経過の確認と印刷、重複した記録の統合', access: 'persons:read' },
  { href: '/reports', label: '集計表', description: '相談件数の月別表と区・相談方法・相談者・疾病・障害別の集計、市長申立て件数・報酬助成の年度推移、受任調整会議の開催状況と推薦の追随率（HTML・CSV・Excel・PDF）', access: 'reports:read' },
  { href: '/consultations/import', label: '相談記録の取り込み', description: 'Excelの相談台帳（CSV）を確認してからまとめて登録', access: 'import:run' },
  { href: '/consultations', label: '相談記録', description: '相談の登録・検索・相談記録票の印刷', access: 'consultations:read' },
  { href: '/consultations/follow-ups', label: 'フォローアップ', description: 'フォローアップ日が来た相談の一覧と完了の記録', access: 'consultations:read' },
  { href: '/petitions', label: '市長申立て', description: '市長申立ての進行管理：段階の記録、親族調査、書類、停滞している申立ての確認', access: 'petitions:read' },
  { href: '/indicators', label: '成果指標', description: '成年後見制度利用者数・市民後見人の対応ケース数と計画値（直線）の比較、家庭裁判所の人数の入力', access: 'indicators:read' },
  { href: '/figures', label: '過年度実績', description: '記録を始める前の年度の実績（年度別の集計表に※印付きで表示）', access: 'figures:read' },
  { href: '/petitions/import', label: '市長申立ての取り込み', description: '既存の市長申立て台帳（CSV）を確認してからまとめて登録（過去の段階は日付不明で記録）', access: 'import:run' },
  { href: '/meetings', label: '受任調整会議', description: '会議（開催日・場所・出席者・議事録）と検討案件（推薦・候補者・家裁への送付・選任）の記録、結果票と議事録のPDF、推薦の追随率', access: 'meetings:read' },
  { href: '/meetings/import', label: '受任調整会議の取り込み', description: '過去の受任調整会議の台帳（CSV、1行1件）を確認してからまとめて登録', access: 'import:run' },
  { href: '/subsidies', label: '報酬助成', description: '後見人等の報酬助成：申請の受付・審査・決定（承認・却下）・支払、上限額の計算、決定通知書の印刷', access: 'subsidies:read' },
  { href: '/subsidies/import', label: '報酬助成の取り込み', description: '過去の報酬助成の台帳（CSV）を確認してからまとめて登録', access: 'import:run' },
  { href: '/guardians', label: '市民後見人', description: '市民後見人・養成講座受講者の名簿：状況（受講中〜バンク登録・協力員）、経歴、バンク登録（条件の確認）、受任したケース', access: 'guardians:read' },
  { href: '/guardians/courses', label: '養成講座', description: '市民後見人養成講座（年度ごと10日間）の日程、受講者、出欠（出席・欠席・補講）と修了の記録', access: 'guardians:read' },
  { href: '/guardians/followups', label: 'フォローアップ研修', description: 'フォローアップ研修の日程と受講者（延べ人数）', access: 'guardians:read' },
  { href: '/guardians/trainees/import', label: '市民後見人名簿の取り込み', description: '既存の受講者・バンク登録者の台帳（CSV）を確認してからまとめて登録', access: 'import:run' },
  { href: '/guardians/followups/import', label: 'フォローアップ研修の取り込み', description: 'フォローアップ研修の受講記録（CSV）を名簿の人と照合してまとめて登録', access: 'import:run' },
  { href: '/consultations/deleted', label: '削除された相談記録', description: '削除された相談記録の確認と復元', access: 'consultations:restore' },
  { href: '/admin/users', label: 'ユーザー管理', description: 'ユーザーの作成・権限変更・停止・パスワード再設定', access: 'users:manage' },
  { href: '/admin/masters', label: 'マスタ管理', description: '区・相談種別・紹介元機関・コード表・報酬助成上限額・設定値', access: 'masters:manage' },
  { href: '/admin/audit', label: '操作ログ', description: 'だれが・いつ・何をしたかの記録の閲覧とCSV出力', access: 'audit:read' },
  { href: '/account/password', label: 'パスワード変更', description: '自分のパスワードを変更します', access: 'signedIn' },
  { href: '/account/two-factor', label: '二段階認証', description: '認証アプリによる二段階認証（確認コード）の設定と回復コード', access: 'signedIn' },
];

export function homeRoutes(r: SecureRouter): void {
  r.get('/', 'signedIn', reminderLocals, async (req, res) => {
    const menu = MENU.filter((m) => can(req.user, m.access));
    // Ward offices work their petitions: their home is their ward's list, stalled first.
    if (isWardHome(req)) return renderWardHome(req, res, menu);
    if (isDashboardHome(req)) return renderDashboard(req, res, menu);
    res.render('home/index', { menu });
  });
}
