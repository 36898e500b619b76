#!/usr/bin/env node
// Fails the build when a message is missing or broken in any language (issue #11, ADR 0040):
// every id in every catalogue (kk, ru, en), each an ICU message that parses, with the same arguments
// in all three, and every plural giving each category CLDR requires for that language (ru: one, few,
// many, other; kk and en: one, other). Ids used in src/ must exist (they are typed from en.json too).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { TYPE, parse } from '@formatjs/icu-messageformat-parser';

const LOCALES = ['kk', 'ru', 'en'];
const dir = join(import.meta.dirname, '../src/i18n/messages');
const catalogues = Object.fromEntries(LOCALES.map((l) => [l, JSON.parse(readFileSync(join(dir, `${l}.json`), 'utf8'))]));
const problems = [];
const allIds = new Set(LOCALES.flatMap((l) => Object.keys(catalogues[l])));

/** Argument names and plural nodes of a parsed message. */
function walk(nodes, args, plurals) {
  for (const n of nodes) {
    if (n.type === TYPE.argument || n.type === TYPE.number || n.type === TYPE.date || n.type === TYPE.time) args.add(n.value);
    if (n.type === TYPE.select || n.type === TYPE.plural) {
      args.add(n.value);
      if (n.type === TYPE.plural && n.pluralType !== 'ordinal') plurals.push(n);
      for (const opt of Object.values(n.options)) walk(opt.value, args, plurals);
    }
    if (n.type === TYPE.tag) walk(n.children, args, plurals);
  }
}

const shapes = {};
for (const id of [...allIds].sort()) {
  for (const locale of LOCALES) {
    const text = catalogues[locale][id];
    if (typeof text !== 'string' || text.trim() === '') {
      problems.push(`${locale}: missing "${id}"`);
      continue;
    }
    let ast;
    try {
      ast = parse(text);
    } catch (e) {
      problems.push(`${locale}: "${id}" is not a valid ICU message (${e.message})`);
      continue;
    }
    const args = new Set();
    const plurals = [];
    walk(ast, args, plurals);
    const required = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
    for (const p of plurals) {
      const missing = required.filter((c) => !(c in p.options));
      if (missing.length) problems.push(`${locale}: "${id}" plural {${p.value}} lacks ${missing.join(', ')}`);
    }
    (shapes[id] ??= {})[locale] = [...args].sort().join(',');
  }
  const distinct = new Set(Object.values(shapes[id] ?? {}));
  if (distinct.size > 1) problems.push(`"${id}" has different arguments per language: ${JSON.stringify(shapes[id])}`);
}

// Ids referenced in the source as string literals ("…" passed to t()/FormattedMessage) must exist.
const src = join(import.meta.dirname, '../src');
const files = [];
const collect = (d) => {
  for (const f of readdirSync(d)) {
    const p = join(d, f);
    if (statSync(p).isDirectory()) collect(p);
    else if (/\.tsx?$/.test(f) && !f.endsWith('.gen.ts')) files.push(p);
  }
};
collect(src);
const used = new Set();
for (const f of files) for (const m of readFileSync(f, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z][\w.-]+)'/g)) used.add(m[1]);
for (const id of used) if (!allIds.has(id)) problems.push(`src uses "${id}", which no catalogue has`);

if (problems.length) {
  process.stderr.write(`check-i18n: ${problems.length} problem(s):\n  ${problems.join('\n  ')}\n`);
  process.exit(1);
}
process.stdout.write(`check-i18n: ${allIds.size} messages × ${LOCALES.length} languages, all present and valid\n`);
