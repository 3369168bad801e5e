import {
  cloneElement,
  Fragment,
  isValidElement,
  useId,
  type InputHTMLAttributes,
  type ReactElement,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';

interface FieldProps {
  label: ReactNode;
  /** Help under the input, hidden while an error shows. */
  hint?: ReactNode;
  /** The refusal for this field, shown at the field (role=alert). */
  error?: string | null;
  /** `data-testid` of the error text, e.g. `job-field-error-priority`. */
  errorTestId?: string;
  className?: string;
  /** One input; it gets the field's id and aria attributes. */
  children: ReactNode;
}

/** A labelled input with its hint or error; wraps any input (the ones below or a plain element). */
export function Field({ label, hint, error, errorTestId, className, children }: FieldProps) {
  const id = useId();
  const described = `${id}-msg`;
  // A fragment (an input with its helpers) cannot take an id: its label then wraps nothing.
  const single = isValidElement(children) && children.type !== Fragment;
  const child = single
    ? cloneElement(children as ReactElement<Record<string, unknown>>, {
        id: (children.props as { id?: string }).id ?? id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': error || hint ? described : undefined,
      })
    : children;
  const inputId = single ? ((children.props as { id?: string }).id ?? id) : undefined;
  return (
    <div className={`field${error ? ' field-bad' : ''}${className ? ` ${className}` : ''}`}>
      <label className="field-label" htmlFor={inputId}>
        {label}
      </label>
      {child}
      {error ? (
        <span className="field-error" role="alert" id={described} data-testid={errorTestId}>
          {error}
        </span>
      ) : (
        hint && (
          <span className="field-hint" id={described}>
            {hint}
          </span>
        )
      )}
    </div>
  );
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> & {
  value: string;
  onChange: (value: string) => void;
};

export function TextInput({ onChange, ...rest }: InputProps) {
  return <input type="text" {...rest} onChange={(e) => onChange(e.target.value)} />;
}

type NumberProps = Omit<InputProps, 'type'> & {
  /** Lets only digits (and a leading minus) be typed. */
  integer?: boolean;
};

/** A number kept as text, so a half-typed "-" or "" is not lost; parse it on submit. */
export function NumberInput({ integer = false, onChange, ...rest }: NumberProps) {
  return (
    <input
      type="text"
      inputMode={integer ? 'numeric' : 'decimal'}
      {...rest}
      onChange={(e) => {
        const v = e.target.value;
        if (integer && !/^-?\d*$/.test(v)) return;
        onChange(v);
      }}
    />
  );
}

type TextAreaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'onChange' | 'value'> & {
  value: string;
  onChange: (value: string) => void;
};

export function TextArea({ onChange, ...rest }: TextAreaProps) {
  return <textarea {...rest} onChange={(e) => onChange(e.target.value)} />;
}

/** One option: a value and its label (the value itself when omitted). */
export type Option = { value: string; label?: string };

type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange' | 'value'> & {
  value: string;
  onChange: (value: string) => void;
  options: Option[];
};

export function Select({ onChange, options, ...rest }: SelectProps) {
  return (
    <select {...rest} onChange={(e) => onChange(e.target.value)}>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label ?? o.value}
        </option>
      ))}
    </select>
  );
}

type CheckboxProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'checked' | 'type'> & {
  checked: boolean;
  onChange: (checked: boolean) => void;
  label: ReactNode;
};

/** A checkbox with its label on the same line. */
export function Checkbox({ checked, onChange, label, className, ...rest }: CheckboxProps) {
  return (
    <label className={`check-line${className ? ` ${className}` : ''}`}>
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} {...rest} />
      <span>{label}</span>
    </label>
  );
}
