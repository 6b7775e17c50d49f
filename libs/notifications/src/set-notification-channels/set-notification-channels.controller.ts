import { Body, Controller, HttpCode, Param, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { CurrentPrincipal, type Principal, Roles } from '@app/identity';
import { CommandAccepted, IdPipe, Refuses } from '@app/shared';
import { SetNotificationChannelsCommand } from './set-notification-channels.handler';
import {
  WebhookSecretWithoutUrl,
  WebhookUrlNotHttp,
  WebhookUrlPrivate,
  WebhookUrlWithCredentials,
} from '../errors';

export class NotificationSettingsDto {
  @ApiPropertyOptional({ example: 'fristen@kreis-unna.de' })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ example: 'https://fachverfahren.kreis-unna.de/hooks/kkz' })
  @IsOptional()
  @IsString()
  @MaxLength(2048)
  webhookUrl?: string;

  @ApiPropertyOptional({ description: 'HMAC-SHA256 key for X-KKZ-Signature; generated when left out' })
  @IsOptional()
  @IsString()
  @MinLength(16)
  @MaxLength(256)
  webhookSecret?: string;

  @ApiPropertyOptional() @IsOptional() @IsBoolean() rotateWebhookSecret?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() rotateCalendarToken?: boolean;
}

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('municipalities/:ags/notification-settings')
export class SetNotificationChannelsController {
  constructor(private readonly commandBus: CommandBus) {}

  /**
   * A municipality names the channels it is reminded through (the inbox always). A channel left
   * out is switched off. Secrets are not echoed here: the municipality reads them with GET.
   */
  @Put()
  @HttpCode(200)
  @Refuses(WebhookSecretWithoutUrl, WebhookUrlNotHttp, WebhookUrlPrivate, WebhookUrlWithCredentials)
  @Roles('municipality')
  set(
    @CurrentPrincipal() principal: Principal,
    @Param('ags', IdPipe) ags: string,
    @Body() body: NotificationSettingsDto,
  ): Promise<CommandAccepted> {
    return this.commandBus.execute(new SetNotificationChannelsCommand(principal, ags, body));
  }
}
