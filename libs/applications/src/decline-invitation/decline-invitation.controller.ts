import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@app/identity';
import { CommandAccepted, IdPipe, OptionalBody } from '@app/shared';
import { MembershipReasonDto } from '../joint-application.dto';
import { DeclineInvitationCommand } from './decline-invitation.handler';

@ApiTags('joint applications')
@ApiBearerAuth()
@Controller('expressions-of-interest/:applicationId/members/:ags/decline')
export class DeclineInvitationController {
  constructor(private readonly commandBus: CommandBus) {}

  /** The invited municipality declines; it stays free to apply on its own. */
  @Post()
  @HttpCode(200)
  @Roles('municipality')
  @OptionalBody()
  @ApiBody({ type: MembershipReasonDto, required: false })
  decline(
    @CurrentPrincipal() principal: Principal,
    @Param('applicationId', IdPipe) applicationId: string,
    @Param('ags', IdPipe) ags: string,
    @Body() body: MembershipReasonDto,
  ): Promise<CommandAccepted> {
    return this.commandBus.execute(new DeclineInvitationCommand(principal, applicationId, ags, body?.reason));
  }
}
