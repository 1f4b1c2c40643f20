import { zodResolver } from '@hookform/resolvers/zod';
import { type QueryKey, type UseMutationResult, useMutation, useQueryClient } from '@tanstack/react-query';
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

export interface ServerForm<Input extends FieldValues, Output, Saved> {
  form: UseFormReturn<Input, unknown, Output>;
  onSubmit: (event?: React.BaseSyntheticEvent) => Promise<void>;
  /** The save, as TanStack Query runs it: pending, failed or done, with what the server answered. */
  mutation: UseMutationResult<Saved, Error, Output>;
  state: SaveState;
  /** The message to show beside a field, from the schema (before sending) or the server (after). */
  errorOf(name: Path<Input>): string | undefined;
}

/**
 * An admin form on react-hook-form, checked by the server's own Zod schema before it is sent (so limits and
 * messages come from the schema module the API validates with), saved through a TanStack Query mutation (its
 * pending and error state are the form's, and `invalidates` is refreshed after a save), and with a 422's
 * `errors[{field, message}]` put on the fields they name. `fieldOf` names the form field for an API field
 * where the two differ; `refusal` words a refusal the page knows better than the server's sentence.
 */
export function useServerForm<Input extends FieldValues, Output, Saved = unknown>({
  schema,
  defaultValues,
  save,
  onSaved,
  invalidates = [],
  fieldOf = {},
  refusal,
  leaveMessage,
}: {
  schema: z.ZodType<Output, Input>;
  defaultValues: DefaultValues<Input>;
  save(values: Output): Promise<Saved>;
  onSaved?(saved: Saved, values: Output): unknown;
  invalidates?: QueryKey[];
  fieldOf?: Record<string, Path<Input>>;
  refusal?(error: Error): string | undefined;
  leaveMessage?: string;
}): ServerForm<Input, Output, Saved> {
  const form = useForm<Input, unknown, Output>({ resolver: zodResolver(schema), defaultValues });
  const client = useQueryClient();
  // Set when the schema refused the form before anything was sent: the mutation never ran.
  const [checkFailed, setCheckFailed] = useState(false);
  useLeaveGuard(form.formState.isDirty, leaveMessage);

  const mutation = useMutation({
    mutationFn: save,
    onSuccess: async (saved, values) => {
      await onSaved?.(saved, values);
      await Promise.all(invalidates.map((queryKey) => client.invalidateQueries({ queryKey })));
    },
    onError: (error) => {
      const issues = error instanceof ApiError ? error.errors : [];
      for (const issue of issues)
        form.setError((fieldOf[issue.field] ?? issue.field) as Path<Input>, { message: issue.message });
    },
  });

  const onSubmit = form.handleSubmit(
    async (values) => {
      setCheckFailed(false);
      // The outcome is the mutation's state; a refusal is shown from there, not thrown at the form.
      await mutation.mutateAsync(values).catch(() => undefined);
    },
    () => {
      mutation.reset();
      setCheckFailed(true);
    },
  );

  const errorOf = (name: Path<Input>) => {
    const message: unknown = (get(form.formState.errors, name) as { message?: unknown } | undefined)?.message;
    return typeof message === 'string' && message ? humanMessage(message) : undefined;
  };
  const state = checkFailed
    ? CHECK_THE_FIELDS
    : mutation.isError
      ? saveFailure(mutation.error, refusal)
      : mutation.isPending
        ? { kind: 'saving' as const }
        : // "Saved" until the next edit.
          mutation.isSuccess && !form.formState.isDirty
          ? { kind: 'saved' as const }
          : { kind: 'idle' as const };
  return { form, onSubmit, mutation, state, errorOf };
}

/** The sentence by the Save button for a refused save: the page's own, else "check the fields" or the server's. */
export function saveFailure(error: Error, refusal?: (error: Error) => string | undefined): SaveState {
  const known = refusal?.(error);
  if (known) return { kind: 'failed', message: known };
  return error instanceof ApiError && error.errors.length > 0
    ? CHECK_THE_FIELDS
    : { kind: 'failed', message: problemMessage(error) };
}
