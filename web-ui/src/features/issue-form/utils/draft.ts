import type { FieldValues, Location } from '@/lib/issues/types';

/** How the place was given. */
export type PlaceSource = 'map' | 'device' | 'photo' | 'address';

export type ChosenPlace = {
  location: Location | undefined;
  /** The address typed or chosen from the suggestions (sent as `address`). */
  address: string;
  source: PlaceSource | undefined;
};

/** A photo chosen for upload, with its preview (an object URL, revoked when the photo is removed). */
export type DraftPhoto = { id: string; file: File; preview: string };

export type Contact = { name: string; email: string; phone: string; consent: boolean };

/** Everything the resident has entered so far, across the steps. */
export type Draft = {
  category: string | undefined;
  place: ChosenPlace;
  title: string;
  description: string;
  fieldValues: FieldValues;
  photos: DraftPhoto[];
  contact: Contact;
};

export const EMPTY_DRAFT: Draft = {
  category: undefined,
  place: { location: undefined, address: '', source: undefined },
  title: '',
  description: '',
  fieldValues: {},
  photos: [],
  contact: { name: '', email: '', phone: '', consent: false },
};

/** Whether the resident gave any contact data (which then needs their consent). */
export function givesContact(contact: Contact): boolean {
  return [contact.name, contact.email, contact.phone].some((value) => value.trim() !== '');
}

/** A change to the draft; choosing another category drops the answers to the old one's fields. */
export function updateDraft(draft: Draft, patch: Partial<Draft>): Draft {
  const next = { ...draft, ...patch };
  if (patch.category !== undefined && patch.category !== draft.category) {
    next.fieldValues = {};
  }
  return next;
}
