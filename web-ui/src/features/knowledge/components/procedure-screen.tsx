import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '@/components/page';
import { LoadError, Loading } from '@/components/status';
import { paths } from '@/config/paths';
import { ApiError } from '@/lib/api/errors';
import { useAuth } from '@/lib/auth';
import { useProcedure, useStaffProcedure } from '../api/procedures';
import type { PublicProcedure, StaffProcedure } from '../api/types';
import { isUuid } from '../utils/ids';
import { ProcedureView } from './procedure-view';
import { STAFF_SECTION_ID, StaffSection } from './staff-section';

type ScreenProps = { id: string; version: number | undefined };

function NotFound() {
  const { t } = useTranslation();
  return (
    <Page title={t('knowledge.procedure.notFound')}>
      <p className="lead">{t('knowledge.procedure.notFoundText')}</p>
      <p>
        <Link to={paths.procedures}>{t('procedures.backToList')}</Link>
      </p>
    </Page>
  );
}

function Waiting() {
  const { t } = useTranslation();
  return (
    <Page title={t('procedures.detailTitle')}>
      <Loading />
    </Page>
  );
}

/** A failed load: "not found" for 404 (and 400, a malformed address), otherwise a retry. */
function Failed({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  if (error instanceof ApiError && (error.status === 404 || error.status === 400)) return <NotFound />;
  return (
    <Page title={t('procedures.detailTitle')}>
      <LoadError onRetry={onRetry} />
    </Page>
  );
}

/** The page of a procedure (or one of its versions) around its description. */
function Loaded({ procedure, staff }: { procedure: PublicProcedure | StaffProcedure; staff: boolean }) {
  const { t } = useTranslation();
  const name = procedure.fields.name;
  const version = procedure.metadata?.version;
  const title = procedure.current || version === undefined ? name : t('knowledge.procedure.versionTitle', { name, version });
  return (
    <Page title={title}>
      {!procedure.current && version !== undefined && (
        <p className="notice" role="note">
          {t('knowledge.procedure.notCurrent', { version })}{' '}
          <Link to={paths.procedure(procedure.id)}>{t('knowledge.procedure.currentLink')}</Link>
        </p>
      )}
      <div className="procedure-tools no-print">
        <button
          type="button"
          className="secondary"
          onClick={() => {
            window.print();
          }}
        >
          {t('knowledge.procedure.print')}
        </button>
        <Link to={paths.procedures}>{t('procedures.backToList')}</Link>
        {staff && <a href={`#${STAFF_SECTION_ID}`}>{t('knowledge.staff.jump')}</a>}
      </div>
      <ProcedureView procedure={procedure} staff={staff} />
      {staff && 'internal' in procedure && <StaffSection procedure={procedure} />}
    </Page>
  );
}

function PublicScreen({ id, version }: ScreenProps) {
  const procedure = useProcedure(id, version);
  if (procedure.isPending) return <Waiting />;
  if (procedure.isError) return <Failed error={procedure.error} onRetry={() => void procedure.refetch()} />;
  return <Loaded procedure={procedure.data} staff={false} />;
}

function StaffScreen({ id, version }: ScreenProps) {
  const procedure = useStaffProcedure(id, version, true);
  if (procedure.isPending) return <Waiting />;
  if (procedure.isError) return <Failed error={procedure.error} onRetry={() => void procedure.refetch()} />;
  return <Loaded procedure={procedure.data} staff />;
}

/**
 * A procedure as its reader may see it: staff of the knowledge base read the staff
 * representation (internal fields, internal and unpublished procedures); everybody else the
 * public one. Addresses that cannot be a procedure are not asked for.
 */
export function ProcedureScreen({ id, version }: ScreenProps) {
  const auth = useAuth();
  if (!isUuid(id) || (version !== undefined && (!Number.isInteger(version) || version < 1))) return <NotFound />;
  const profileLoading = auth.status === 'authenticated' && !auth.profile && !auth.profileFailed;
  if (auth.status === 'restoring' || profileLoading) return <Waiting />;
  return auth.isKnowledgeStaff ? <StaffScreen id={id} version={version} /> : <PublicScreen id={id} version={version} />;
}
