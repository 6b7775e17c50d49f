import { Controller, Get, Query as QueryParam } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { CurrentPrincipal, type Principal, Roles } from '@app/identity';
import { IsRecordId, ListQuery, listPage, type Page } from '@app/shared';
import type { InvitationStatus } from '../joint-application';
import {
  type JointApplicationInvitationView,
  ListJointApplicationInvitationsQuery,
} from './joint-application-invitations.queries';

const STATUSES: InvitationStatus[] = ['invited', 'confirmed', 'declined', 'left', 'withdrawn', 'lapsed'];

export class InvitationsFilter extends ListQuery('status', 'ags', 'from', 'to') {
  @ApiPropertyOptional() @IsOptional() @IsRecordId() callId?: string;
  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES)
  declare status?: InvitationStatus;
}

@ApiTags('joint applications')
@ApiBearerAuth()
@Controller('joint-application-invitations')
export class JointApplicationInvitationsController {
  constructor(private readonly queryBus: QueryBus) {}

  /**
   * A municipality lists the invitations addressed to it; the office and auditors list all.
   * `ags` is the invited municipality, `from`/`to` by the day of the invitation.
   */
  @Get()
  @Roles('grants-office', 'auditor', 'municipality')
  async list(
    @CurrentPrincipal() principal: Principal,
    @QueryParam() filter: InvitationsFilter,
  ): Promise<Page<JointApplicationInvitationView>> {
    const invitations: JointApplicationInvitationView[] = await this.queryBus.execute(
      new ListJointApplicationInvitationsQuery(principal, filter.callId),
    );
    return listPage(invitations, filter, {
      text: (i) => [i.municipality.name, i.municipality.ags, i.lead.name, i.motto, i.callId, i.status],
      status: (i) => i.status,
      ags: (i) => i.municipality.ags,
      date: (i) => i.invitedAt,
    });
  }
}
