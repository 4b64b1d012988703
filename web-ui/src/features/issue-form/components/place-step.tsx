import type { TFunction } from 'i18next';
import { useId, useState, type ChangeEvent, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormFeedback, useFormErrors } from '@/components/form';
import { useLanguage } from '@/hooks/use-language';
import type { Category, City, Location } from '@/lib/issues/types';
import { isInCity } from '@/lib/map/geometry';
import type { ChosenPlace, PlaceSource } from '../utils/draft';
import { photoLocation } from '../utils/photo-location';
import { elsewhereThan } from '../utils/steps';
import { AddressCombobox } from '@/components/issues/address-combobox';
import { PlaceMap } from '@/components/map/place-map';
import { StepForm, type StepPosition } from './step-form';

const FIELDS = ['location', 'address'] as const;
const ELSEWHERE = elsewhereThan('place');

type PlaceStepProps = {
  /** The city, for the map and the boundary; the address path works without it. */
  city: City | undefined;
  category: Category | undefined;
  place: ChosenPlace;
  position: StepPosition;
  serverError: unknown;
  /** Looking for issues nearby after Next. */
  pending: boolean;
  onNext: (place: ChosenPlace) => void;
  onBack: () => void;
  /** A photo chosen to read the place from also goes with the issue. */
  onAddPhoto: (file: File) => void;
};

/** Step 2: where — a pin on the map, the device's position, a photo's GPS position, or a typed address. */
export function PlaceStep({ city, category, place: initial, position, serverError, pending, onNext, onBack, onAddPhoto }: PlaceStepProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const photoId = useId();
  const [place, setPlace] = useState<ChosenPlace>(initial);
  const [message, setMessage] = useState<string>();
  const [localErrors, setLocalErrors] = useState<Partial<Record<string, string>>>();
  const { formRef, fieldError, formError, hasFieldErrors } = useFormErrors(serverError, FIELDS, {
    localErrors,
    elsewhere: ELSEWHERE,
  });

  const pick = (location: Location, source: PlaceSource) => {
    // An address chosen from the suggestions no longer describes another point.
    setPlace((current) => ({ location, address: current.source === 'address' ? '' : current.address, source }));
  };

  const locate = () => {
    if (!('geolocation' in navigator)) {
      setMessage(t('report.place.noGeolocation'));
      return;
    }
    setMessage(t('report.place.locating'));
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => {
        pick({ lat: coords.latitude, lon: coords.longitude }, 'device');
        setMessage(t('report.place.located'));
      },
      () => {
        setMessage(t('report.place.geolocationFailed'));
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };

  const fromPhoto = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setMessage(t('report.place.readingPhoto'));
    const location = await photoLocation(file);
    onAddPhoto(file);
    if (location) {
      pick(location, 'photo');
      setMessage(t('report.place.fromPhoto'));
    } else {
      setMessage(t('report.place.noPhotoLocation'));
    }
  };

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const address = place.address.trim();
    if (place.location && city && !isInCity(city, place.location)) {
      setLocalErrors({ location: t('errors.outside_city') });
      return;
    }
    if (!place.location && address === '' && (category?.location_required ?? true)) {
      setLocalErrors({ location: t('report.place.required') });
      return;
    }
    setLocalErrors(undefined);
    onNext({ ...place, address });
  };

  const chosen = describe(place, t, language);

  return (
    <StepForm
      title={t('report.steps.place')}
      position={position}
      formRef={formRef}
      onSubmit={onSubmit}
      onBack={onBack}
      pending={pending}
      submitLabel={pending ? t('report.place.checkingNearby') : undefined}
    >
      <FormFeedback formError={formError} hasFieldErrors={hasFieldErrors} />
      <p>{t('report.place.intro')}</p>
      <AddressCombobox
        name="address"
        label={t('report.place.address')}
        hint={t('report.place.addressHint')}
        error={fieldError('location') ?? fieldError('address')}
        value={place.address}
        onInput={(text) => {
          setPlace((current) =>
            current.source === 'address' ? { location: undefined, address: text, source: undefined } : { ...current, address: text },
          );
        }}
        onSelect={(found) => {
          setPlace({ location: { lat: found.lat, lon: found.lon }, address: found.label, source: 'address' });
        }}
      />
      <p role="status" className="place-chosen">
        {chosen}
      </p>
      <div className="place-tools">
        <button type="button" className="secondary" onClick={locate}>
          {t('report.place.useDevice')}
        </button>
        <div className="field">
          <label htmlFor={photoId}>{t('report.place.fromPhotoLabel')}</label>
          <p id={`${photoId}-hint`} className="field__hint">
            {t('report.place.fromPhotoHint')}
          </p>
          <input
            id={photoId}
            type="file"
            accept="image/*"
            aria-describedby={`${photoId}-hint`}
            onChange={(event) => void fromPhoto(event)}
          />
        </div>
      </div>
      {message && (
        <p role="status" className="status">
          {message}
        </p>
      )}
      {city && (
        <PlaceMap
          city={city}
          location={place.location}
          onPick={(location) => {
            pick(location, 'map');
          }}
        />
      )}
    </StepForm>
  );
}

/** The chosen place in words, announced as it changes (a pin dropped on the map is heard too). */
function describe(place: ChosenPlace, t: TFunction, language: string): string {
  const address = place.address.trim();
  if (place.location) {
    const format = new Intl.NumberFormat(language, { minimumFractionDigits: 5, maximumFractionDigits: 5 });
    const point = { lat: format.format(place.location.lat), lon: format.format(place.location.lon) };
    return address !== '' && place.source === 'address'
      ? t('report.place.chosenAddress', { address })
      : t('report.place.chosenPoint', point);
  }
  return address === '' ? t('report.place.none') : t('report.place.typedOnly', { address });
}
