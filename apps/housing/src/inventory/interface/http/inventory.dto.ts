import { z } from 'zod';
import { IsoDateSchema, TownSchema } from '@hub/contracts';

const code = z.string().trim().min(1).max(50);

/** Area in m²: an integer, or an exact decimal string with up to 2 decimals — never a float (ADR 0036 in spirit). */
export const AreaM2Schema = z
  .union([z.int().positive().max(9_999_999), z.string().regex(/^\d{1,7}(\.\d{1,2})?$/, 'an area in m² as "42" or "42.50" (at most 2 decimals)')])
  .transform(String)
  .describe('Area in m²: an integer or a decimal string, never a float');

export const RegisterBuildingBody = z.object({
  name: z.string().trim().min(2).max(300),
  address: z.string().trim().min(3).max(500),
  town: TownSchema,
});

export const RegisterUnitBody = z
  .object({
    code,
    kind: z.enum(['dwelling', 'premises']),
    premisesKind: z.enum(['administrative', 'production', 'auxiliary']).optional().describe('F-57: premises only'),
    areaM2: AreaM2Schema.optional(),
    rooms: z
      .array(z.object({ code, beds: z.array(code).min(1).max(20) }))
      .max(50)
      .optional(),
    inventory: z
      .array(z.object({ item: z.string().trim().min(1).max(200), quantity: z.int().min(1).max(10_000) }))
      .max(200)
      .optional(),
    meters: z
      .array(z.object({ code, kind: z.enum(['electricity', 'cold-water', 'hot-water', 'gas', 'heat']) }))
      .max(20)
      .optional(),
  })
  .superRefine((b, ctx) => {
    if (b.kind === 'dwelling' && !b.rooms?.length) ctx.addIssue({ code: 'custom', path: ['rooms'], message: 'a dwelling has rooms with beds' });
    if (b.kind === 'premises' && !b.premisesKind)
      ctx.addIssue({ code: 'custom', path: ['premisesKind'], message: 'premises are administrative, production or auxiliary' });
    if (b.kind === 'premises' && b.areaM2 === undefined) ctx.addIssue({ code: 'custom', path: ['areaM2'], message: 'premises have an area in m²' });
  });

export const OutOfServiceBody = z
  .object({ from: IsoDateSchema, to: IsoDateSchema, reason: z.string().trim().min(3).max(500) })
  .refine((p) => p.from <= p.to, { path: ['to'], message: 'the period ends before it starts' });

export const IdParams = z.object({ id: z.uuid() });
export const BuildingListQuery = z.object({
  townKatoCode: z
    .string()
    .regex(/^\d{9}$/)
    .optional(),
});
export const UnitListQuery = z.object({
  buildingId: z.uuid().optional(),
  townKatoCode: z
    .string()
    .regex(/^\d{9}$/)
    .optional(),
  kind: z.enum(['dwelling', 'premises']).optional(),
});

export const BuildingViewSchema = z.object({ id: z.uuid(), name: z.string(), address: z.string(), town: TownSchema });
export const UnitViewSchema = z.object({
  id: z.uuid(),
  buildingId: z.uuid(),
  townKatoCode: z.string(),
  code: z.string(),
  kind: z.enum(['dwelling', 'premises']),
  premisesKind: z.string().nullable(),
  areaM2: z.string().nullable(),
  rooms: z.array(z.object({ code: z.string(), beds: z.array(z.string()) })),
  inventory: z.array(z.object({ item: z.string(), quantity: z.int() })),
  meters: z.array(z.object({ code: z.string(), kind: z.string() })),
  outOfService: z.array(z.object({ from: IsoDateSchema, to: IsoDateSchema, reason: z.string() })),
});
