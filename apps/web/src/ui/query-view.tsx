import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Empty, ErrorState, Loading } from './states';

/**
 * One query's loading, error (with a retry) and empty states around what it shows (issue #11): a list
 * is empty when it has no item, anything else when `isEmpty` says so; without `empty` there is no
 * empty state and `children` shows the data as it is.
 */
export function QueryView<T>({
  query,
  empty,
  isEmpty,
  children,
}: {
  query: UseQueryResult<T>;
  empty?: string;
  isEmpty?: (data: T) => boolean;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (empty !== undefined && (isEmpty ? isEmpty(query.data) : Array.isArray(query.data) && query.data.length === 0)) return <Empty>{empty}</Empty>;
  return children(query.data);
}
