import { Alert, Button, Card, FileInput, Group, List, Progress, Stack, Text, Textarea, Title } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { ApiError, type FieldProblem } from '../api/client';
import { useCommand } from '../api/command';
import { csvCell, problemText } from '../api/problem-text';
import { formatTiyn } from '../format';
import { useLocale, useT } from '../i18n/i18n';
import type { MessageId } from '../i18n/locales';
import { ErrorState } from './states';

/** What every bank-statement import answers (services' invoice payments, ADR 0066; participation's fees, F-21). */
export interface StatementImported {
  readonly rows: number;
  readonly totalTiyn: number;
}

export interface StatementImportProps<R extends StatementImported> {
  readonly title: string;
  /** The statement's format in the reader's language (its header line; all rows or none). */
  readonly hint: string;
  /** Sends the statement: one Idempotency-Key per attempt (ADR 0038). */
  readonly send: (statement: { csv: string; fileName: string }, idempotencyKey: string) => Promise<R>;
  /**
   * The context's own problem codes (a different header, its payer and purpose columns, its matching
   * rules) → messages; codes not named here read as the shared `problem.*` ones.
   */
  readonly codes?: Readonly<Record<string, MessageId>>;
  /** The matched payments of a successful import, when the context names them. */
  readonly summary?: (result: R) => ReactNode;
  readonly onDone: () => Promise<void>;
}

const FILE_NAME = 'statement.csv';

/**
 * A bank statement's import (issue #11; ADR 0066 for services, F-21 for participation): the Fund's
 * statement CSV chosen as a file (or pasted), sent in one call that records all rows or none; a
 * progress bar while it runs; each refused cell named by its row and column in the reader's language;
 * the rows and total imported and, where the context returns them, the payments it matched.
 */
export function StatementImport<R extends StatementImported>({ title, hint, send, codes, summary, onDone }: StatementImportProps<R>) {
  const t = useT();
  const { locale } = useLocale();
  const [csv, setCsv] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const [problems, setProblems] = useState<readonly FieldProblem[]>([]);
  const [done, setDone] = useState<R | null>(null);
  const imp = useCommand(async (body: { csv: string; fileName: string }, key: string) => send(body, key));
  const text = (p: FieldProblem) => {
    const own = p.code === undefined ? undefined : codes?.[p.code];
    return own ? t(own) : problemText(p, t);
  };
  const choose = async (f: File | null) => {
    setFile(f);
    setReadError(null);
    if (!f) return;
    try {
      setCsv(await f.text());
    } catch {
      setReadError(t('statement.file.unreadable'));
    }
  };
  const run = async () => {
    setProblems([]);
    setDone(null);
    try {
      setDone(await imp.submit({ csv, fileName: file?.name ?? FILE_NAME }));
      await onDone();
    } catch (e) {
      // row errors are listed; any other failure is the ErrorState below
      setProblems(e instanceof ApiError ? (e.problem?.errors ?? []) : []);
    }
  };
  return (
    <Card withBorder data-testid="statement-import">
      <Title order={3} size="h4">
        {title}
      </Title>
      <Text size="sm" c="dimmed">
        {hint}
      </Text>
      <Stack gap="xs" mt="xs">
        <FileInput
          label={t('statement.file')}
          description={t('statement.file.hint')}
          placeholder={t('statement.file.choose')}
          accept=".csv,text/csv,text/plain"
          value={file}
          onChange={(f) => void choose(f)}
          error={readError}
          maw={480}
          // AA contrast for the placeholder (axe: Mantine's placeholder grey fails on white), as DocumentUpload
          styles={{ placeholder: { color: 'var(--mantine-color-gray-7)' } }}
          data-testid="statement-file"
        />
        <Textarea
          label={t('billing.import.csv')}
          value={csv}
          onChange={(e) => setCsv(e.currentTarget.value)}
          autosize
          minRows={4}
          maxRows={14}
          styles={{ input: { fontFamily: 'monospace' } }}
          data-testid="statement-csv"
        />
      </Stack>
      <Group mt="xs">
        <Button onClick={() => void run()} loading={imp.isPending} disabled={!csv.trim()} data-testid="import-statement">
          {t('billing.import.submit')}
        </Button>
      </Group>
      {imp.isPending && (
        <Stack gap={4} mt="xs" role="status" data-testid="import-progress">
          <Text size="sm">{t('statement.running', { name: file?.name ?? FILE_NAME })}</Text>
          <Progress value={100} striped animated aria-label={t('statement.running', { name: file?.name ?? FILE_NAME })} />
        </Stack>
      )}
      {done && (
        <Stack gap="xs" mt="xs">
          <Alert color="green" variant="light" data-testid="import-done">
            {t('billing.import.done', { rows: done.rows, total: formatTiyn(done.totalTiyn, locale) })}
          </Alert>
          {summary?.(done)}
        </Stack>
      )}
      {imp.isError && problems.length === 0 && <ErrorState error={imp.error} action />}
      {problems.length > 0 && (
        <Alert color="red" variant="light" mt="xs" role="alert" title={t('billing.import.refused', { count: problems.length })} data-testid="import-errors">
          <List size="sm">
            {problems.map((p, i) => {
              const cell = csvCell(p.field);
              return (
                <List.Item key={i} data-testid="import-error" data-row={cell?.row} data-column={cell?.column ?? undefined}>
                  {cell
                    ? cell.column
                      ? t('billing.import.cell', { row: cell.row, column: cell.column })
                      : t('billing.import.row', { row: cell.row })
                    : p.field}
                  {': '}
                  {text(p)}
                </List.Item>
              );
            })}
          </List>
        </Alert>
      )}
    </Card>
  );
}
