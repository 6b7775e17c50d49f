import { ApiProperty } from '@nestjs/swagger';

/** What a successful command answers: the record's id and its revision (use it as If-Match). */
export class CommandAccepted {
  @ApiProperty() id: string;
  @ApiProperty({ description: 'Revision of the record after the command' }) revision: number;

  static of(id: string, revision: number): CommandAccepted {
    return Object.assign(new CommandAccepted(), { id, revision });
  }
}
