import { readFileSync, readdirSync } from 'node:fs';
import { Injectable } from '@nestjs/common';
import { NoticeTemplates } from '../application/ports/templates.js';
import type { NoticeLanguage } from '../domain/notice.aggregate.js';
import { type NoticeTemplate, parseTemplate } from '../domain/templates.js';

/** apps/notifications/templates — the same depth from src/ and dist/. */
export const TEMPLATES_DIR = new URL('../../../templates/', import.meta.url);

/** Every template file, read once at start-up: `<name>.<lang>.md`. */
export function loadTemplates(dir: URL = TEMPLATES_DIR): Map<string, NoticeTemplate> {
  const out = new Map<string, NoticeTemplate>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.md'))) {
    const name = file.slice(0, -'.md'.length);
    out.set(name, parseTemplate(file, readFileSync(new URL(file, dir), 'utf8')));
  }
  return out;
}
export function loadGroundLabels(dir: URL = TEMPLATES_DIR): Record<string, Record<string, string>> {
  const { $comment: _c, ...labels } = JSON.parse(readFileSync(new URL('refusal-grounds.json', dir), 'utf8')) as Record<string, Record<string, string>>;
  return labels;
}

@Injectable()
export class FileNoticeTemplates extends NoticeTemplates {
  private readonly templates = loadTemplates();
  private readonly grounds = loadGroundLabels();
  template(name: string, language: NoticeLanguage): NoticeTemplate {
    const t = this.templates.get(`${name}.${language}`);
    if (!t) throw new Error(`no template ${name}.${language}.md`);
    return t;
  }
  groundLabel(ground: string, language: NoticeLanguage): string {
    return this.grounds[ground]?.[language] ?? ground;
  }
}
