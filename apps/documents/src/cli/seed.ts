/**
 * Demo data for DATABASE_URL (what `tools/hub up` shows a new user): an issued certificate of a few
 * companies, stored through the real command handler in the dev stack's S3 server (HUB_S3_ENDPOINT)
 * — the same transactions and outbox events as the HTTP API. Idempotent: an issue key already
 * stored with the same bytes is returned as it is.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/hub_documents node dist/cli/seed.js
 */
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import type { Actor } from '@hub/contracts';
import { makeBin } from '@hub/identifiers';
import { sampleFiles } from '@hub/object-storage';
import { documentsPlatform } from '../app.module.js';
import { IssueDocumentCommand } from '../documents/application/commands/issue-document/issue-document.command.js';
import { DocumentsModule } from '../documents/documents.module.js';
import { ParticipantsModule } from '../participants/participants.module.js';

const COMPANIES: readonly { serial: number; name: string }[] = [
  { serial: 20101, name: 'Alatau Analytics LLP' },
  { serial: 20202, name: 'Steppe Games LLP' },
];

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    process.stderr.write('DATABASE_URL is required (e.g. postgres://postgres@127.0.0.1:5432/hub_documents)\n');
    process.exit(78);
  }
  const env = {
    PORT: process.env.PORT ?? '3107',
    DATABASE_URL: url,
    HUB_KAFKA_BROKERS: process.env.HUB_KAFKA_BROKERS ?? '127.0.0.1:9092',
    HUB_AUTH_ISSUER: process.env.HUB_AUTH_ISSUER ?? 'seed',
    // The seed verifies no token: a JWKS URL that is never fetched is enough when none is configured.
    ...(process.env.HUB_AUTH_JWKS_FILE
      ? { HUB_AUTH_JWKS_FILE: process.env.HUB_AUTH_JWKS_FILE }
      : { HUB_AUTH_JWKS_URL: process.env.HUB_AUTH_JWKS_URL ?? 'http://127.0.0.1:9/unused' }),
    HUB_LOG_LEVEL: 'warn',
    ...(process.env.HUB_S3_ENDPOINT ? { HUB_S3_ENDPOINT: process.env.HUB_S3_ENDPOINT } : {}),
    ...(process.env.HUB_S3_BUCKET ? { HUB_S3_BUCKET: process.env.HUB_S3_BUCKET } : {}),
    HUB_RUN_WORKERS: 'false',
  };
  @Module({ imports: [documentsPlatform(env), DocumentsModule, ParticipantsModule] })
  class SeedModule {}
  const app = await NestFactory.createApplicationContext(SeedModule, { logger: ['error', 'warn'] });
  const officer: Actor = { subject: 'seed-fund-officer', roles: ['fund-officer'], companies: [], name: 'Seed' };
  let created = 0;
  try {
    const bus = app.get(CommandBus);
    for (const c of COMPANIES) {
      const bin = makeBin({ year: 2019, month: 1 + (c.serial % 12), serial: c.serial });
      const result = await bus.execute(
        new IssueDocumentCommand(
          {
            ownerBin: bin,
            kind: 'participant-certificate',
            issueKey: `registration/certificate/AH-${bin}`,
            fileName: `certificate-AH-${bin}.pdf`,
            bytes: sampleFiles.pdf(`Certificate of ${c.name}`),
          },
          officer,
        ),
      );
      if (result.created) created += 1;
    }
    process.stdout.write(`documents seed: ${created} new issued document(s)\n`);
  } finally {
    await app.close();
  }
}

await main();
