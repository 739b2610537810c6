import { useState } from 'react';
import { asRequestError, type RequestError } from './client';
import { Failure } from './errors';
import { today } from './format';

/** A button that fetches a CSV file when pressed (not with the panel) and saves it as `<name>-<today>.csv`. */
export function CsvDownload({ label, name, fetch }: { label: string; name: string; fetch: () => Promise<string> }) {
  const [failure, setFailure] = useState<RequestError | null>(null);
  const download = async () => {
    setFailure(null);
    try {
      const csv = await fetch();
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
      link.download = `${name}-${today()}.csv`;
      link.click();
      URL.revokeObjectURL(link.href);
    } catch (error) {
      setFailure(asRequestError(error));
    }
  };
  return (
    <div>
      <button type="button" className="secondary" onClick={() => void download()}>
        {label}
      </button>
      <Failure error={failure} />
    </div>
  );
}
