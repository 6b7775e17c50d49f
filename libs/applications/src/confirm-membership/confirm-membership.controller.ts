import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@app/identity';
import { CommandAccepted, IdPipe } from '@app/shared';
import { ConfirmMembershipCommand } from './confirm-membership.handler';

@ApiTags('joint applications')
@ApiBearerAuth()
@Controller('expressions-of-interest/:applicationId/members/:ags/confirm')
export class ConfirmMembershipController {
  constructor(private readonly commandBus: CommandBus) {}

  /** The invited municipality joins the joint application, with its own token. */
  @Post()
  @HttpCode(200)
  @Roles('municipality')
  confirm(
    @CurrentPrincipal() principal: Principal,
    @Param('applicationId', IdPipe) applicationId: string,
    @Param('ags', IdPipe) ags: string,
  ): Promise<CommandAccepted> {
    return this.commandBus.execute(new ConfirmMembershipCommand(principal, applicationId, ags));
  }
}
