import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigation, useSearchParams } from 'react-router';
import { DateTime } from '@/components/date-time';
import { Pagination } from '@/components/pagination';
import { LoadError } from '@/components/status';
import { paths } from '@/config/paths';
import { useDebouncedValue } from '@/hooks/use-debounced-value';
import { useLanguage } from '@/hooks/use-language';
import { useUnits } from '@/lib/issues/queries';
import { useProcedures, useTopics } from '../api/procedures';
import type { ProcedureSummary, Topic } from '../api/types';

const PER_PAGE = 20;
/** How long typing must pause before the results follow (ms). */
const TYPING_PAUSE = 250;

/** A query parameter, or undefined when absent or empty. */
function param(params: URLSearchParams, name: string): string | undefined {
  return params.get(name)?.trim() || undefined;
}

function ResultItem({ procedure, staff }: { procedure: ProcedureSummary; staff: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <li>
      <article className="procedure-card" aria-labelledby={id}>
        <h3 id={id} className="procedure-card__name">
          <Link to={paths.procedure(procedure.id)}>{procedure.name}</Link>
        </h3>
        {procedure.short_description && <p className="procedure-card__description">{procedure.short_description}</p>}
        <p className="procedure-card__meta">
          {procedure.unit.name}
          {procedure.modified_at && (
            <>
              {' · '}
              {t('knowledge.search.updated')}: <DateTime value={procedure.modified_at} dateOnly />
            </>
          )}
          {staff && procedure.internal && <span className="badge badge--internal">{t('knowledge.search.internal')}</span>}
          {staff && procedure.publicly_visible === false && (
            <span className="badge badge--hidden">{t('knowledge.search.notPublic')}</span>
          )}
        </p>
      </article>
    </li>
  );
}

/** Topics (life events) to browse by, each with how many procedures it has. */
function TopicList({ topics, current, linkTo }: { topics: readonly Topic[]; current: string | undefined; linkTo: (topic?: string) => string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  return (
    <nav className="topic-list" aria-labelledby={id}>
      <h2 id={id}>{t('knowledge.search.topics')}</h2>
      <ul>
        <li>
          <Link to={linkTo(undefined)} aria-current={current === undefined ? 'page' : undefined}>
            {t('knowledge.search.allTopics')}
          </Link>
        </li>
        {topics
          .filter((topic) => topic.procedures > 0 || topic.slug === current)
          .map((topic) => (
            <li key={topic.slug}>
              <Link to={linkTo(topic.slug)} aria-current={current === topic.slug ? 'page' : undefined}>
                {language === 'pl' ? topic.name_pl : topic.name_en}
              </Link>{' '}
              <span className="topic-list__count">({t('knowledge.search.topicCount', { count: topic.procedures })})</span>
            </li>
          ))}
      </ul>
    </nav>
  );
}

/**
 * Search and browse the knowledge base: results follow the search box as one types (after a
 * short pause), the count is announced politely, and the unit, topic and page are in the
 * address so that results can be linked and the back button works. Staff search every
 * procedure, internal ones included.
 */
export function ProcedureBrowser({ staff = false }: { staff?: boolean }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = param(params, 'q') ?? '';
  const unit = param(params, 'unit');
  const topic = param(params, 'topic');
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [text, setText] = useState(q);
  const typed = useDebouncedValue(text.trim(), TYPING_PAUSE);
  const units = useUnits();
  const topics = useTopics();
  const results = useProcedures({ q: q || undefined, unit, topic, page, per_page: PER_PAGE }, staff);
  const searchId = useId();
  const hintId = useId();
  const resultsId = useId();

  // The address follows the typed words (once typing pauses), without a history entry per
  // keystroke; a change of the address by other means (clearing) is not undone, nor is a
  // result the reader opened before the pause (its page may still be loading).
  const navigation = useNavigation();
  const lastTyped = useRef(typed);
  useEffect(() => {
    if (typed === lastTyped.current || navigation.state !== 'idle') return;
    lastTyped.current = typed;
    if (typed === q) return;
    const next = new URLSearchParams(params);
    if (typed) next.set('q', typed);
    else next.delete('q');
    next.delete('page');
    setParams(next, { replace: true });
  }, [typed, q, params, setParams, navigation.state]);

  const withParams = (change: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(change)) {
      if (value) next.set(name, value);
      else next.delete(name);
    }
    next.delete('page');
    return next;
  };
  const topicLink = (slug?: string) => `?${withParams({ topic: slug }).toString()}`;

  const data = results.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.per_page)) : 1;
  const status = results.isError
    ? ''
    : data === undefined
      ? t('knowledge.search.searching')
      : data.total === 0
        ? t('knowledge.search.noResults')
        : t('knowledge.search.results', { count: data.total });

  return (
    <div className="procedure-browser">
      <form
        role="search"
        aria-label={t('knowledge.search.label')}
        className="procedure-search"
        onSubmit={(event) => {
          event.preventDefault();
          if (text.trim() !== q) setParams(withParams({ q: text.trim() }), { replace: true });
        }}
      >
        <div className="field">
          <label htmlFor={searchId}>{t('knowledge.search.label')}</label>
          <p id={hintId} className="field__hint">
            {t('knowledge.search.hint')}
          </p>
          <input
            id={searchId}
            type="search"
            value={text}
            aria-describedby={hintId}
            aria-controls={resultsId}
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => {
              setText(event.target.value);
            }}
          />
        </div>
        <div className="field">
          <label htmlFor={`${searchId}-unit`}>{t('knowledge.search.unit')}</label>
          <select
            id={`${searchId}-unit`}
            value={unit ?? ''}
            onChange={(event) => {
              setParams(withParams({ unit: event.target.value }));
            }}
          >
            <option value="">{t('knowledge.search.allUnits')}</option>
            {(units.data ?? []).map((option) => (
              <option key={option.slug} value={option.slug}>
                {option.name}
              </option>
            ))}
          </select>
        </div>
      </form>
      <div className="procedure-browser__layout">
        {topics.data && <TopicList topics={topics.data} current={topic} linkTo={topicLink} />}
        <section className="procedure-results" aria-labelledby={`${resultsId}-title`} id={resultsId}>
          <h2 id={`${resultsId}-title`}>{t('knowledge.search.resultsTitle')}</h2>
          {/* Always present, so that a changed count is announced. */}
          <p role="status" className="procedure-results__count">
            {status}
          </p>
          {results.isError && <LoadError onRetry={() => void results.refetch()} />}
          {data && data.items.length > 0 && (
            <ul className="procedure-list" aria-busy={results.isFetching}>
              {data.items.map((procedure) => (
                <ResultItem key={procedure.id} procedure={procedure} staff={staff} />
              ))}
            </ul>
          )}
          {data && <Pagination page={page} pages={pages} hasNext={page < pages} />}
          {(q || unit || topic) && (
            <p>
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  setText('');
                  setParams(new URLSearchParams());
                }}
              >
                {t('knowledge.search.clear')}
              </button>
            </p>
          )}
        </section>
      </div>
    </div>
  );
}
