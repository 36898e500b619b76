import { Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { z } from 'zod';
import {
  AnnualIncomeDto,
  AnswerBody,
  AuditObligationDto,
  AuditOpinionBody,
  CorporateNoticeBody,
  CorporateNoticeDto,
  DeclareAnnualIncomeBody,
  IdParams,
  InformationRequestDto,
  RequestInformationBody,
  type Actor,
} from '@hub/contracts';
import { PARTICIPANT_FILE_READERS } from '../../../shared/application/access.js';
import { CurrentActor, Endpoint, ValidBody, ValidParams, ValidQuery } from '@hub/nest-commons';
import { AnswerInformationRequestCommand } from '../../application/commands/answer-information-request/answer-information-request.command.js';
import { DeclareAnnualIncomeCommand } from '../../application/commands/declare-annual-income/declare-annual-income.command.js';
import type { AnnualIncome } from '../../domain/annual-income.js';
import { FileCorporateNoticeCommand } from '../../application/commands/file-corporate-notice/file-corporate-notice.command.js';
import { RequestInformationCommand } from '../../application/commands/request-information/request-information.command.js';
import { SubmitAuditOpinionCommand } from '../../application/commands/submit-audit-opinion/submit-audit-opinion.command.js';
import { ObligationQueries } from '../../application/queries/obligation.queries.js';
import type { AuditObligation } from '../../domain/audit-obligation.aggregate.js';
import type { CorporateNotice } from '../../domain/corporate-notice.js';
import type { InformationRequest } from '../../domain/information-request.aggregate.js';

const RequestParams = z.object({ requestId: z.uuid() });
const ObligationParams = z.object({ obligationId: z.uuid() });
const StatusQuery = z.object({
  status: z
    .string()
    .regex(/^[a-z-]{1,30}$/)
    .optional(),
  participationId: z.uuid().optional(),
});
const AuditQuery = z.object({
  status: z
    .string()
    .regex(/^[a-z-]{1,30}$/)
    .optional(),
  year: z.coerce.number().int().optional(),
  // issue #11: one participation's audits on the staff console's participant page
  participationId: z.uuid().optional(),
});

const requestDto = (r: InformationRequest): z.infer<typeof InformationRequestDto> => ({
  id: r.id,
  participationId: r.participationId,
  bin: r.bin,
  kind: r.kind,
  description: r.description,
  requestedOn: r.requestedOn,
  dueDate: r.dueDate,
  status: r.status,
  answeredOn: r.answeredOn,
  documentIds: [...r.documentIds],
});
const auditDto = (a: AuditObligation): z.infer<typeof AuditObligationDto> => ({
  id: a.id,
  participationId: a.participationId,
  bin: a.bin,
  financialYear: a.financialYear,
  declaredIncomeTiyn: a.declaredIncomeTiyn,
  thresholdTiyn: a.thresholdTiyn,
  dueDate: a.dueDate,
  status: a.status,
  submittedOn: a.submittedOn,
  opinionDocumentId: a.opinionDocumentId,
});
const noticeDto = (n: CorporateNotice): z.infer<typeof CorporateNoticeDto> => ({
  id: n.id,
  participationId: n.participationId,
  kind: n.kind,
  eventDate: n.eventDate,
  filedOn: n.filedOn,
  dueDate: n.dueDate,
  onTime: n.onTime,
  copies: [...n.copies],
  documentIds: [...n.documentIds],
});

/** Counter-obligations of the participant: information requests (F-32, F-38), audit (F-33), notices (F-34). */
@Controller()
export class ObligationsController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(ObligationQueries) private readonly queries: ObligationQueries,
  ) {}

  @Post('participations/:id/information-requests')
  @Endpoint({
    summary: 'F-32, F-38: request documents from a participant (due in 10 WD)',
    access: ['fund-officer'],
    params: IdParams,
    body: RequestInformationBody,
    response: InformationRequestDto,
    errors: [404, 409],
  })
  async request(@CurrentActor() actor: Actor, @ValidParams() p: z.infer<typeof IdParams>, @ValidBody() b: z.infer<typeof RequestInformationBody>) {
    return requestDto(await this.commands.execute(new RequestInformationCommand(actor, p.id, b.kind, b.description)));
  }

  @Post('information-requests/:requestId/answer')
  @HttpCode(200)
  @Endpoint({
    summary: 'F-32, F-38: provide the requested documents (uploaded to documents, by id; issue #10)',
    access: ['applicant', 'fund-officer'],
    params: RequestParams,
    body: AnswerBody,
    response: InformationRequestDto,
    status: 200,
    errors: [404, 409, 422],
  })
  async answer(@CurrentActor() actor: Actor, @ValidParams() p: z.infer<typeof RequestParams>, @ValidBody() b: z.infer<typeof AnswerBody>) {
    return requestDto(await this.commands.execute(new AnswerInformationRequestCommand(actor, p.requestId, b.note, b.documentIds ?? [], b.attachments ?? [])));
  }

  @Get('information-requests')
  @Endpoint({
    summary: 'F-32, F-38: information requests (status=overdue for the ones past due)',
    access: PARTICIPANT_FILE_READERS,
    query: StatusQuery,
    response: z.array(InformationRequestDto),
  })
  async requests(@CurrentActor() actor: Actor, @ValidQuery() q: z.infer<typeof StatusQuery>) {
    return (await this.queries.requests(actor, q)).map(requestDto);
  }

  @Get('audit-obligations')
  @Endpoint({
    summary: 'F-33: who owes an audit opinion (annual income above the threshold) and its status',
    access: PARTICIPANT_FILE_READERS,
    query: AuditQuery,
    response: z.array(AuditObligationDto),
  })
  async audits(@CurrentActor() actor: Actor, @ValidQuery() q: z.infer<typeof AuditQuery>) {
    return (await this.queries.audits(actor, q)).map(auditDto);
  }

  @Post('participations/:id/annual-income')
  @HttpCode(200)
  @Endpoint({
    summary: "F-33: declare the company's income of a whole financial year (once it is over); above the threshold the annual audit is owed",
    access: ['applicant', 'fund-officer', 'finance-officer'],
    params: IdParams,
    body: DeclareAnnualIncomeBody,
    response: AnnualIncomeDto,
    status: 200,
    errors: [404, 409],
  })
  async annualIncome(@CurrentActor() actor: Actor, @ValidParams() p: z.infer<typeof IdParams>, @ValidBody() b: z.infer<typeof DeclareAnnualIncomeBody>) {
    const r = await this.commands.execute<DeclareAnnualIncomeCommand, { income: AnnualIncome; audit: AuditObligation | null }>(
      new DeclareAnnualIncomeCommand(actor, p.id, { year: b.year, incomeTiyn: b.incomeTiyn }),
    );
    return {
      participationId: r.income.participationId,
      financialYear: r.income.financialYear,
      incomeTiyn: r.income.incomeTiyn,
      declaredOn: r.income.declaredOn,
      auditObligation: r.audit ? auditDto(r.audit) : null,
    };
  }

  @Post('audit-obligations/:obligationId/opinion')
  @HttpCode(200)
  @Endpoint({
    summary: 'F-33: submit the audit opinion (uploaded to documents, by id; issue #10)',
    access: ['applicant', 'fund-officer'],
    params: ObligationParams,
    body: AuditOpinionBody,
    response: AuditObligationDto,
    status: 200,
    errors: [404, 409, 422],
  })
  async opinion(@CurrentActor() actor: Actor, @ValidParams() p: z.infer<typeof ObligationParams>, @ValidBody() b: z.infer<typeof AuditOpinionBody>) {
    const { documentId, fileName, mediaType, sizeBytes, sha256 } = b;
    const metadata =
      fileName !== undefined && mediaType !== undefined && sizeBytes !== undefined && sha256 !== undefined ? { fileName, mediaType, sizeBytes, sha256 } : null;
    return auditDto(await this.commands.execute(new SubmitAuditOpinionCommand(actor, p.obligationId, { documentId: documentId ?? null, metadata })));
  }

  @Post('participations/:id/corporate-notices')
  @Endpoint({
    summary: 'F-34: notify re-registration or liquidation (within 10 WD), with copies (uploaded to documents, by id; issue #10)',
    access: ['applicant', 'fund-officer'],
    params: IdParams,
    body: CorporateNoticeBody,
    response: CorporateNoticeDto,
    errors: [404, 422],
  })
  async notice(@CurrentActor() actor: Actor, @ValidParams() p: z.infer<typeof IdParams>, @ValidBody() b: z.infer<typeof CorporateNoticeBody>) {
    return noticeDto(
      await this.commands.execute(
        new FileCorporateNoticeCommand(actor, p.id, {
          kind: b.kind,
          eventDate: b.eventDate,
          description: b.description,
          documentIds: b.documentIds ?? [],
          copies: b.copies ?? [],
        }),
      ),
    );
  }

  @Get('participations/:id/corporate-notices')
  @Endpoint({
    summary: "F-34: the re-registration and liquidation notices one participation filed (the company's own, F-35: another company's is 404)",
    access: PARTICIPANT_FILE_READERS,
    params: IdParams,
    response: z.array(CorporateNoticeDto),
    errors: [404],
  })
  async noticesOf(@CurrentActor() actor: Actor, @ValidParams() p: z.infer<typeof IdParams>) {
    return (await this.queries.noticesOf(actor, p.id)).map(noticeDto);
  }

  @Get('corporate-notices')
  @Endpoint({ summary: 'F-34: notices of re-registration and liquidation', access: ['fund-officer'], response: z.array(CorporateNoticeDto) })
  async notices() {
    return (await this.queries.notices()).map(noticeDto);
  }
}
