import { applyDecorators } from '@nestjs/common';
import { ArrayMaxSize, IsArray, IsString, MaxLength } from 'class-validator';

/** A list of stated grounds: up to 50 sentences of up to 2,000 characters. */
export const IsReasons = () =>
  applyDecorators(IsArray(), ArrayMaxSize(50), IsString({ each: true }), MaxLength(2000, { each: true }));
