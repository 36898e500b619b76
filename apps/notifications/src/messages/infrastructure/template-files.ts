import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CatalogueFile, TemplateCatalogue, type TemplateTexts } from '../domain/template-catalogue.js';

/** The app's templates folder (apps/notifications/templates): the same path from src/ and from dist/. */
export const TEMPLATES_DIR = fileURLToPath(new URL('../../../templates/', import.meta.url));

/** Reads templates/catalogue.json and every `<template>/<role>.<lang>.md` under it. */
export function readTemplateFiles(dir = TEMPLATES_DIR): { file: CatalogueFile; texts: TemplateTexts } {
  const file = JSON.parse(readFileSync(join(dir, 'catalogue.json'), 'utf8')) as CatalogueFile;
  const texts = new Map<string, string>();
  for (const name of readdirSync(dir)) {
    const folder = join(dir, name);
    if (!statSync(folder).isDirectory()) continue;
    for (const f of readdirSync(folder)) {
      if (f.endsWith('.md')) texts.set(`${name}/${f.slice(0, -'.md'.length)}`, readFileSync(join(folder, f), 'utf8'));
    }
  }
  return { file, texts };
}

/** The checked catalogue: the app does not start with a missing translation or placeholder. */
export const loadTemplateCatalogue = (dir = TEMPLATES_DIR): TemplateCatalogue => {
  const { file, texts } = readTemplateFiles(dir);
  return TemplateCatalogue.of(file, texts);
};
