/**
 * The petitions outputs that sit under /petitions: the 市長申立て進行管理票 PDF and the ledger
 * import's upload pages. Registered in app.ts before petitionsRoutes, so '/petitions/import'
 * is not taken for a petition id by '/petitions/:id'.
 */
import { audit } from '../../../audit/audit-writer';
import { sendDownload } from '../../../http/download';
import { NotFoundError } from '../../../http/errors';
import { idParam } from '../../../http/params';
import { SecureRouter } from '../../../http/routes';
import { importKindRoutes } from '../../imports';
import { petitionsImport } from './petitions-import';
import { loadSheet } from './petitions-pdf-data';
import { petitionSheetPdf, SHEET_TITLE } from './petitions-pdf';
import { petitionIdFor } from '../petitions-scope';

export const PETITION_PRINT_ACTION = 'petition.print';

export function petitionOutputRoutes(r: SecureRouter): void {
  r.get('/petitions/:id/pdf', 'petitions:read', async (req, res) => {
    // Another ward's petition: 404 like a missing one, audited as petition.denied (petitionIdFor).
    const id = await petitionIdFor(req, idParam(req));
    const data = await loadSheet(req.deps.db, req.user!, id);
    if (!data) throw new NotFoundError();
    const pdf = await petitionSheetPdf(data, req.deps.clock.now());
    await audit(req, PETITION_PRINT_ACTION, 'petition', id);
    sendDownload(res, pdf, `${SHEET_TITLE}_${id}.pdf`, 'pdf', true);
  });

  importKindRoutes(r, petitionsImport);
}
