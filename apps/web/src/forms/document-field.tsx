// A document upload bound to a form path (issue #10, ADR 0045): the file goes straight from the
// browser to the object store with the documents context's presigned PUT, then the server verifies
// it (size, the real type from the bytes, its own SHA-256) and the form keeps only the document's
// id — the field the Fund's rule names (F-9(2) tax-debt information, F-9(3) proof of the place of
// business). A refused file (wrong type, too big) is shown on the field with the server's reason.
import { Anchor, Badge, FileInput, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import uploadCatalogue from 'virtual:hub-document-kinds';
import { useApi } from '../api/api-context';
import { ApiError, idempotent, ok } from '../api/client';
import { useCommand } from '../api/command';
import { useT } from '../i18n/i18n';
import type { MessageId } from '../i18n/locales';
import { type AcceptedFiles, acceptedFiles } from './accepted-files';
import { getPath } from './form-state';
import { useForm } from './fields';

/**
 * Why the server refused the file (ADR 0045 §3), in the reader's language; else the problem's own text. A file of
 * no accepted type is told the kind's own accepted types (ADR 0045 §4), as the hint names them.
 */
const REASONS = ['empty', 'too-large', 'size-mismatch', 'type-unknown', 'type-not-allowed', 'type-mismatch', 'missing'] as const;
function refusal(e: unknown, t: (id: MessageId, values?: Record<string, string | number>) => string, files: AcceptedFiles): string {
  if (!(e instanceof ApiError)) return e instanceof Error ? e.message : String(e);
  const reason = (e.problem as { reason?: string } | undefined)?.reason;
  if (reason === 'type-unknown') return t('upload.refused.type-unknown', { types: files.types });
  if (reason && (REASONS as readonly string[]).includes(reason)) return t(`upload.refused.${reason}` as MessageId);
  const fields = (e.problem?.errors ?? []).map((x) => x.message);
  return fields.length ? fields.join('; ') : e.message;
}

/** `bin` is left out for a kind the Fund (ADR 0110) or an office (ADR 0113) owns: documents sets the owner from the kind. */
export function DocumentField({ path, kind, bin, label, required }: { path: string; kind: string; bin?: string; label: MessageId; required?: boolean }) {
  const f = useForm();
  const value = getPath(f.state, path);
  return (
    <DocumentUpload
      testId={path}
      kind={kind}
      {...(bin ? { bin } : {})}
      label={label}
      required={required ?? false}
      value={typeof value === 'string' && value ? value : null}
      onChange={(id) => f.set(path, id)}
      disabled={f.disabled}
      error={f.error(path)}
    />
  );
}

/**
 * The same upload, controlled by its caller (a form outside the form state, e.g. a housing act): the
 * caller keeps the document's id. `bin` is left out for a kind the Fund owns (ADR 0110: documents sets
 * the Fund's BIN itself; the client names no owner) or an office owns (ADR 0113: the cluster selection's
 * organiser, institute or Commission — the kind names the office).
 */
export function DocumentUpload({
  testId,
  kind,
  bin,
  label,
  required,
  value,
  onChange,
  disabled,
  error,
}: {
  testId: string;
  kind: string;
  bin?: string;
  label: MessageId;
  required?: boolean;
  value: string | null;
  onChange: (documentId: string) => void;
  disabled?: boolean;
  error?: string | undefined;
}) {
  const t = useT();
  const api = useApi();
  const [file, setFile] = useState<File | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const documentId = value;
  const current = useQuery({
    queryKey: ['document', documentId],
    enabled: documentId !== null,
    queryFn: async () => ok(await api.GET('/api/documents/documents/{id}', { params: { path: { id: documentId ?? '' } } })),
  });

  // one attempt = one key for the start and one for the completion (ADR 0038), both kept by its retries
  const upload = useCommand(async ({ chosen, completeKey }: { chosen: File; completeKey: string }, key: string) => {
    const started = ok(
      await api.POST('/api/documents/documents/uploads', {
        body: { ...(bin ? { ownerBin: bin } : {}), kind, fileName: chosen.name, size: chosen.size },
        ...idempotent(key),
      }),
    );
    // straight to the store: the URL is signed for this length and type, and lives 5 minutes
    const put = await fetch(started.upload.url, { method: started.upload.method, headers: started.upload.headers, body: chosen });
    if (!put.ok) throw new ApiError(put.status, { detail: t('upload.storeRefused', { status: put.status }) });
    return ok(
      await api.POST('/api/documents/documents/{id}/complete', {
        params: { path: { id: started.document.id } },
        ...idempotent(completeKey),
      }),
    );
  });

  // ADR 0045 §4: the kind's own types and size (the documents context's catalogue), in the chooser, the hint and a refusal
  const files = acceptedFiles(uploadCatalogue, kind);
  const choose = async (chosen: File | null) => {
    setFile(chosen);
    setFailure(null);
    if (!chosen) return;
    try {
      const verified = await upload.submit({ chosen, completeKey: crypto.randomUUID() });
      onChange(verified.id);
    } catch (e) {
      setFailure(refusal(e, t, files));
    }
  };

  const shown = current.data;
  return (
    <Stack gap={4} data-testid={`document-${testId}`} data-path={testId}>
      <FileInput
        label={t(label)}
        description={t('upload.hint', { types: files.types, mb: files.mb })}
        placeholder={t('upload.choose')}
        accept={files.accept}
        value={file}
        onChange={(chosen) => void choose(chosen)}
        withAsterisk={required}
        disabled={(disabled ?? false) || upload.isPending}
        error={failure ?? error}
        // AA contrast for the placeholder (axe: Mantine's placeholder grey fails on white)
        styles={{ placeholder: { color: 'var(--mantine-color-gray-7)' } }}
        data-testid={`field-${testId}`}
      />
      {upload.isPending && (
        <Text size="sm" c="dimmed" role="status">
          {t('upload.checking')}
        </Text>
      )}
      {documentId && shown && (
        <Group gap="xs" data-testid={`document-${testId}-current`}>
          <Badge color={shown.status === 'rejected' || shown.status === 'expired' ? '#a61b1b' : '#0b6e4f'} variant="filled" tt="none">
            {t(`upload.status.${shown.status}` as MessageId)}
          </Badge>
          <Text size="sm">{shown.fileName}</Text>
          {shown.size !== null && (
            <Text size="sm" c="dimmed">
              {t('upload.size', { kb: Math.max(1, Math.round(shown.size / 1024)) })}
            </Text>
          )}
          {shown.sha256 && (
            <Text size="xs" c="dimmed" ff="monospace" title={shown.sha256}>
              SHA-256 {shown.sha256.slice(0, 12)}…
            </Text>
          )}
        </Group>
      )}
    </Stack>
  );
}

/**
 * A document the reader may open (F-35: the company and the Fund's participant-file readers; F-42
 * kinds narrowed by documents): its name, and a button that asks documents for a 60-second download
 * grant — logged there with who asked — and follows it (the store answers with the file as an attachment).
 */
export function DocumentLink({ id }: { id: string }) {
  const t = useT();
  const api = useApi();
  const [failed, setFailed] = useState(false);
  const meta = useQuery({
    queryKey: ['document', id],
    queryFn: async () => ok(await api.GET('/api/documents/documents/{id}', { params: { path: { id } } })),
  });
  const open = async () => {
    setFailed(false);
    try {
      const grant = ok(await api.GET('/api/documents/documents/{id}/download', { params: { path: { id } } }));
      window.location.assign(grant.url);
    } catch {
      setFailed(true);
    }
  };
  return (
    <Group gap="xs" data-testid={`document-link-${id}`}>
      {/* blue.9: AA contrast on white and on the tinted alerts the link sits in (axe failed blue.6 on a refusal's red) */}
      <Anchor component="button" type="button" size="sm" c="blue.9" onClick={() => void open()} disabled={!meta.data}>
        {t('upload.download', { name: meta.data?.fileName ?? '…' })}
      </Anchor>
      {failed && (
        <Text size="xs" c="#a61b1b" role="alert">
          {t('upload.downloadFailed')}
        </Text>
      )}
    </Group>
  );
}
