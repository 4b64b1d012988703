export { ChoiceGroup } from './choice-group';
export { errorMessage } from './error-message';
export { CheckboxField, SelectField, TextAreaField, TextField } from './fields';
export { FormAlert, FormSuccess } from './form-alert';
export { FormFeedback } from './form-feedback';
export { submittedValues } from './form-values';
export { useFormErrors } from './use-form-errors';
