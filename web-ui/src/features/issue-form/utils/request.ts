import type { components } from '@/lib/api/schema';
import type { Language } from '@/config/languages';
import { givesContact, type Draft } from './draft';

export type NewIssue = components['schemas']['NewIssue'];

/** The API's `NewIssue` for a finished draft. */
export function newIssueOf(draft: Draft, language: Language): NewIssue {
  const { place, contact } = draft;
  const address = place.address.trim();
  return {
    category: draft.category ?? '',
    title: draft.title.trim(),
    description: draft.description.trim(),
    location: place.location ?? null,
    address: address === '' ? null : address,
    // The schema leaves the values untyped (any JSON per field).
    field_values: draft.fieldValues as NewIssue['field_values'],
    contact: givesContact(contact)
      ? {
          name: contact.name.trim() || null,
          email: contact.email.trim() || null,
          phone: contact.phone.trim() || null,
          consent: contact.consent,
        }
      : null,
    language,
  };
}

/** The multipart body: the issue as JSON in the part `issue`, and one part `photos` per photo. */
export function multipartOf(issue: NewIssue, photos: readonly File[]): FormData {
  const form = new FormData();
  form.append('issue', new Blob([JSON.stringify(issue)], { type: 'application/json' }));
  for (const photo of photos) {
    form.append('photos', photo, photo.name);
  }
  return form;
}
