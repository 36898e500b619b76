import { z } from 'zod';

export const IdParams = z.object({ id: z.uuid() });
export const TraineeListBody = z.object({
  trainees: z
    .array(
      z.object({
        iin: z
          .string()
          .trim()
          .regex(/^\d{12}$/, 'twelve digits')
          .describe('F-76: the trainee’s IIN (validated: birth date, check digit)'),
        fullName: z.string().trim().min(3).max(300),
      }),
    )
    .max(10_000)
    .describe('F-76: the whole list (replaces the previous one); at most the quotas'),
});
export const TraineeListResultSchema = z.object({ count: z.int() });
export const TraineeViewSchema = z.object({ iin: z.string(), fullName: z.string(), listedAt: z.string() });
