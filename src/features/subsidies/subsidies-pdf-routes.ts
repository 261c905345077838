import { audit } from '../../audit/audit-writer';
import { sendDownload } from '../../http/download';
import { NotFoundError } from '../../http/errors';
import { SecureRouter } from '../../http/routes';
import { loadSubsidy, subsidyId } from './subsidies-page';
import { NOTICE_TITLES, subsidyNoticePdf } from './subsidies-pdf';

export const SUBSIDY_PRINT_ACTION = 'subsidy.print';

/** GET /subsidies/:id/pdf: the decision notice (決定 or 支払 only; an undecided application has none). */
export function pdfRoutes(r: SecureRouter): void {
  r.get('/subsidies/:subsidyId/pdf', 'subsidies:read', async (req, res) => {
    const id = subsidyId(req);
    const s = await loadSubsidy(req, id);
    if (s.decision !== '承認' && s.decision !== '却下') throw new NotFoundError();
    const pdf = await subsidyNoticePdf(s, req.deps.clock.now());
    await audit(req, SUBSIDY_PRINT_ACTION, 'subsidy', id);
    sendDownload(res, pdf, `${NOTICE_TITLES[s.decision]}_${id}.pdf`, 'pdf', true);
  });
}
