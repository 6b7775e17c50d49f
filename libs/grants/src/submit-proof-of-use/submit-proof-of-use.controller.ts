import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiExtraModels, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { CurrentPrincipal, type Principal, Roles } from '@app/identity';
import { IdPipe, Refuses } from '@app/shared';
import {
  type FinancingV1Dto,
  financingSchema,
  IsFinancing,
  SourceAmountDto,
} from '../issue-grant-notice/grant-notice.dto';
import { type ProofOfUseReceipt, SubmitProofOfUseCommand } from './submit-proof-of-use.handler';
import { GrantFullyRevoked } from '../errors/disbursement-errors';
import {
  FactualReportMissing,
  ProofOfUseBeforePeriodEnd,
  ProofOfUseBeyondGrant,
  ProofOfUseExists,
  ProofOfUseShareExceeded,
} from '../errors/proof-of-use-errors';

@ApiExtraModels(SourceAmountDto)
export class SubmitProofOfUseDto {
  @ApiProperty({
    description: 'Sachbericht: what was done with the grant and what it achieved',
    example: 'Präventionskette von der Geburt bis zum Berufseinstieg in allen vier Städten aufgebaut …',
  })
  @IsString()
  @MaxLength(100_000)
  factualReport: string;
  @ApiProperty(
    financingSchema(
      'The final numerical proof (zahlenmäßiger Nachweis): what was spent in the funding period, by source.',
    ),
  )
  @IsFinancing()
  expenditure: SourceAmountDto[] | FinancingV1Dto;
  @ApiPropertyOptional({ example: 'Belege liegen bei der Kreiskasse zur Prüfung bereit' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  note?: string;
}

@ApiTags('grants')
@ApiBearerAuth()
@Controller('grants/:grantId/proof-of-use')
export class SubmitProofOfUseController {
  constructor(private readonly commandBus: CommandBus) {}

  /**
   * The grantee submits its proof of use (Verwendungsnachweis) after the funding period: the
   * factual report and the final figures. It meets the proof-of-use-due deadline.
   */
  @Post()
  @Refuses(
    FactualReportMissing,
    GrantFullyRevoked,
    ProofOfUseBeforePeriodEnd,
    ProofOfUseBeyondGrant,
    ProofOfUseExists,
    ProofOfUseShareExceeded,
  )
  @Roles('municipality')
  submit(
    @CurrentPrincipal() principal: Principal,
    @Param('grantId', IdPipe) grantId: string,
    @Body() body: SubmitProofOfUseDto,
  ): Promise<ProofOfUseReceipt> {
    return this.commandBus.execute(new SubmitProofOfUseCommand(principal, { grantId, ...body }));
  }
}
