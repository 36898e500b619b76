import { readFileSync } from 'node:fs';
import { ExtensionTermBounds, type ExtensionTermBoundsVersion } from '../domain/extension-term-bounds.js';

/** F-25 (ADR 0050): the extension bounds from their JSON file (`HUB_EXTENSION_TERM_FILE`, default `data/extension-term.json`). */
export function loadExtensionTermFile(file: string): ExtensionTermBounds {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as { versions: ExtensionTermBoundsVersion[] };
  return new ExtensionTermBounds(raw.versions);
}
