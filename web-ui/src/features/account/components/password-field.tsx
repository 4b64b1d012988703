import { useTranslation } from 'react-i18next';
import { TextField } from '@/components/form';

type PasswordFieldProps = {
  name: string;
  label: string;
  error: string | undefined;
  /** A new password gets the rules as a hint and the browser's password generator. */
  isNew?: boolean;
};

export function PasswordField({ name, label, error, isNew = false }: PasswordFieldProps) {
  const { t } = useTranslation();
  return (
    <TextField
      type="password"
      name={name}
      label={label}
      autoComplete={isNew ? 'new-password' : 'current-password'}
      hint={isNew ? t('password.hint') : undefined}
      error={error}
    />
  );
}
