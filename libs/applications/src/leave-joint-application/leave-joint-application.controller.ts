import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@app/identity';
import { CommandAccepted, IdPipe, OptionalBody } from '@app/shared';
import { MembershipReasonDto } from '../joint-application.dto';
import { LeaveJointApplicationCommand } from './leave-joint-application.handler';

@ApiTags('joint applications')
@ApiBearerAuth()
@Controller('expressions-of-interest/:applicationId/members/:ags/leave')
export class LeaveJointApplicationController {
  constructor(private readonly commandBus: CommandBus) {}

  /** A confirmed member leaves before the lead submits. */
  @Post()
  @HttpCode(200)
  @Roles('municipality')
  @OptionalBody()
  @ApiBody({ type: MembershipReasonDto, required: false })
  leave(
    @CurrentPrincipal() principal: Principal,
    @Param('applicationId', IdPipe) applicationId: string,
    @Param('ags', IdPipe) ags: string,
    @Body() body: MembershipReasonDto,
  ): Promise<CommandAccepted> {
    return this.commandBus.execute(
      new LeaveJointApplicationCommand(principal, applicationId, ags, body?.reason),
    );
  }
}
