import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { NonResidents } from '@hub/contracts';
import { Clock, ConflictError, uuidv7 } from '@hub/kernel';
import { MessageContexts } from '@hub/messaging';
import { UnitOfWork } from '@hub/nest-commons';
import { assertMayActFor } from '../../../../shared/application/access.js';
import { PiiAccessLogEntry } from '../../../domain/quarterly-report.aggregate.js';
import { PiiCipher } from '@hub/pii';
import { NonResidentRecords, QuarterlyReportRepository } from '../../ports/quarterly-report.repository.js';
import { withEngagedPersonLatin } from '../../../domain/non-resident-upcast.js';
import { ReadNonResidentsCommand } from './read-non-residents.command.js';

/**
 * F-42 restricted personal data: readable by the fund-officer and by the participant's own
 * applicant; every read is recorded (who, which company, what, when, correlation id) in the same
 * transaction that decrypts — no read without its log line.
 */
@CommandHandler(ReadNonResidentsCommand)
export class ReadNonResidentsHandler implements ICommandHandler<ReadNonResidentsCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(QuarterlyReportRepository) private readonly reports: QuarterlyReportRepository,
    @Inject(NonResidentRecords) private readonly nonResidents: NonResidentRecords,
    @Inject(PiiCipher) private readonly cipher: PiiCipher,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  execute(c: ReadNonResidentsCommand): Promise<NonResidents> {
    return this.uow.run(async () => {
      const report = await this.reports.get(c.reportId);
      assertMayActFor(c.actor, report.bin, ['quarterly-report', c.reportId], ['fund-officer']);
      if (report.personalDataPurgedOn !== null) {
        // F-42 (ADR 0119): deleted at the end of its retention — say so, never answer an empty list as if none were listed.
        throw new ConflictError(
          'quarterly-report.personal-data-purged',
          `the non-residents' personal data of report ${report.year}-Q${report.quarter} was deleted on ${report.personalDataPurgedOn} at the end of its retention (F-42); the report keeps its counts`,
          { purgedOn: report.personalDataPurgedOn },
        );
      }
      const records = await this.nonResidents.ofReport(report.id);
      this.nonResidents.logAccess(
        PiiAccessLogEntry.of({
          id: uuidv7(),
          actorSubject: c.actor.subject,
          actorRoles: [...c.actor.roles],
          bin: report.bin,
          participationId: report.participationId,
          reportId: report.id,
          what: `F-42 non-residents of quarterly report ${report.year}-Q${report.quarter} (${records.length} record(s))`,
          correlationId: MessageContexts.current()?.correlationId ?? null,
          accessedAt: this.clock.now(),
        }),
      );
      const decoded = records.map((r) => ({ kind: r.kind, person: JSON.parse(this.cipher.decrypt(r.personalData, r.id)) as Record<string, unknown> }));
      const engaged = decoded.filter((d) => d.kind === 'engaged').map((d) => d.person) as NonResidents['engaged'];
      const familyMembers = (
        decoded.filter((d) => d.kind === 'family-member').map((d) => d.person) as Array<Partial<NonResidents['familyMembers'][number]>>
      ).map((f) => withEngagedPersonLatin(f, engaged));
      return { engaged, familyMembers };
    });
  }
}
