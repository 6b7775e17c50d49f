import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
} from 'class-validator';
import { StatedBesideOparlDto } from '../council-resolution.dto';
import { RESOLUTION_TEXT_LIMITS } from '../resolution-limits';
import type { OparlDocuments } from '../oparl/oparl-resolution';
import type { StatedBesideOparl } from './import-oparl-resolution.decide';

const OPARL_OBJECT = { type: 'object', additionalProperties: true } as const;

/**
 * OParl 1.1 JSON as the council information system serves it. The objects are read by the
 * OParl parser, which refuses with a reason what it cannot read; here only their JSON shape
 * is checked.
 */
export class OparlImportDto extends StatedBesideOparlDto {
  @ApiProperty({ ...OPARL_OBJECT, description: 'oparl:Paper (https://schema.oparl.org/1.1/Paper)' })
  @IsObject()
  paper: Record<string, unknown>;

  @ApiPropertyOptional({
    type: 'array',
    items: OPARL_OBJECT,
    description: "oparl:Consultation objects; default: those embedded in the paper's `consultation`",
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsObject({ each: true })
  consultations?: Record<string, unknown>[];

  @ApiProperty({ ...OPARL_OBJECT, description: 'the oparl:AgendaItem of the authoritative consultation' })
  @IsObject()
  agendaItem: Record<string, unknown>;

  @ApiPropertyOptional({
    type: 'array',
    items: OPARL_OBJECT,
    description: 'oparl:Meeting objects the consultations point to: they give the consultations their dates',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsObject({ each: true })
  meetings?: Record<string, unknown>[];

  @ApiPropertyOptional({
    type: 'array',
    items: OPARL_OBJECT,
    description: 'oparl:Organization objects: they give the committees their names',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsObject({ each: true })
  organizations?: Record<string, unknown>[];

  @ApiPropertyOptional({
    description: 'Beschlussvorschlag; by default the resolution text of the agenda item',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(RESOLUTION_TEXT_LIMITS.proposal)
  proposal?: string;
}

export function toOparlImport(dto: OparlImportDto): { documents: OparlDocuments; stated: StatedBesideOparl } {
  const { paper, consultations, agendaItem, meetings, organizations } = dto;
  const stated = JSON.parse(
    JSON.stringify({
      proposal: dto.proposal,
      financialConsequences: dto.financialConsequences,
      signOffs: dto.signOffs,
    }),
  ) as StatedBesideOparl;
  return { documents: { paper, consultations, agendaItem, meetings, organizations }, stated };
}
