import { ApiError } from '../api/client.ts';

/** Puts a problem+json answer's `errors[].path` messages next to the fields; returns whether any matched. */
export function showFieldErrors(form: { setErrors(errors: Record<string, string>): void }, error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  const fields = error.fieldErrors();
  if (Object.keys(fields).length === 0) return false;
  form.setErrors(fields);
  return true;
}
