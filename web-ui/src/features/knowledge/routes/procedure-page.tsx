import { useParams } from 'react-router';
import { ProcedureScreen } from '../components/procedure-screen';

/** A procedure's current version. */
export function ProcedurePage() {
  const { id = '' } = useParams();
  return <ProcedureScreen key={id} id={id} version={undefined} />;
}
