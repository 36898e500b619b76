// The frame the staff console's small action forms share (issue #11): a tinted card with its title, the
// fields (each showing its own error, from the shared zod contract or the context's problem+json), one
// summary of a refusal that named no field, and the submit button — busy while the command runs — with
// Cancel. The forms keep their fields, state and sending; only the frame is here.
import { Button, Card, Group, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useT } from '../i18n/i18n';
import type { MessageId } from '../i18n/locales';
import { ErrorState } from '../ui/states';

export interface FormFrameProps {
  /** The card's data-testid (e.g. 'case-form'). */
  readonly testId: string;
  /** The form's heading, already in the reader's language; none for a form inside its record's card. */
  readonly title?: string;
  /** The field errors shown on the fields: while any is shown, the refusal's summary is not repeated. */
  readonly errors: Readonly<Record<string, string>>;
  /** The command the form sends (useCommand): its failure and whether it runs. */
  readonly command: { readonly isError: boolean; readonly error: unknown; readonly isPending: boolean };
  /** `action`: the summary says an action failed (a refused command), not a load. */
  readonly action?: boolean;
  readonly submit: { readonly label: MessageId; readonly onClick: () => void; readonly testId?: string; readonly color?: string };
  readonly onCancel: () => void;
  /** Space above the card: 'sm' inside a record's card, 'md' under a section. */
  readonly mt?: 'sm' | 'md';
  readonly children: ReactNode;
}

export function FormFrame({ testId, title, errors, command, action = true, submit, onCancel, mt = 'md', children }: FormFrameProps) {
  const t = useT();
  return (
    <Card withBorder mt={mt} bg="gray.0" data-testid={testId}>
      <Stack gap="sm">
        {title !== undefined && (
          <Title order={4} size="h5">
            {title}
          </Title>
        )}
        {children}
        {command.isError && Object.keys(errors).length === 0 && <ErrorState error={command.error} action={action} />}
        <Group>
          <Button onClick={submit.onClick} loading={command.isPending} color={submit.color} {...(submit.testId ? { 'data-testid': submit.testId } : {})}>
            {t(submit.label)}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
