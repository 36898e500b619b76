import { Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { z } from 'zod';
import { type Actor, PARTICIPANT_FILE_ROLES } from '@hub/contracts';
import { CurrentActor, Endpoint, ValidBody, ValidParams, ValidQuery } from '@hub/nest-commons';
import { AttachDocumentCommand } from '../../application/commands/attach-document/attach-document.command.js';
import { CompleteUploadCommand } from '../../application/commands/complete-upload/complete-upload.command.js';
import { IssueDocumentCommand } from '../../application/commands/issue-document/issue-document.command.js';
import { RequestDownloadCommand } from '../../application/commands/request-download/request-download.command.js';
import { StartUploadCommand } from '../../application/commands/start-upload/start-upload.command.js';
import { DocumentsQueries } from '../../application/queries/documents.queries.js';
import {
  AttachBody,
  DocumentIdParams,
  DocumentListQuery,
  DocumentViewSchema,
  DownloadGrantSchema,
  IssueBody,
  StartUploadBody,
  StartUploadResponse,
} from './documents.dto.js';

const tags = ['documents'];
/**
 * ADR 0110: the roles a kind names as its handlers (data/document-kinds.json: the housing manager for the
 * Fund's dwelling acts) reach these routes; the context lets them act on documents of those kinds only.
 */
const KIND_HANDLERS = ['housing-manager'] as const;
/**
 * ADR 0113: the roles that upload an office's documents (the cluster organiser, the institute's experts,
 * the Commission's secretary) and those that only read them (the Commission's members); the context
 * narrows each to the kinds that name it as an uploader or reader.
 */
const OFFICE_UPLOADERS = ['cluster-organiser', 'cluster-expert', 'cluster-commission-secretary'] as const;
const OFFICE_READERS = [...OFFICE_UPLOADERS, 'cluster-commission-member'] as const;
/** A company's documents are read by the company and the Fund's participant-file readers (F-35); restricted kinds narrower (in the context). */
const READERS = ['applicant', ...PARTICIPANT_FILE_ROLES, ...KIND_HANDLERS, ...OFFICE_READERS] as const;
/** A company's representative, or a fund officer on its behalf. No auditor: no state change (ADR 0030). */
const UPLOADERS = ['applicant', 'fund-officer', ...KIND_HANDLERS, ...OFFICE_UPLOADERS] as const;

/**
 * Documents over HTTP (ADR 0045). Every route declares its access; the same list is in the
 * gateway's route table (apps/admin-gateway/src/access/route-table.ts).
 */
@Controller()
export class DocumentsHttpController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(DocumentsQueries) private readonly queries: DocumentsQueries,
  ) {}

  @Post('documents/uploads')
  @Endpoint({
    summary: 'Start uploading a document of a company: a presigned PUT of 5 minutes for the declared size and type',
    tags,
    access: [...UPLOADERS],
    body: StartUploadBody,
    status: 201,
    response: StartUploadResponse,
    errors: [403, 404, 409, 422],
  })
  async startUpload(@ValidBody() body: z.infer<typeof StartUploadBody>, @CurrentActor() actor: Actor) {
    const { documentId, upload } = await this.commands.execute(new StartUploadCommand(body, actor));
    return { document: await this.queries.get(documentId, actor), upload: { ...upload, expiresAt: upload.expiresAt.toISOString() } };
  }

  @Post('documents/:id/complete')
  @HttpCode(200)
  @Endpoint({
    summary: 'The upload is done: the server verifies size, real type and hash (422 and nothing kept when refused)',
    tags,
    access: [...UPLOADERS],
    params: DocumentIdParams,
    status: 200,
    response: DocumentViewSchema,
    errors: [404, 409, 422],
  })
  async complete(@ValidParams() p: z.infer<typeof DocumentIdParams>, @CurrentActor() actor: Actor) {
    await this.commands.execute(new CompleteUploadCommand(p.id, actor));
    return this.queries.get(p.id, actor);
  }

  @Post('documents/:id/attach')
  @HttpCode(200)
  @Endpoint({
    summary: 'Attach a verified document to what it was uploaded for; immutable from then on (corrections are new versions)',
    tags,
    access: [...UPLOADERS],
    params: DocumentIdParams,
    body: AttachBody,
    status: 200,
    response: DocumentViewSchema,
    errors: [404, 409],
  })
  async attach(@ValidParams() p: z.infer<typeof DocumentIdParams>, @ValidBody() body: z.infer<typeof AttachBody>, @CurrentActor() actor: Actor) {
    await this.commands.execute(new AttachDocumentCommand(p.id, body.to, actor));
    return this.queries.get(p.id, actor);
  }

  @Get('documents')
  @Endpoint({
    summary: "Documents (a representative: its own companies' only, F-35; restricted kinds: fund officers, F-42)",
    tags,
    access: [...READERS],
    query: DocumentListQuery,
    response: z.array(DocumentViewSchema),
  })
  list(@ValidQuery() q: z.infer<typeof DocumentListQuery>, @CurrentActor() actor: Actor) {
    return this.queries.list(actor, q);
  }

  @Get('documents/:id')
  @Endpoint({
    summary: 'One document (404 to whoever may not read it, F-35/F-42)',
    tags,
    access: [...READERS],
    params: DocumentIdParams,
    response: DocumentViewSchema,
    errors: [404],
  })
  get(@ValidParams() p: z.infer<typeof DocumentIdParams>, @CurrentActor() actor: Actor) {
    return this.queries.get(p.id, actor);
  }

  @Get('documents/:id/download')
  @Endpoint({
    summary: 'A presigned download URL of 60 seconds after the F-35/F-42 check; every grant is logged in its transaction',
    tags,
    access: [...READERS],
    params: DocumentIdParams,
    response: DownloadGrantSchema,
    errors: [404, 409],
  })
  download(@ValidParams() p: z.infer<typeof DocumentIdParams>, @CurrentActor() actor: Actor) {
    return this.commands.execute(new RequestDownloadCommand(p.id, actor));
  }

  @Post('issued-documents')
  @Endpoint({
    summary:
      'Store a document the Fund issued (a rendered PDF) once, with its hash; the same key and bytes again return it. Platform workers only (ADR 0106: the client-credentials role document-issuer), each for the kinds the catalogue names it the issuer of (403 otherwise)',
    tags,
    access: ['document-issuer'],
    body: IssueBody,
    status: 201,
    response: DocumentViewSchema,
    errors: [403, 409, 422],
  })
  async issue(@ValidBody() body: z.infer<typeof IssueBody>, @CurrentActor() actor: Actor) {
    const bytes = new Uint8Array(Buffer.from(body.contentBase64, 'base64'));
    const { documentId } = await this.commands.execute(
      new IssueDocumentCommand(
        { ...(body.ownerBin ? { ownerBin: body.ownerBin } : {}), kind: body.kind, issueKey: body.issueKey, fileName: body.fileName, bytes },
        actor,
      ),
    );
    return this.queries.issuedView(documentId);
  }
}
