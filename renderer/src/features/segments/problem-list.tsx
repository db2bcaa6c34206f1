import { useTranslation } from 'react-i18next';
import type { ImportProblem } from '../../../../shared/segments/import-report';
import type { SegmentSummary } from '../../../../shared/segments/segment-summary';
import { useFormatters } from './formatters';

function ProblemText({ problem }: { readonly problem: ImportProblem }) {
  const { t } = useTranslation('segments');
  const format = useFormatters();
  const { kind, line, ...details } = problem;
  const values = Object.fromEntries(
    Object.entries(details).map(([key, value]) => [
      key,
      typeof value === 'number' ? format.number(value) : value,
    ]),
  );
  return (
    <>
      <span className="problem-line">{t('problem.line', { line: format.number(line) })}</span>{' '}
      {t(`problem.${kind}`, values)}
    </>
  );
}

/** The first problems with their line numbers, so the person can find them in the file. */
export function ProblemList({ segment }: { readonly segment: SegmentSummary }) {
  const { t } = useTranslation('segments');
  const format = useFormatters();
  if (segment.problemCount === 0) {
    return <p className="segment-no-problems">{t('card.noProblems')}</p>;
  }
  return (
    <details className="segment-problems" open>
      <summary>{t('card.problems', { count: segment.problemCount })}</summary>
      <ul className="problem-list">
        {segment.problems.map((problem, index) => (
          <li key={index}>
            <ProblemText problem={problem} />
          </li>
        ))}
      </ul>
      {segment.problemCount > segment.problems.length && (
        <p className="segment-more-problems">
          {t('card.moreProblems', {
            shown: format.number(segment.problems.length),
            count: format.number(segment.problemCount),
          })}
        </p>
      )}
    </details>
  );
}
