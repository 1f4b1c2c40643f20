import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import {
  type DefaultValues,
  type FieldValues,
  get,
  type Path,
  type UseFormReturn,
  useForm,
} from 'react-hook-form';
import type { z } from 'zod';
import { ApiError } from '../shared/api-client';
import { CHECK_THE_FIELDS, humanMessage, problemMessage } from './admin-api';
import { useLeaveGuard } from './navigation';
import type { SaveState } from './ui';

export interface ServerForm<Input extends FieldValues, Output> {
  form: UseFormReturn<Input, unknown, Output>;
  onSubmit: (event?: React.BaseSyntheticEvent) => Promise<void>;
  state: SaveState;
  /** The message to show beside a field, from the schema (before sending) or the server (after). */
  errorOf(name: Path<Input>): string | undefined;
}

/**
 * An admin form on react-hook-form, checked by the server's own Zod schema before it is sent (so limits and
 * messages come from the schema module the API validates with), and with a 422's `errors[{field, message}]`
 * put on the fields they name. `fieldOf` names the form field for an API field where the two differ.
 */
export function useServerForm<Input extends FieldValues, Output>({
  schema,
  defaultValues,
  save,
  fieldOf = {},
  leaveMessage,
}: {
  schema: z.ZodType<Output, Input>;
  defaultValues: DefaultValues<Input>;
  save(values: Output): Promise<void>;
  fieldOf?: Record<string, Path<Input>>;
  leaveMessage?: string;
}): ServerForm<Input, Output> {
  const form = useForm<Input, unknown, Output>({ resolver: zodResolver(schema), defaultValues });
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  useLeaveGuard(form.formState.isDirty, leaveMessage);

  const onSubmit = form.handleSubmit(
    async (values) => {
      setState({ kind: 'saving' });
      try {
        await save(values);
        setState({ kind: 'saved' });
      } catch (error) {
        const issues = error instanceof ApiError ? error.errors : [];
        for (const issue of issues)
          form.setError((fieldOf[issue.field] ?? issue.field) as Path<Input>, { message: issue.message });
        setState(issues.length > 0 ? CHECK_THE_FIELDS : { kind: 'failed', message: problemMessage(error) });
      }
    },
    () => setState(CHECK_THE_FIELDS),
  );

  const errorOf = (name: Path<Input>) => {
    const message: unknown = (get(form.formState.errors, name) as { message?: unknown } | undefined)?.message;
    return typeof message === 'string' && message ? humanMessage(message) : undefined;
  };
  return { form, onSubmit, state, errorOf };
}
