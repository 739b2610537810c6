import { useEffect } from 'react';
import { DelayProgressDocument } from '../generated/graphql';
import { useQuery } from './api';

/** A delay's report, read again every {@code every} ms until its cascade is done; then {@code onDone}, once. */
export function useReportUntilDone(id: string, every: number, onDone: () => void) {
  const progress = useQuery(DelayProgressDocument, { id });
  const { reload, loading } = progress;
  const done = progress.data?.delayReport?.state === 'DONE';
  useEffect(() => {
    if (done) {
      onDone();
    }
  }, [done, onDone]);
  useEffect(() => {
    if (done || loading) {
      return;
    }
    const timer = window.setTimeout(reload, every);
    return () => window.clearTimeout(timer);
  }, [done, loading, reload, every]);
  return progress;
}
