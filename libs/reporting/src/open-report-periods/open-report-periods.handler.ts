import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandService } from '@app/shared';
import { esfReportStream } from '../esf-report';
import { openReportPeriodDecider } from './open-report-periods.decide';
import { planForGrant } from './plan-for-grant';

export class ReportPeriodView {
  @ApiProperty() reportId: string;
  @ApiProperty({ example: '2012' }) periodId: string;
  @ApiProperty({ example: '2012-03-01' }) from: string;
  @ApiProperty({ example: '2012-12-31' }) to: string;
  @ApiProperty({ example: '2013-04-30' }) dueDate: string;
  @ApiProperty({ description: 'true if this request opened it, false if it was open before' })
  openedNow: boolean;
}

export class ReportPeriodsOpened {
  @ApiProperty() grantId: string;
  @ApiProperty({ enum: ['annual', 'semiannual', 'quarterly'] }) frequency: string;
  @ApiProperty({ enum: ['calendar', 'grant-period'] }) anchor: string;
  @ApiPropertyOptional({
    description: 'Each report is due on the last day of this month after the month its period ends in',
  })
  dueMonthsAfterPeriodEnd?: number;
  @ApiPropertyOptional({
    description: 'Instead of months (older rules versions): days after the period ends',
  })
  dueAfterPeriodEndDays?: number;
  @ApiProperty({ enum: ['programme-rules', 'default'] }) scheduleSource: string;
  @ApiPropertyOptional() rulesVersion?: number;
  @ApiProperty({ type: [ReportPeriodView] }) periods: ReportPeriodView[];
}

export class OpenReportPeriodsCommand extends Command<ReportPeriodsOpened> {
  constructor(readonly grantId: string) {
    super();
  }
}

@CommandHandler(OpenReportPeriodsCommand)
export class OpenReportPeriodsHandler implements ICommandHandler<OpenReportPeriodsCommand> {
  constructor(private readonly commands: CommandService) {}

  async execute({ grantId }: OpenReportPeriodsCommand): Promise<ReportPeriodsOpened> {
    const plan = await planForGrant(this.commands, grantId);
    // One stream per period, each opened idempotently: a retry after a partial failure completes the set.
    const openedNow = new Set<string>();
    for (const period of plan.toOpen) {
      const outcome = await this.commands.run(esfReportStream(period.reportId), openReportPeriodDecider, {
        period,
      });
      if (outcome.events.length > 0) openedNow.add(period.reportId);
    }
    const { schedule } = plan;
    return {
      grantId,
      frequency: schedule.schedule.frequency,
      anchor: schedule.schedule.anchor,
      ...('monthsAfterPeriodEnd' in schedule.schedule.due
        ? { dueMonthsAfterPeriodEnd: schedule.schedule.due.monthsAfterPeriodEnd }
        : { dueAfterPeriodEndDays: schedule.schedule.due.daysAfterPeriodEnd }),
      scheduleSource: schedule.source,
      ...(schedule.rulesVersion !== undefined ? { rulesVersion: schedule.rulesVersion } : {}),
      periods: plan.periods.map(({ reportId, periodId, from, to, dueDate }) => ({
        reportId,
        periodId,
        from,
        to,
        dueDate,
        openedNow: openedNow.has(reportId),
      })),
    };
  }
}
