import type { RefusalGround } from './application.aggregate.js';

/**
 * F-16: the grounds on which the Commission refuses registration, as the Fund's documents name them
 * (Kazakh and Russian; the notices' kk/ru/en texts are the notifications context's own).
 */
export const REFUSAL_GROUND_LABELS: Readonly<Record<RefusalGround, { readonly kk: string; readonly ru: string }>> = {
  'business-plan-not-per-annex-1': {
    kk: 'бизнес-жоспар Қағидалардың 1-қосымшасына сәйкес келмейді',
    ru: 'бизнес-план не соответствует приложению 1 к Правилам',
  },
  'activity-not-in-priority-list': {
    kk: 'жоба АКТ саласындағы басым қызмет түрлерінің тізбесіне сәйкес келмейді',
    ru: 'проект не соответствует перечню приоритетных видов деятельности в сфере ИКТ',
  },
};
