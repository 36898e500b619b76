import { Alert, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { DocumentLink } from '../forms/document-field';
import { formatCivilDate } from '../format';
import { useLocale, useT } from '../i18n/i18n';
import type { MessageId } from '../i18n/locales';

/** The Commission's decision as registration records it (F-15, F-16). */
export type CommissionDecision = {
  decision: 'register' | 'refuse';
  grounds: { ground: string; reason: string }[];
  protocolNumber: string;
  decidedOn: string;
};

/**
 * The decision with its protocol number and date, each F-16 ground with its reason (what F-17 tells
 * the applicant) and, once archived, the extract of the protocol (issue #10) — the same box for the
 * applicant and the Fund's staff; `children` adds what only one of them shows.
 */
export function DecisionAlert({
  decided,
  protocolDocumentId,
  mt,
  children,
}: {
  decided: CommissionDecision;
  protocolDocumentId: string | null | undefined;
  mt?: string;
  children?: ReactNode;
}) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <Alert
      mt={mt}
      color={decided.decision === 'register' ? 'teal' : 'red'}
      variant="light"
      title={t('review.decided', {
        decision: t(`decision.${decided.decision}` as MessageId),
        protocol: decided.protocolNumber,
        date: formatCivilDate(decided.decidedOn, locale),
      })}
      data-testid="decision"
    >
      {decided.grounds.map((g) => (
        <Text key={g.ground} size="sm">
          {t(`refusalGround.${g.ground}` as MessageId)}: {g.reason}
        </Text>
      ))}
      {protocolDocumentId && <DocumentLink id={protocolDocumentId} />}
      {children}
    </Alert>
  );
}
