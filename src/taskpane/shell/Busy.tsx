/** Progress for anything that takes more than a moment: a labelled bar, determinate when the fraction is known. */
import { Field, ProgressBar } from "@fluentui/react-components";

export function Busy({ label, fraction }: { label: string; fraction?: number | null }) {
  return (
    <Field validationMessage={label} validationState="none" aria-live="polite">
      <ProgressBar thickness="large" {...(fraction == null ? {} : { value: fraction })} aria-label={label} />
    </Field>
  );
}
