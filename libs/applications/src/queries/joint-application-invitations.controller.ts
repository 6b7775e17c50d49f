import { Controller, Get, Query as QueryParam } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { CurrentPrincipal, type Principal, Roles } from '@app/identity';
import { IsRecordId } from '@app/shared';
import type { InvitationStatus } from '../joint-application';
import {
  type JointApplicationInvitationView,
  ListJointApplicationInvitationsQuery,
} from './joint-application-invitations.queries';

const STATUSES: InvitationStatus[] = ['invited', 'confirmed', 'declined', 'left', 'withdrawn', 'lapsed'];

export class InvitationsFilter {
  @ApiPropertyOptional() @IsOptional() @IsRecordId() callId?: string;
  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES)
  status?: InvitationStatus;
}

@ApiTags('joint applications')
@ApiBearerAuth()
@Controller('joint-application-invitations')
export class JointApplicationInvitationsController {
  constructor(private readonly queryBus: QueryBus) {}

  /** A municipality lists the invitations addressed to it; the office and auditors list all. */
  @Get()
  @Roles('grants-office', 'auditor', 'municipality')
  list(
    @CurrentPrincipal() principal: Principal,
    @QueryParam() filter: InvitationsFilter,
  ): Promise<JointApplicationInvitationView[]> {
    return this.queryBus.execute(
      new ListJointApplicationInvitationsQuery(principal, filter.callId, filter.status),
    );
  }
}
