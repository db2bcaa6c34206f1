import type { ReactNode } from 'react';
import { useNavigation } from './navigation';

interface ListStatesProps<T> {
  readonly query: {
    readonly isPending: boolean;
    readonly isError: boolean;
    readonly data: readonly T[] | undefined;
  };
  readonly loading: string;
  /** The failure in the person's words, shown while the read failed. */
  readonly loadError: string | null;
  /** What an empty list says, and the button to the Export screen where it starts. */
  readonly empty: string;
  readonly goToExport: string;
  /** The list itself, once it has something. */
  readonly children: (items: readonly T[]) => ReactNode;
}

/**
 * A screen's list read from main, in its four states: loading, failed (an alert), empty (a way
 * to the Export screen, where everything starts), or the list.
 */
export function ListStates<T>(props: ListStatesProps<T>) {
  const { navigate } = useNavigation();
  const { query } = props;
  return (
    <>
      {query.isPending && <p>{props.loading}</p>}
      {query.isError && props.loadError !== null && (
        <p role="alert" className="message-error">
          {props.loadError}
        </p>
      )}
      {query.data?.length === 0 && (
        <p>
          {props.empty}{' '}
          <button type="button" onClick={() => navigate({ screen: 'export' })}>
            {props.goToExport}
          </button>
        </p>
      )}
      {query.data && query.data.length > 0 && props.children(query.data)}
    </>
  );
}
