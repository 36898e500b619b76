import { type CommissionProtocolPdfData, renderCommissionProtocolPdf } from '@hub/documents';
import { type ProtocolRecord, ProtocolRenderer } from '../../application/ports/protocol-archive.port.js';
import { REFUSAL_GROUND_LABELS } from '../../domain/refusal-grounds.js';

const SUBJECT = {
  registration: { kk: 'Қор қатысушысы ретінде тіркеу (15-тармақ)', ru: 'Регистрация в качестве участника фонда (пункт 15)' },
  'activity-change': { kk: 'Басым қызмет түрлерін өзгерту (20-тармақ)', ru: 'Изменение приоритетных видов деятельности (пункт 20)' },
} as const;

/**
 * The extract from the Commission's protocol (F-15, F-16, F-20) through the shared document renderer
 * (@hub/documents): it goes to the company's archive, so it carries the decision, the grounds with
 * their reasons and the tally — never the members' individual votes. Those are in the full protocol
 * (`renderFull`, ADR 0122), which is the Fund's own document, read by its reviewers only (F-35).
 */
export class PdfProtocolRenderer extends ProtocolRenderer {
  render(p: ProtocolRecord): Promise<Buffer> {
    return renderCommissionProtocolPdf(extractOf(p));
  }

  /** ADR 0122: the full protocol — the extract's data and each member's vote with its F-16 grounds and comment (F-15, F-16). */
  renderFull(p: ProtocolRecord): Promise<Buffer> {
    return renderCommissionProtocolPdf({
      ...extractOf(p),
      votes: p.votes.map((v) => ({
        member: v.member,
        memberName: v.memberName,
        vote: v.vote,
        grounds: v.grounds.map((g) => REFUSAL_GROUND_LABELS[g]),
        comment: v.comment,
        castAt: v.castAt,
      })),
    });
  }
}

function extractOf(p: ProtocolRecord): CommissionProtocolPdfData {
  return {
    protocolNumber: p.protocolNumber,
    decidedOn: p.decidedOn,
    subject: SUBJECT[p.applicationKind],
    applicationId: p.applicationId,
    companyName: p.companyName,
    bin: p.bin,
    decision: p.decision,
    grounds: p.grounds.map((g) => ({ ground: REFUSAL_GROUND_LABELS[g.ground], reason: g.reason })),
    // Who voted how is the Commission's internal record (F-17 gives the applicant the decision and its reasons).
    tally: { register: p.votes.filter((v) => v.vote === 'register').length, refuse: p.votes.filter((v) => v.vote === 'refuse').length },
    recordedBy: p.recordedBy,
    signatureNote:
      'Электрондық цифрлық қолтаңбамен қол қойылмаған: платформада жазылған хаттаманың көшірмесі. ' +
      'Не подписан ЭЦП: копия протокола, записанного в платформе (NOT signed with the national PKI).',
  };
}
