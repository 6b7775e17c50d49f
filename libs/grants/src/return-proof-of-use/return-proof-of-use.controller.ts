import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { Roles } from '@app/identity';
import { CommandAccepted, IdPipe, Refuses } from '@app/shared';
import { ReturnProofOfUseCommand } from './return-proof-of-use.handler';
import { ProofOfUseNotAwaitingReview, ProofOfUseRemarksMissing } from '../errors/proof-of-use-errors';

export class ReturnProofOfUseDto {
  @ApiProperty({ example: 'Zahlenmäßiger Nachweis weicht vom ESF-Bericht 2015 ab; bitte abgleichen' })
  @IsString()
  @MaxLength(5000)
  remarks: string;
}

@ApiTags('grants')
@ApiBearerAuth()
@Controller('grants/:grantId/proof-of-use/return')
export class ReturnProofOfUseController {
  constructor(private readonly commandBus: CommandBus) {}

  /** The grants office returns a submitted proof of use with remarks, for correction and resubmission. */
  @Post()
  @HttpCode(200)
  @Refuses(ProofOfUseNotAwaitingReview, ProofOfUseRemarksMissing)
  @Roles('grants-office')
  returnForCorrection(
    @Param('grantId', IdPipe) grantId: string,
    @Body() body: ReturnProofOfUseDto,
  ): Promise<CommandAccepted> {
    return this.commandBus.execute(new ReturnProofOfUseCommand(grantId, body.remarks));
  }
}
