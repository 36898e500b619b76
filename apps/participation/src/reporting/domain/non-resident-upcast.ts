import type { NonResidents } from '@hub/contracts';

type FamilyMember = NonResidents['familyMembers'][number];

/**
 * F-42 (issue #9): a family member recorded before `engagedPersonFullNameLatin` existed gets it from
 * the engaged person it names in the same report (the report was checked to list that person). Used
 * when reading and by the data migration that rewrites the encrypted records (`backfillPii`).
 */
export function withEngagedPersonLatin(f: Partial<FamilyMember>, engaged: readonly NonResidents['engaged'][number][]): FamilyMember {
  if (f.engagedPersonFullNameLatin) return f as FamilyMember;
  const name = (f.engagedPersonFullName ?? '').trim().toLowerCase();
  const person = engaged.find((e) => e.fullName.trim().toLowerCase() === name);
  return { ...f, engagedPersonFullNameLatin: person?.fullNameLatin ?? '' } as FamilyMember;
}
