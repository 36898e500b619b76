import { Controller, Get, Inject, Put } from '@nestjs/common';
import type { z } from 'zod';
import type { Actor } from '@hub/contracts';
import { CurrentActor, Endpoint, ValidBody, ValidParams } from '@hub/nest-commons';
import { PreferencesService } from '../../application/preferences.service.js';
import { BinParams, PreferencesBody, PreferencesSchema } from './messages.dto.js';

const tags = ['preferences'];

/** A company's notice preferences — language and e-mail address (ADR 0090) — for its representatives only (F-35). */
@Controller('recipients')
export class PreferencesHttpController {
  constructor(@Inject(PreferencesService) private readonly preferences: PreferencesService) {}

  @Get(':bin/preferences')
  @Endpoint({ summary: "A company's notice language and e-mail address", tags, access: ['applicant'], params: BinParams, response: PreferencesSchema })
  get(@ValidParams() p: z.infer<typeof BinParams>, @CurrentActor() actor: Actor) {
    return this.preferences.get(p.bin, actor);
  }

  @Put(':bin/preferences')
  @Endpoint({
    summary: "Set a company's notice language and e-mail address (the following notices use them)",
    tags,
    access: ['applicant'],
    params: BinParams,
    body: PreferencesBody,
    response: PreferencesSchema,
  })
  set(@ValidParams() p: z.infer<typeof BinParams>, @ValidBody() body: z.infer<typeof PreferencesBody>, @CurrentActor() actor: Actor) {
    return this.preferences.set(p.bin, body, actor);
  }
}
