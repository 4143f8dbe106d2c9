import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../../db/database.js';
import { recordAudit } from '../audit-log/audit-log.service.js';
import { attachment } from './report-format.js';

export const MEDIA_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
} as const;

export interface ExportFile {
  unitCode: string;
  /** What officials see in the audit log: xlsx, pdf, csv, dhis2-json… */
  format: string;
  fileName: string;
  mediaType: string;
  body: Buffer | string;
  /** The day, period or phase the file covers: non-personal facts for the audit entry. */
  detail: Record<string, unknown>;
}

/**
 * Sends a finished file as a download and writes the `report.export` audit entry. The file is
 * built before anything is sent, so a failure answers a clean error and audits nothing.
 */
export async function sendExport(db: Database, request: FastifyRequest, reply: FastifyReply, file: ExportFile): Promise<FastifyReply> {
  await recordAudit(db, {
    actorUserId: request.viewer?.id ?? null, action: 'report.export', unitCode: file.unitCode, subject: file.fileName,
    detail: { format: file.format, ...file.detail },
  });
  return reply
    .header('content-disposition', attachment(file.fileName))
    .header('cache-control', 'private, no-store')
    .type(file.mediaType)
    .send(file.body);
}
