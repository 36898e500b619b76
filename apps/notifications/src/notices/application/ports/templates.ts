import type { NoticeLanguage } from '../../domain/notice.aggregate.js';
import type { NoticeTemplate } from '../../domain/templates.js';

/** Port: the reviewed template files (apps/notifications/templates) and the refusal-ground labels. */
export abstract class NoticeTemplates {
  abstract template(name: string, language: NoticeLanguage): NoticeTemplate;
  abstract groundLabel(ground: string, language: NoticeLanguage): string;
}
