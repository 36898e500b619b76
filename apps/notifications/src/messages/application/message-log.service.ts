import { Inject, Injectable } from '@nestjs/common';
import { ValidationError } from '@hub/kernel';
import { UnitOfWork } from '@hub/nest-commons';
import type { Message } from '../domain/message.aggregate.js';
import { MessageRepository } from './ports/message.repository.js';

const LOG_LIMIT = 200;

/** The message log for the Fund's staff (issue #16): who was told what, when, over which channel, with which outcome — per company or per application. */
@Injectable()
export class MessageLogService {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(MessageRepository) private readonly messages: MessageRepository,
  ) {}

  list(filter: { bin?: string | undefined; subjectId?: string | undefined }): Promise<Message[]> {
    if (!filter.bin && !filter.subjectId) throw ValidationError.field('bin', 'name a company (bin) or an application (subjectId)');
    return this.uow.run(() =>
      this.messages.log({ ...(filter.bin ? { bin: filter.bin } : {}), ...(filter.subjectId ? { subjectId: filter.subjectId } : {}) }, LOG_LIMIT),
    );
  }
}
