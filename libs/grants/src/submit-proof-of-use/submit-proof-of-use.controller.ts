import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsObject, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { CurrentPrincipal, type Principal, Roles } from '@app/identity';
import { IdPipe, Refuses } from '@app/shared';
import { MAX_CENTS } from '../issue-grant-notice/grant-notice.dto';
import { type ProofOfUseReceipt, SubmitProofOfUseCommand } from './submit-proof-of-use.handler';
import { GrantFullyRevoked } from '../errors/disbursement-errors';
import {
  FactualReportMissing,
  ProofOfUseBeforePeriodEnd,
  ProofOfUseBeyondGrant,
  ProofOfUseExists,
  ProofOfUseShareExceeded,
} from '../errors/proof-of-use-errors';

/** The final numerical proof (zahlenmäßiger Nachweis): what was spent in the funding period, by source. */
export class ProofOfUseExpenditureDto {
  @ApiProperty({ example: 4_200_000, description: 'ESF money spent, in cents' })
  @IsInt()
  @Min(0)
  @Max(MAX_CENTS)
  esfCents: number;
  @ApiProperty({ example: 2_000_000, description: "The Land's money spent, in cents" })
  @IsInt()
  @Min(0)
  @Max(MAX_CENTS)
  landCents: number;
  @ApiProperty({ example: 2_200_000, description: "The municipality's own funds spent, in cents" })
  @IsInt()
  @Min(0)
  @Max(MAX_CENTS)
  ownCents: number;
}

export class SubmitProofOfUseDto {
  @ApiProperty({
    description: 'Sachbericht: what was done with the grant and what it achieved',
    example: 'Präventionskette von der Geburt bis zum Berufseinstieg in allen vier Städten aufgebaut …',
  })
  @IsString()
  @MaxLength(100_000)
  factualReport: string;
  @ApiProperty({ type: ProofOfUseExpenditureDto })
  @IsObject()
  @ValidateNested()
  @Type(() => ProofOfUseExpenditureDto)
  expenditure: ProofOfUseExpenditureDto;
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
