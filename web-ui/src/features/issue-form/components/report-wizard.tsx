import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useLanguage } from '@/hooks/use-language';
import { useSessionStatus } from '@/lib/auth';
import type { Category, City } from '@/lib/issues/types';
import { randomUuid } from '@/lib/random-id';
import { useCreateIssue } from '../api/create-issue';
import { nearbyQueryOptions } from '../api/nearby';
import { EMPTY_DRAFT, updateDraft, type Draft, type DraftPhoto, type ChosenPlace } from '../utils/draft';
import { newIssueOf } from '../utils/request';
import { firstStepWithError, STEPS, type StepId } from '../utils/steps';
import { CategoryStep } from './category-step';
import { ContactStep } from './contact-step';
import { DetailsStep } from './details-step';
import { NearbyStep, type NearbyIssue } from './nearby-step';
import { PhotosStep } from './photos-step';
import { PlaceStep } from './place-step';
import { ReportSuccess } from './report-success';
import { StepProgress } from './step-progress';
import { SummaryStep } from './summary-step';

type ReportWizardProps = {
  categories: readonly Category[];
  /** The city, once loaded (the map needs it; the rest of the form does not). */
  city: City | undefined;
};

function withPreview(file: File): DraftPhoto {
  return { id: randomUuid(), file, preview: URL.createObjectURL(file) };
}

/**
 * The report form, one step at a time (mobile-first). The draft lives here while the steps come
 * and go; after a refused submission the resident is taken to the first step with a wrong
 * field, and every step shows the errors of its own fields until it is sent on again.
 */
export function ReportWizard({ categories, city }: ReportWizardProps) {
  const language = useLanguage();
  const loggedIn = useSessionStatus() === 'authenticated';
  const queryClient = useQueryClient();
  const create = useCreateIssue();
  const [draft, setDraft] = useState<Draft>(EMPTY_DRAFT);
  const [step, setStep] = useState<StepId>('category');
  const [moved, setMoved] = useState(false);
  const [nearby, setNearby] = useState<readonly NearbyIssue[]>([]);
  const [checkingNearby, setCheckingNearby] = useState(false);
  // Steps sent on again since the last submission: their old server errors no longer apply.
  const [resolved, setResolved] = useState<ReadonlySet<StepId>>(new Set());
  // One key per content sent: a repeated click after a lost answer does not file twice (R1.10).
  const [idempotencyKey, setIdempotencyKey] = useState<string>();

  const photosRef = useRef(draft.photos);
  useEffect(() => {
    photosRef.current = draft.photos;
  }, [draft.photos]);
  useEffect(
    () => () => {
      for (const photo of photosRef.current) URL.revokeObjectURL(photo.preview);
    },
    [],
  );

  const steps = STEPS.filter((id) => id !== 'nearby' || nearby.length > 0);
  const category = categories.find((candidate) => candidate.slug === draft.category);
  const index = steps.indexOf(step);
  const position = { index, count: steps.length, focus: moved };
  const serverError = resolved.has(step) ? undefined : create.error;

  const go = (next: StepId) => {
    setStep(next);
    setMoved(true);
  };
  const change = (patch: Partial<Draft>) => {
    setDraft((current) => updateDraft(current, patch));
    setIdempotencyKey(undefined);
  };
  /** Leaves `from` with its values: its old server errors are gone, the next step comes. */
  const advance = (from: StepId, patch: Partial<Draft>, next?: StepId) => {
    change(patch);
    setResolved((current) => new Set(current).add(from));
    go(next ?? steps[steps.indexOf(from) + 1] ?? 'summary');
  };
  const back = () => {
    go(steps[Math.max(index - 1, 0)] ?? 'category');
  };

  const placeChosen = async (place: ChosenPlace) => {
    const slug = draft.category;
    let found: readonly NearbyIssue[] = [];
    if (slug && place.location) {
      setCheckingNearby(true);
      try {
        found = await queryClient.query(nearbyQueryOptions(slug, place.location));
      } catch {
        // Not knowing about neighbours must not stop a report.
      } finally {
        setCheckingNearby(false);
      }
    }
    setNearby(found);
    advance('place', { place }, found.length > 0 ? 'nearby' : 'details');
  };

  const addPhotos = (files: File[]) => {
    setDraft((current) => ({ ...current, photos: [...current.photos, ...files.map(withPreview)] }));
    setIdempotencyKey(undefined);
  };
  const removePhoto = (photo: DraftPhoto) => {
    URL.revokeObjectURL(photo.preview);
    setDraft((current) => ({ ...current, photos: current.photos.filter((candidate) => candidate.id !== photo.id) }));
    setIdempotencyKey(undefined);
    // Errors of photos are by position, which has just changed.
    setResolved((current) => new Set(current).add('photos'));
  };

  const submit = () => {
    const key = idempotencyKey ?? randomUuid();
    setIdempotencyKey(key);
    setResolved(new Set());
    create.mutate(
      { issue: newIssueOf(draft, language), photos: draft.photos.map((photo) => photo.file), idempotencyKey: key },
      {
        onError: (error) => {
          go(firstStepWithError(error, steps));
        },
      },
    );
  };

  const startAgain = () => {
    for (const photo of draft.photos) URL.revokeObjectURL(photo.preview);
    create.reset();
    setDraft(EMPTY_DRAFT);
    setNearby([]);
    setResolved(new Set());
    setIdempotencyKey(undefined);
    go('category');
  };

  if (create.data) {
    return <ReportSuccess created={create.data} onAnother={startAgain} />;
  }

  return (
    <div className="report-wizard">
      <StepProgress steps={steps} current={step} />
      {step === 'category' && (
        <CategoryStep
          categories={categories}
          selected={draft.category}
          position={position}
          serverError={serverError}
          onNext={(slug) => {
            advance('category', { category: slug });
          }}
        />
      )}
      {step === 'place' && (
        <PlaceStep
          city={city}
          category={category}
          place={draft.place}
          position={position}
          serverError={serverError}
          pending={checkingNearby}
          onNext={(place) => void placeChosen(place)}
          onBack={back}
          onAddPhoto={(file) => {
            addPhotos([file]);
          }}
        />
      )}
      {step === 'nearby' && (
        <NearbyStep
          issues={nearby}
          position={position}
          onNext={() => {
            advance('nearby', {});
          }}
          onBack={back}
        />
      )}
      {step === 'details' && category && (
        <DetailsStep
          category={category}
          details={draft}
          position={position}
          serverError={serverError}
          onNext={(details) => {
            advance('details', details);
          }}
          onBack={back}
        />
      )}
      {step === 'photos' && (
        <PhotosStep
          photos={draft.photos}
          position={position}
          serverError={serverError}
          onAdd={addPhotos}
          onRemove={removePhoto}
          onNext={() => {
            advance('photos', {});
          }}
          onBack={back}
        />
      )}
      {step === 'contact' && (
        <ContactStep
          contact={draft.contact}
          loggedIn={loggedIn}
          position={position}
          serverError={serverError}
          onNext={(contact) => {
            advance('contact', { contact });
          }}
          onBack={back}
        />
      )}
      {step === 'summary' && (
        <SummaryStep
          draft={draft}
          category={category}
          position={position}
          serverError={serverError}
          pending={create.isPending}
          onEdit={go}
          onSubmit={submit}
          onBack={back}
        />
      )}
    </div>
  );
}
