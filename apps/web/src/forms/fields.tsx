// Form fields bound to a dotted path of the form's state (Mantine inputs: labels, descriptions and
// errors wired for screen readers). The error shown is the contract's (zod, before sending) or the
// server's (problem+json `errors[]`) for exactly that path.
import { Checkbox, TextInput, Textarea } from '@mantine/core';
import { createContext, useContext } from 'react';
import { useT } from '../i18n/i18n';
import type { MessageId } from '../i18n/locales';
import { type FormObject, type FormValue, getPath } from './form-state';

export interface FormApi {
  readonly state: FormObject;
  set(path: string, value: FormValue): void;
  error(path: string): string | undefined;
  readonly disabled: boolean;
}

export const FormContext = createContext<FormApi | null>(null);
export function useForm(): FormApi {
  const f = useContext(FormContext);
  if (!f) throw new Error('a field outside a form');
  return f;
}

const testId = (path: string) => `field-${path}`;

export function TextField({
  path,
  label,
  description,
  area,
  type,
  required,
  inputMode,
}: {
  path: string;
  label: MessageId;
  description?: MessageId;
  area?: boolean;
  type?: 'date' | 'text';
  required?: boolean;
  inputMode?: 'numeric' | 'decimal';
}) {
  const t = useT();
  const f = useForm();
  const value = getPath(f.state, path);
  const common = {
    label: t(label),
    description: description ? t(description) : undefined,
    value: typeof value === 'string' ? value : '',
    error: f.error(path),
    disabled: f.disabled,
    withAsterisk: required,
    'data-testid': testId(path),
    'data-path': path,
  };
  return area ? (
    <Textarea {...common} autosize minRows={2} maxRows={8} onChange={(e) => f.set(path, e.currentTarget.value)} />
  ) : (
    <TextInput {...common} type={type ?? 'text'} inputMode={inputMode} onChange={(e) => f.set(path, e.currentTarget.value)} />
  );
}

export function MoneyField({ path, label, required }: { path: string; label: MessageId; required?: boolean }) {
  return <TextField path={path} label={label} required={required} inputMode="decimal" description="form.money.hint" />;
}

export function CheckField({ path, label }: { path: string; label: MessageId }) {
  const t = useT();
  const f = useForm();
  return (
    <Checkbox
      label={t(label)}
      checked={getPath(f.state, path) === true}
      onChange={(e) => f.set(path, e.currentTarget.checked)}
      error={f.error(path)}
      disabled={f.disabled}
      data-testid={testId(path)}
    />
  );
}
