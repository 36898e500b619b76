import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { z } from 'zod';
import { CertificateNumberParams, CertificateVerificationSchema, RegistryExportQuery, RegistryPageSchema, RegistryQuery } from '@hub/contracts';
import { Endpoint, ValidParams, ValidQuery } from '@hub/nest-commons';
import { RegistrationQueries } from '../../infrastructure/queries/registration.queries.js';
import { ActivityTypeCatalogue } from '../../domain/activity-type-catalogue.js';

const tags = ['registry'];

const csvCell = (v: string): string => {
  // Neutralise spreadsheet formulas and quote every cell.
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return `"${safe.replace(/"/g, '""')}"`;
};

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
    const rows = await this.queries.registryExport(q);
    if (q.format === 'json') {
      res
        .status(200)
        .type('application/json')
        .setHeader('content-disposition', 'attachment; filename="astana-hub-participants.json"')
        .send(JSON.stringify(rows));
      return;
    }
    const header = [
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
    const lines = rows.map((r) =>
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
        .join(','),
    );
    res
      .status(200)
      .type('text/csv; charset=utf-8')
      .setHeader('content-disposition', 'attachment; filename="astana-hub-participants.csv"')
      .send(`\uFEFF${[header.join(','), ...lines].join('\r\n')}\r\n`);
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
