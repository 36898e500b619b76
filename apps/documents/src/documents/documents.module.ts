import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { HUB_CONFIG } from '@hub/nest-commons';
import { ClamdScanner, clamdOptionsOf, MalwareScanner, ObjectStorage, S3ObjectStorage } from '@hub/object-storage';
import type { DocumentsConfig } from '../config.js';
import { AttachDocumentHandler } from './application/commands/attach-document/attach-document.handler.js';
import { CompleteUploadHandler } from './application/commands/complete-upload/complete-upload.handler.js';
import { IssueDocumentHandler } from './application/commands/issue-document/issue-document.handler.js';
import { RequestDownloadHandler } from './application/commands/request-download/request-download.handler.js';
import { StartUploadHandler } from './application/commands/start-upload/start-upload.handler.js';
import { DocumentKinds } from './application/ports/document-kinds.js';
import { FundOwner } from './application/ports/fund-owner.js';
import { DocumentReadModel } from './application/ports/document.read-model.js';
import { DocumentRepository } from './application/ports/document.repository.js';
import { DownloadLog } from './application/ports/download-log.js';
import { DocumentsQueries } from './application/queries/documents.queries.js';
import { JsonDocumentKinds } from './infrastructure/document-kinds.json-catalogue.js';
import { MikroOrmDocumentReadModel, MikroOrmDocumentRepository, MikroOrmDownloadLog } from './infrastructure/document.mikro-orm.repository.js';
import { DocumentsMetrics } from './infrastructure/documents.metrics.js';
import { MalwareScannerReadiness } from './infrastructure/malware-scanner.readiness.js';
import { ObjectStorageReadiness } from './infrastructure/object-storage.readiness.js';
import { DocumentsHttpController } from './interface/http/documents.http.controller.js';

/** Closes the S3 client with the app. */
class StorageLifecycle implements OnApplicationShutdown {
  constructor(@Inject(ObjectStorage) private readonly storage: ObjectStorage) {}
  onApplicationShutdown(): void {
    if (this.storage instanceof S3ObjectStorage) this.storage.close();
  }
}

/**
 * The documents module (ADR 0035 §9, ADR 0045): ports bound to MikroORM, the JSON catalogue of
 * kinds, the S3 adapter and clamd (ADR 0117). Global: the platform's timer handler finds the ports through these exports.
 */
@Global()
@Module({
  controllers: [DocumentsHttpController],
  providers: [
    { provide: DocumentRepository, useClass: MikroOrmDocumentRepository },
    { provide: DocumentReadModel, useClass: MikroOrmDocumentReadModel },
    { provide: DownloadLog, useClass: MikroOrmDownloadLog },
    { provide: DocumentKinds, useFactory: () => new JsonDocumentKinds() },
    { provide: FundOwner, inject: [HUB_CONFIG], useFactory: (c: DocumentsConfig): FundOwner => ({ bin: c.HUB_FUND_BIN ?? null }) },
    {
      provide: ObjectStorage,
      inject: [HUB_CONFIG],
      useFactory: (c: DocumentsConfig) =>
        new S3ObjectStorage({
          endpoint: c.HUB_S3_ENDPOINT,
          ...(c.HUB_S3_PUBLIC_ENDPOINT ? { publicEndpoint: c.HUB_S3_PUBLIC_ENDPOINT } : {}),
          region: c.HUB_S3_REGION,
          bucket: c.HUB_S3_BUCKET,
          ...(c.HUB_S3_ACCESS_KEY_ID ? { accessKeyId: c.HUB_S3_ACCESS_KEY_ID } : {}),
          ...(c.HUB_S3_SECRET_ACCESS_KEY ? { secretAccessKey: c.HUB_S3_SECRET_ACCESS_KEY } : {}),
        }),
    },
    { provide: MalwareScanner, inject: [HUB_CONFIG], useFactory: (c: DocumentsConfig) => new ClamdScanner(clamdOptionsOf(c.HUB_CLAMD_URL)) },
    StorageLifecycle,
    ObjectStorageReadiness,
    MalwareScannerReadiness,
    DocumentsQueries,
    DocumentsMetrics,
    StartUploadHandler,
    CompleteUploadHandler,
    AttachDocumentHandler,
    RequestDownloadHandler,
    IssueDocumentHandler,
  ],
  exports: [DocumentRepository, ObjectStorage, DocumentKinds, DocumentsQueries, FundOwner],
})
export class DocumentsModule {}
