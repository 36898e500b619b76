import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock, NotFoundError, uuidv7 } from '@hub/kernel';
import { UnitOfWork } from '@hub/nest-commons';
import { ParticipationRepository } from '../../../../participation/application/ports/participation.repository.js';
import { assertMayActFor } from '../../../../shared/application/access.js';
import { DeadlineTimers } from '../../../../shared/application/ports/deadline-timers.js';
import { Deadlines } from '../../../../shared/domain/deadlines.js';
import { TIMER } from '../../../../shared/application/timer-kinds.js';
import { today } from '../../../../shared/application/today.js';
import { NonResidentRecord, type QuarterlyReport } from '../../../domain/quarterly-report.aggregate.js';
import { PiiCipher } from '@hub/pii';
import { NonResidentRecords, QuarterlyReportRepository } from '../../ports/quarterly-report.repository.js';
import { SubmitQuarterlyReportCommand } from './submit-quarterly-report.command.js';

/**
 * F-37, F-39: the participant submits the quarter's activity report with the analysis of results.
 * F-42: engaged non-residents and their family members are stored one record per person, the
 * personal data encrypted (AES-256-GCM, ADR 0022); nothing personal goes to events or logs; a durable
 * timer deletes it when its retention ends (ADR 0119).
 */
@CommandHandler(SubmitQuarterlyReportCommand)
export class SubmitQuarterlyReportHandler implements ICommandHandler<SubmitQuarterlyReportCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(ParticipationRepository) private readonly participations: ParticipationRepository,
    @Inject(QuarterlyReportRepository) private readonly reports: QuarterlyReportRepository,
    @Inject(NonResidentRecords) private readonly nonResidents: NonResidentRecords,
    @Inject(PiiCipher) private readonly cipher: PiiCipher,
    @Inject(DeadlineTimers) private readonly timers: DeadlineTimers,
    @Inject(Deadlines) private readonly deadlines: Deadlines,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  execute(c: SubmitQuarterlyReportCommand): Promise<QuarterlyReport> {
    return this.uow.run(async () => {
      const p = await this.participations.get(c.participationId);
      assertMayActFor(c.actor, p.bin, ['participation', c.participationId], ['fund-officer']);
      const report = await this.reports.findOf(p.id, c.year, c.quarter);
      if (!report) throw new NotFoundError('quarterly-report', `${c.year}-Q${c.quarter}`);
      const timerRuns = report.awaitsSubmission;
      const now = this.clock.now();
      const submittedOn = today(this.clock);
      report.submit(c.input, submittedOn, now);
      const people = [
        ...c.input.nonResidents.engaged.map((person, i) => ({ kind: 'engaged' as const, position: i, person })),
        ...c.input.nonResidents.familyMembers.map((person, i) => ({ kind: 'family-member' as const, position: i, person })),
      ];
      this.nonResidents.add(
        people.map(({ kind, position, person }) => {
          const id = uuidv7();
          const ciphertext = this.cipher.encrypt(JSON.stringify(person), id);
          return NonResidentRecord.of({
            id,
            reportId: report.id,
            participationId: p.id,
            bin: p.bin,
            kind,
            position,
            personalData: ciphertext,
            keyId: this.cipher.keyIdOf(ciphertext),
            createdAt: now,
          });
        }),
      );
      if (timerRuns) await this.timers.cancel(TIMER.reportDue, report.id);
      // F-42 (ADR 0119): the personal data is kept until the end of its retention, then deleted by this timer.
      if (people.length > 0) await this.timers.scheduleDeadline(TIMER.f42RetentionEnded, report.id, this.deadlines.f42RetainUntil(report.year, submittedOn));
      return report;
    });
  }
}
