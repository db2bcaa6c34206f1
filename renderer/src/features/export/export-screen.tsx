import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigation } from '../../app/navigation';
import { useDestinations } from '../destinations/use-destinations';
import { AgainPanel } from './again-panel';
import { ChangesSection } from './changes-section';
import { DestinationSection } from './destination-section';
import { DestinationServiceContext } from './destination-service-context';
import { ListsSection } from './lists-section';
import { MatchingTable } from './matching-table';
import { PreviewSection } from './preview-section';
import { SavedSetupsBar } from './saved-setups-bar';
import { SegmentsSection } from './segments-section';
import { ExportFooter } from './export-footer';
import { useDestinationFields, useDestinationLists } from './use-exports';
import { useExportSetup } from './use-export-setup';
import { sectionIds } from './section-ids';
import './export.css';
import { useNavigatedSegments } from './use-navigated-segments';

/**
 * Export (product.md, steps 3 and 4): destination, segments, matching, lists (Ortto: tags and the
 * email permission question), what will be sent, and the consent dialog before Start. Given a job
 * (History's "Export again"), it starts from it.
 */
export function ExportScreen() {
  const { t } = useTranslation('export');
  const { target } = useNavigation();
  const destinations = useDestinations();
  const setup = useExportSetup();
  const { draft, dispatch } = setup;
  const fields = useDestinationFields(draft.destinationId);
  const lists = useDestinationLists(draft.destinationId);
  const destination = destinations.data?.find((item) => item.id === draft.destinationId);
  const segments = setup.segmentsQuery.data;
  const plan = setup.plan.isPlaceholderData ? undefined : setup.plan.data;
  const onlyDestination = destinations.data?.length === 1 ? destinations.data[0] : undefined;

  const preselected = useRef(false);

  useEffect(() => {
    // The only destination there is needs no choosing (issue 17, item 6); once, so a person who
    // clears the choice keeps it cleared. Export again names its own destination.
    if (preselected.current || !onlyDestination || target.jobId) return;
    preselected.current = true;
    if (draft.destinationId === null) {
      dispatch({ type: 'destination', destinationId: onlyDestination.id });
    }
  }, [onlyDestination, draft.destinationId, target.jobId, dispatch]);
  useNavigatedSegments(target.segmentIds, draft.segmentIds, dispatch);

  return (
    <DestinationServiceContext.Provider value={destination?.service ?? 'autopilot'}>
      <section className="screen export-screen" aria-labelledby="export-title">
        <h1 id="export-title" tabIndex={-1}>
          {t('title')}
        </h1>
        <p className="screen-intro">{t('intro', { context: destination?.service })}</p>
        {target.jobId && <AgainPanel key={target.jobId} jobId={target.jobId} setup={setup} />}
        <SavedSetupsBar
          setup={setup}
          destinationIds={(destinations.data ?? []).map((item) => item.id)}
        />
        <DestinationSection
          destinations={destinations.data}
          destinationId={draft.destinationId}
          onChange={(destinationId) => dispatch({ type: 'destination', destinationId })}
          lists={lists}
        />
        <SegmentsSection
          segments={segments}
          selected={draft.segmentIds}
          onToggle={(segmentId, selected) =>
            dispatch({ type: 'toggleSegment', segmentId, selected })
          }
          plan={plan}
        />
        {setup.groups.length > 0 && (
          <section className="export-step card" aria-labelledby={sectionIds.matching}>
            <h2 id={sectionIds.matching} tabIndex={-1}>
              {t('matching.title', { context: destination?.service })}
            </h2>
            {setup.groups.map((group) => (
              <MatchingTable
                key={group.signature}
                group={group}
                misfits={(plan?.segments ?? [])
                  .filter((item) => group.segments.some((segment) => segment.id === item.segmentId))
                  .flatMap((item) => item.misfits)}
                accountFields={{
                  data: fields.data,
                  isPending: fields.isPending,
                  isEnabled: draft.destinationId !== null,
                  error: fields.error,
                }}
                dispatch={dispatch}
              />
            ))}
          </section>
        )}
        <ListsSection
          segments={setup.chosen}
          choices={draft.lists}
          lists={lists}
          onChange={(segmentId, list) => dispatch({ type: 'setList', segmentId, list })}
          permission={{
            choice: draft.emailPermission,
            onChange: (choice) => dispatch({ type: 'emailPermission', choice }),
            consentColumn: setup.consentColumn,
          }}
        />
        <ChangesSection setup={setup} />
        <PreviewSection
          segments={setup.chosen}
          requests={setup.countable}
          lists={lists.data}
          destinationId={draft.destinationId}
          emailPermission={draft.emailPermission}
        />
        <ExportFooter setup={setup} destination={destination} lists={lists} />
      </section>
    </DestinationServiceContext.Provider>
  );
}
