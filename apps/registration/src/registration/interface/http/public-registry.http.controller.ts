import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { z } from 'zod';
import { CertificateNumberParams, CertificateVerificationSchema, RegistryExportQuery, RegistryPageSchema, RegistryQuery } from '@hub/contracts';
import { Endpoint, ValidParams, ValidQuery } from '@hub/nest-commons';
import { RegistrationQueries, type RegistryEntry } from '../../infrastructure/queries/registration.queries.js';
import { ActivityTypeCatalogue } from '../../domain/activity-type-catalogue.js';

const tags = ['registry'];

const csvCell = (v: string): string => {
  // Neutralise spreadsheet formulas and quote every cell.
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return `"${safe.replace(/"/g, '""')}"`;
};

const CSV_HEADER = [
  'company_name',
  'bin',
  'activity_types',
  'certificate_number',
  'valid_from',
  'valid_to',
  'status',
  'listed_on',
  'extension_certificates',
  'terminated_on',
  'termination_ground',
];

const csvLine = (r: RegistryEntry): string =>
  [
    r.companyName,
    r.bin,
    r.activityTypes.map((t) => `${t.code} ${t.name}`).join('; '),
    r.certificateNumber,
    r.validFrom,
    r.validTo,
    r.status,
    r.listedOn,
    r.extensions.map((x) => `${x.certificateNumber} ${x.validFrom}..${x.validTo}`).join('; '),
    r.termination?.terminatedOn ?? '',
    r.termination ? `${r.termination.ground}${r.termination.groundNumber ? ` (F-28(${r.termination.groundNumber}))` : ''}` : '',
  ]
    .map(csvCell)
    .join(',');

/** Writes a chunk; resolves true once the socket can take more, false if the client has gone. */
function write(res: Response, chunk: string): Promise<boolean> {
  if (res.destroyed) return Promise.resolve(false);
  if (res.write(chunk)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      res.off('drain', onDrain);
      res.off('close', onClose);
      resolve(ok);
    };
    const onDrain = () => done(true);
    const onClose = () => done(false);
    res.once('drain', onDrain);
    res.once('close', onClose);
  });
}

/** The public list of participants (F-19) and certificate verification. Never the business plan or anything else confidential (F-35). */
@Controller()
export class PublicRegistryHttpController {
  constructor(
    @Inject(RegistrationQueries) private readonly queries: RegistrationQueries,
    @Inject(ActivityTypeCatalogue) private readonly catalogue: ActivityTypeCatalogue,
  ) {}

  @Get('registry')
  @Endpoint({ summary: 'Search the public registry of participants (F-19)', tags, access: 'public', query: RegistryQuery, response: RegistryPageSchema })
  search(@ValidQuery() q: z.infer<typeof RegistryQuery>) {
    return this.queries.registry(q);
  }

  @Get('registry/export')
  @Endpoint({
    summary: 'Export the public registry as CSV or JSON (F-19)',
    tags,
    access: 'public',
    query: RegistryExportQuery,
    produces: ['text/csv', 'application/json'],
  })
  async export(@ValidQuery() q: z.infer<typeof RegistryExportQuery>, @Res() res: Response): Promise<void> {
    // ADR 0048: streamed batch by batch (keyset), waiting for the socket to drain — constant memory.
    const json = q.format === 'json';
    const batches = this.queries.registryExport(q);
    // The first batch is read before the status line: a database that fails now is a proper problem+json.
    let next = await batches.next();
    res
      .status(200)
      .type(json ? 'application/json' : 'text/csv; charset=utf-8')
      .setHeader('content-disposition', `attachment; filename="astana-hub-participants.${json ? 'json' : 'csv'}"`);
    let written = 0;
    try {
      if (!(await write(res, json ? '[' : `\uFEFF${CSV_HEADER.join(',')}\r\n`))) return void (await batches.return(undefined));
      while (!next.done) {
        const text = next.value.map((r) => (json ? `${written++ ? ',' : ''}${JSON.stringify(r)}` : `${csvLine(r)}\r\n`)).join('');
        // The client went away: stop reading the registry.
        if (!(await write(res, text))) return void (await batches.return(undefined));
        next = await batches.next();
      }
      res.end(json ? ']' : undefined);
    } catch (e) {
      // The status line is gone: all that is left is to cut the body so that the client sees it incomplete.
      res.destroy(e instanceof Error ? e : undefined);
    }
  }

  @Get('registry/certificates/:number')
  @Endpoint({
    summary: 'Verify a certificate by its number (the QR code on the certificate opens this)',
    tags,
    access: 'public',
    params: CertificateNumberParams,
    response: CertificateVerificationSchema,
    errors: [404],
  })
  verify(@ValidParams() p: z.infer<typeof CertificateNumberParams>) {
    return this.queries.verifyCertificate(p.number);
  }

  @Get('activity-types')
  @Endpoint({
    summary: 'The priority ICT activity types and works (F-7(7)); the shipped list is a PLACEHOLDER for Order No. 521/НҚ',
    tags,
    access: 'public',
    response: z.object({ version: z.string(), placeholder: z.boolean(), activityTypes: z.array(z.unknown()) }),
  })
  activityTypes() {
    return { version: this.catalogue.version, placeholder: this.catalogue.placeholder, activityTypes: this.catalogue.all() };
  }
}
