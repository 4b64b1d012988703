import { useParams } from 'react-router';
import { ProcedureScreen } from '../components/procedure-screen';

/** An earlier version of a procedure, from its register of changes. */
export function ProcedureVersionPage() {
  const { id = '', version = '' } = useParams();
  return <ProcedureScreen key={`${id}/${version}`} id={id} version={/^\d+$/.test(version) ? Number(version) : Number.NaN} />;
}
