#!/usr/bin/env node
// The bundle-size budget of the public pages (issue #11, ADR 0040): what a visitor's browser loads
// before the registry or certificate verification shows — index.html, the entry script, its static
// imports (modulepreload) and the CSS — at most 250 KB gzip. Lazy chunks (applicant and staff screens)
// are not part of the first load. Prints the figures; exits 1 over budget.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET = 250 * 1024;
const dist = join(import.meta.dirname, '../dist');
const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));
const entry = Object.values(manifest).find((c) => c.isEntry);
const files = new Set(['index.html']);
const visit = (key) => {
  const chunk = manifest[key];
  if (!chunk || files.has(chunk.file)) return;
  files.add(chunk.file);
  for (const css of chunk.css ?? []) files.add(css);
  for (const imp of chunk.imports ?? []) visit(imp);
};
visit(Object.keys(manifest).find((k) => manifest[k] === entry));
// The catalogues are loaded per language and in two parts (src/i18n/locales.ts, ADR 0128): the first load
// has one language's public part, counted at the largest; the rest comes with the signed-in screens.
const catalogues = Object.entries(manifest).filter(([k]) => /^virtual:hub-messages\/\w+\/public$/.test(k));
if (catalogues.length !== 3) {
  process.stderr.write(`bundle: expected the public part of 3 catalogues in the manifest, found ${catalogues.length}\n`);
  process.exit(1);
}
const largest = catalogues.map(([, c]) => c.file).sort((a, b) => readFileSync(join(dist, b)).length - readFileSync(join(dist, a)).length)[0];
if (largest) files.add(largest);
let total = 0;
const rows = [...files].map((f) => {
  const gz = gzipSync(readFileSync(join(dist, f)), { level: 9 }).length;
  total += gz;
  return `${(gz / 1024).toFixed(1).padStart(7)} KB  ${f}`;
});
const lazy = Object.values(manifest).filter((c) => !files.has(c.file) && c.file.endsWith('.js'));
const lazyGz = lazy.reduce((s, c) => s + gzipSync(readFileSync(join(dist, c.file)), { level: 9 }).length, 0);
process.stdout.write(
  `bundle: first load of the public pages ${(total / 1024).toFixed(1)} KB gzip (budget ${BUDGET / 1024} KB)\n${rows.join('\n')}\n  lazy chunks: ${lazy.length}, ${(lazyGz / 1024).toFixed(1)} KB gzip\n`,
);
if (total > BUDGET) {
  process.stderr.write(`bundle: over budget by ${((total - BUDGET) / 1024).toFixed(1)} KB\n`);
  process.exit(1);
}
