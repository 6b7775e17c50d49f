import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandAccepted, CommandService, MunicipalityRegistry } from '@app/shared';
import { evaluationStream } from '../evaluation';
import type { RecordIndicatorValueDto } from './record-indicator-value.controller';
import { recordIndicatorValueDecider } from './record-indicator-value.decide';

export class RecordIndicatorValueCommand extends Command<CommandAccepted> {
  constructor(
    readonly evaluationId: string,
    readonly body: RecordIndicatorValueDto,
  ) {
    super();
  }
}

@CommandHandler(RecordIndicatorValueCommand)
export class RecordIndicatorValueHandler implements ICommandHandler<RecordIndicatorValueCommand> {
  constructor(
    private readonly commands: CommandService,
    private readonly registry: MunicipalityRegistry,
  ) {}

  async execute({ evaluationId, body }: RecordIndicatorValueCommand): Promise<CommandAccepted> {
    const { ags, indicator, date, period, value, note } = body;
    const outcome = await this.commands.run(evaluationStream(evaluationId), recordIndicatorValueDecider, {
      evaluationId,
      ags,
      indicator,
      value,
      ...(date !== undefined ? { date } : {}),
      ...(period !== undefined ? { period: { from: period.from, to: period.to } } : {}),
      ...(note !== undefined ? { note } : {}),
      municipalityKnown: this.registry.find(ags) !== undefined,
    });
    return CommandAccepted.of(evaluationId, outcome.revision);
  }
}
